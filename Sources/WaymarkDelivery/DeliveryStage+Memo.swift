import StructuredData
import WaymarkLoading
import WaymarkModel

extension DeliveryStage {
  /// The part of `catalog` the metrics read, as a key for the build cache: every entity's
  /// reference, where it is written and its document, less what only people read
  /// (`metadata.title`, `description`, `tags` and `links`), which nothing here looks at; so
  /// editing a description leaves the metrics' key as it was.
  public static func catalogKey(_ catalog: Catalog) -> MemoKey {
    var hasher = MemoHasher("delivery-catalog")
    hasher.add(catalog, leavingOutMetadata: ["title", "description", "tags", "links"])
    return hasher.finish()
  }
}
