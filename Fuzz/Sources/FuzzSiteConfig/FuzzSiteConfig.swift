import FuzzSupport
import WaymarkLoading
import WaymarkModel

/// The site configuration: a `waymark.yaml` in, settings and located diagnostics out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSiteConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzInput.bytes(data, size)
  let (_, diagnostics) = SiteConfigLoader().parse(SourceFile(path: SiteConfigLoader.fileName, bytes: bytes))
  DiagnosticInvariants.check(diagnostics, path: SiteConfigLoader.fileName, bytes: bytes)
  return FuzzInput.keep
}
