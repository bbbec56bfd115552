import WaymarkModel

extension FolderPlacement {
  /// The output folder's problems as diagnostics at `waymark.yaml`'s `output:` (else where the problem is).
  func outputDiagnostics(_ problems: [Problem]) -> [Diagnostic] {
    problems.map { problem in
      .error(
        problem.code, problem.message,
        at: config.outputLocation ?? problem.fallbackLocation ?? SourceLocation(path: config.outputDirectory))
    }
  }

  /// The layouts folder's problems as diagnostics at `waymark.yaml`'s `layouts:` (else where the problem is).
  func layoutsDiagnostics(_ problems: [Problem]) -> [Diagnostic] {
    problems.map { problem in
      .error(
        problem.code, problem.message,
        at: config.layoutsLocation ?? problem.fallbackLocation ?? SourceLocation(path: config.layoutsDirectory))
    }
  }
}
