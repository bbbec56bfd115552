extension KubernetesObject: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(kind)
    writer.add(namespace)
    writer.add(name)
    writer.add(kubernetesId)
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    self.init(
      kind: try reader.string(), namespace: try reader.string(), name: try reader.string(),
      kubernetesId: try reader.optionalString())
  }
}

extension RepositoryIdentity: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(host)
    writer.add(owner)
    writer.add(name)
  }

  /// Its parts as written: already lowercased, so the initialiser keeps them as they are.
  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    let host = try reader.optionalString()
    let owner = try reader.optionalString()
    guard let identity = RepositoryIdentity(host: host, owner: owner, name: try reader.string()) else {
      throw CacheRecordReader.Corrupt()
    }
    self = identity
  }
}

extension GuardrailInputSummary: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(path)
    writer.add(format)
    writer.add(tool)
    writer.add(results)
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    self.init(
      path: try reader.string(), format: try reader.string(), tool: try reader.string(), results: try reader.int())
  }
}

extension GuardrailFinding: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(tool)
    writer.add(ruleId)
    writer.add(ruleName)
    writer.add(result.rawValue)
    writer.add(severity.rawValue)
    writer.add(message)
    writer.add(file)
    writer.add(line != nil)
    writer.add(line ?? 0)
    writer.add(helpURL)
    writer.add(suppressed)
    writer.add(input)
    writer.add(count)
    writer.add(entityRef)
    writer.add(kubernetes)
    writer.add(repository)
    writer.add(fileBase)
    writer.add(mappedBy?.rawValue)
  }

  /// Enumerations by name: a name no longer known makes the entry unreadable.
  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    let tool = try reader.string()
    let ruleId = try reader.string()
    let ruleName = try reader.optionalString()
    guard let result = GuardrailOutcome(rawValue: try reader.string()),
      let severity = GuardrailSeverity(rawValue: try reader.string())
    else { throw CacheRecordReader.Corrupt() }
    let message = try reader.string()
    let file = try reader.optionalString()
    let hasLine = try reader.bool()
    let line = try reader.int()
    self.init(
      tool: tool, ruleId: ruleId, ruleName: ruleName, result: result, severity: severity, message: message, file: file,
      line: hasLine ? line : nil, helpURL: try reader.optionalString(), suppressed: try reader.bool(),
      input: try reader.value(SourceLocation.self), count: try reader.int(), entityRef: try reader.optionalString(),
      kubernetes: try reader.array(of: KubernetesObject.self), repository: try reader.optional(RepositoryIdentity.self),
      fileBase: try reader.optionalString())
    if let rule = try reader.optionalString() {
      guard let mappedBy = GuardrailMappingRule(rawValue: rule) else { throw CacheRecordReader.Corrupt() }
      self.mappedBy = mappedBy
    }
  }
}
