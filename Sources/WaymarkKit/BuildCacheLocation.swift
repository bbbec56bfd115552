import Foundation

/// Where a build keeps its cache (see `BuildMemo`).
public enum BuildCacheLocation: Sendable, Hashable {
  /// No cache: every build reads, computes and writes everything.
  case none
  /// `.waymark-cache/` in the folder holding the output folder (`waymark build`'s default).
  case besideOutput
  /// The given folder (`--cache DIR`).
  case folder(URL)

  /// The cache folder for the output folder `output`, or nil.
  public func folder(output: URL) -> URL? {
    switch self {
    case .none: return nil
    case .besideOutput:
      return output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".waymark-cache")
    case .folder(let url): return url.standardizedFileURL
    }
  }
}
