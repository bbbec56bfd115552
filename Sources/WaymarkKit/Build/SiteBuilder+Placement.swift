extension SiteBuilder {
  /// The output folder's problems as diagnostics at `waymark.yaml`'s `output:` (else where the
  /// problem is); for a folder given on the command line, a usage failure instead.
  static func outputDiagnostics(
    _ problems: [FolderPlacement.Problem], config: SiteConfig, commandLine: Bool
  ) throws(BuildFailure) -> [Diagnostic] {
    if commandLine, let problem = problems.first {
      throw BuildFailure("--output: \(problem.message) [\(problem.code)]", isUsage: true)
    }
    return problems.map { problem in
      .error(
        problem.code, problem.message,
        at: config.outputLocation ?? problem.fallbackLocation ?? SourceLocation(path: config.outputDirectory))
    }
  }

  /// The layouts folder's problems as diagnostics at `waymark.yaml`'s `layouts:` (else where the
  /// problem is).
  static func layoutsDiagnostics(_ problems: [FolderPlacement.Problem], config: SiteConfig) -> [Diagnostic] {
    problems.map { problem in
      .error(
        problem.code, problem.message,
        at: config.layoutsLocation ?? problem.fallbackLocation ?? SourceLocation(path: config.layoutsDirectory))
    }
  }
}
