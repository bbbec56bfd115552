import Foundation

/// Where a build keeps its cache (see `BuildMemo`).
public enum BuildCacheLocation: Sendable, Hashable {
  /// No cache: every build reads, computes and writes everything.
  case none
  /// `.waymark-cache/` in the folder holding the output folder (`waymark build`'s default).
  case besideOutput
  /// The given folder (`--cache DIR`).
  case folder(URL)

  /// The folder `--cache` names, or nil (no cache, or the hidden one beside the output).
  public var namedFolder: URL? {
    if case .folder(let url) = self { return url.standardizedFileURL }
    return nil
  }

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
