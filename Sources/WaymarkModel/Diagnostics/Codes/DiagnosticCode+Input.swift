extension DiagnosticCode {
  /// The codes for files that cannot be read.
  static let inputCodes: [DiagnosticCode] = [.inputMissing, .inputUnreadable, .inputOutsideRoot, .inputTooLarge, .inputHiddenPath]

  /// `input.missing`
  public static let inputMissing = DiagnosticCode(
    "input.missing", .error, .input, "a file that does not exist, such as a symbolic link to nothing",
    example: "catalog/gone.yaml", "(a symbolic link to catalog/removed.yaml, which does not exist)\n",
    prints: "catalog/gone.yaml: error: file does not exist [input.missing]")

  /// `input.unreadable`
  public static let inputUnreadable = DiagnosticCode(
    "input.unreadable", .error, .input, "a folder, FIFO, socket or device, a link loop, or no permission",
    example: "catalog/pipe.yaml", "(a named pipe matched by the catalog glob)\n",
    prints: """
      catalog/pipe.yaml: error: expected a regular file, found a FIFO (named pipe); it is not read [input.unreadable]
      """)

  /// `input.outside-root`
  public static let inputOutsideRoot = DiagnosticCode(
    "input.outside-root", .error, .input, "a symbolic link leading out of the site root",
    example: "catalog/passwd.yaml", "(a symbolic link to /etc/passwd)\n",
    prints: """
      catalog/passwd.yaml: error: a symbolic link leads outside the site root; it is not read [input.outside-root]
      """)

  /// `input.too-large`
  public static let inputTooLarge = DiagnosticCode(
    "input.too-large", .error, .input, "a file read whole that is over 64 MiB; it is not read",
    example: "catalog/huge.yaml", "(a 70 MiB catalog file)\n",
    prints: """
      catalog/huge.yaml: error: file is 73400320 bytes, over the 64 MiB limit for one input file; it is not read \
      [input.too-large]
      """)
}
