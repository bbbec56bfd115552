extension DiagnosticCode {
  /// The codes for files that cannot be read.
  static let inputCodes: [DiagnosticCode] = [
    .inputMissing, .inputUnreadable, .inputOutsideRoot, .inputTooLarge, .inputHiddenPath, .inputLockInvalid,
    .inputCacheMismatch, .inputFetchFailed, .inputFetchRefused, .inputFetchTooLarge, .inputLockStale,
  ]

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

  /// `input.lock-invalid`
  public static let inputLockInvalid = DiagnosticCode(
    "input.lock-invalid", .error, .input, "a `waymark.lock` that is not the JSON `waymark fetch` writes",
    example: "waymark.lock", "{\"version\": 1, \"entries\": [{\"url\": \"https://example.com/a.yaml\"}]}\n",
    prints: """
      waymark.lock: error: waymark.lock entry 1 must have url, resolvedURL, sha256 (64 lowercase hex digits), bytes \
      and fetchedAt; run 'waymark fetch' to rewrite it [input.lock-invalid]
      """)

  /// `input.cache-mismatch`
  public static let inputCacheMismatch = DiagnosticCode(
    "input.cache-mismatch", .error, .input,
    "a cached remote file whose bytes no longer match the SHA-256 `waymark.lock` records (edited or corrupted)",
    example: "https://github.com/acme/orders/blob/main/catalog-info.yaml",
    "(the file in .waymark/cache was edited after `waymark fetch` stored it)\n",
    prints: """
      https://github.com/acme/orders/blob/main/catalog-info.yaml: error: the cached copy does not match the SHA-256 \
      in waymark.lock; run 'waymark fetch' to fetch it again [input.cache-mismatch]
      """)

  /// `input.fetch-failed`
  public static let inputFetchFailed = DiagnosticCode(
    "input.fetch-failed", .error, .input, "`waymark fetch` could not download a URL (HTTP error, timeout, no network)",
    example: "catalog/all.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: all
    spec:
      type: url
      target: https://github.com/acme/gone/blob/main/catalog-info.yaml

    """,
    prints: """
      catalog/all.yaml:7:11: error: cannot fetch 'https://github.com/acme/gone/blob/main/catalog-info.yaml' \
      (https://raw.githubusercontent.com/acme/gone/main/catalog-info.yaml): HTTP 404 [input.fetch-failed]
      """)

  /// `input.fetch-refused`
  public static let inputFetchRefused = DiagnosticCode(
    "input.fetch-refused", .error, .input,
    "a URL `waymark fetch` will not read: not https (http only to loopback), or redirected to another host or scheme",
    example: "catalog/all.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: all
    spec:
      type: url
      target: http://example.com/catalog-info.yaml

    """,
    prints: """
      catalog/all.yaml:7:11: error: 'http://example.com/catalog-info.yaml' is not fetched: only https URLs are \
      (http only to this machine) [input.fetch-refused]
      """)

  /// `input.fetch-too-large`
  public static let inputFetchTooLarge = DiagnosticCode(
    "input.fetch-too-large", .error, .input, "a remote file over the size limit for one fetched file; it is not stored",
    example: "catalog/api.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: API
    metadata:
      name: orders
    spec:
      type: openapi
      lifecycle: production
      owner: team-a
      definition:
        $text: https://github.com/acme/orders/blob/main/openapi.yaml

    """,
    prints: """
      catalog/api.yaml:10:5: error: 'https://github.com/acme/orders/blob/main/openapi.yaml' is over the 8 MiB limit \
      for one fetched file; it is not stored [input.fetch-too-large]
      """)

  /// `input.lock-stale`
  public static let inputLockStale = DiagnosticCode(
    "input.lock-stale", .error, .input,
    "`waymark fetch --check`: `waymark.lock` does not match what the catalog names or what the URLs now serve",
    example: "waymark.lock", "(a remote catalog-info.yaml changed after the lock was written)\n",
    prints: """
      waymark.lock: error: 'https://github.com/acme/orders/blob/main/catalog-info.yaml' changed upstream (locked \
      3f2a9c41d0b7, now 9c41e8a20f6d); run 'waymark fetch --update' [input.lock-stale]
      """)
}
