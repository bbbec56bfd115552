extension DiagnosticCode {
  // The catalog's other codes (`catalogCodes`): how `waymark.yaml`'s input settings meet Locations.

  /// `catalog.excluded-location-target`
  public static let catalogExcludedLocationTarget = DiagnosticCode(
    "catalog.excluded-location-target", .note, .catalog,
    "a Location names a file `inputs.exclude` leaves out; the Location wins and the file is read",
    example: "catalog-info.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: acme
    spec:
      targets:
        - ./legacy/catalog-info.yaml

    """,
    prints: """
      catalog-info.yaml:7:7: note: a Location names 'legacy/catalog-info.yaml', which inputs.exclude 'legacy/**' \
      leaves out; it is read, as a Location's target always is [catalog.excluded-location-target]
      """)
}
