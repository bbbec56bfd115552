extension EntityKindSchema {
  package static let coreVersions = ["backstage.io/v1alpha1", "backstage.io/v1beta1"]
  package static let profile = Rule.object(
    members: [("displayName", text), ("email", text), ("picture", text)], required: [])

  /// Every built-in kind: catalog-model's eight, the newer `AiResource` and the scaffolder's
  /// `Template`. Variants selected by `spec.type` come before the kind's general schema.
  public static let builtin: [EntityKindSchema] = [
    EntityKindSchema(
      kind: "Component", apiVersions: coreVersions, variant: nil,
      spec: .object(
        members: [
          ("type", text), ("lifecycle", text), ("owner", text), ("system", text), ("subcomponentOf", text),
          ("providesApis", texts), ("consumesApis", texts), ("dependsOn", texts), ("dependencyOf", texts),
        ], required: ["type", "lifecycle", "owner"])),
    // RFC #32062: an MCP server lists its `remotes` instead of a `definition`.
    EntityKindSchema(
      kind: "API", apiVersions: coreVersions, variant: "mcp-server",
      spec: .object(
        members: [
          ("type", .oneOf(["mcp-server"])), ("lifecycle", text), ("owner", text), ("system", text),
          (
            "remotes",
            .list(.object(members: [("type", text), ("url", text)], required: ["type", "url"]), minItems: 1)
          ),
        ], required: ["type", "lifecycle", "owner", "remotes"])),
    EntityKindSchema(
      kind: "API", apiVersions: coreVersions, variant: nil,
      spec: .object(
        members: [("type", text), ("lifecycle", text), ("owner", text), ("system", text), ("definition", text)],
        required: ["type", "lifecycle", "owner", "definition"])),
    EntityKindSchema(
      kind: "Resource", apiVersions: coreVersions, variant: nil,
      spec: .object(
        members: [("type", text), ("owner", text), ("system", text), ("dependsOn", texts), ("dependencyOf", texts)],
        required: ["type", "owner"])),
    EntityKindSchema(
      kind: "System", apiVersions: coreVersions, variant: nil,
      spec: .object(members: [("owner", text), ("domain", text), ("type", text)], required: ["owner"])),
    EntityKindSchema(
      kind: "Domain", apiVersions: coreVersions, variant: nil,
      spec: .object(members: [("owner", text), ("subdomainOf", text), ("type", text)], required: ["owner"])),
    EntityKindSchema(
      kind: "Group", apiVersions: coreVersions, variant: nil,
      spec: .object(
        members: [("type", text), ("profile", profile), ("parent", text), ("children", texts), ("members", texts)],
        required: ["type", "children"])),
    EntityKindSchema(
      kind: "User", apiVersions: coreVersions, variant: nil,
      spec: .object(members: [("profile", profile), ("memberOf", texts)], required: ["memberOf"])),
    EntityKindSchema(
      kind: "Location", apiVersions: coreVersions, variant: nil,
      spec: .object(
        members: [
          ("type", text), ("target", text), ("targets", texts), ("presence", .oneOf(["required", "optional"])),
        ],
        required: [])),
    // The opt-in AI model module (PR #34261): skills list disciplines, categories and agents;
    // rules need a category and a rationale.
    EntityKindSchema(
      kind: "AiResource", apiVersions: ["backstage.io/v1alpha1"], variant: "skill",
      spec: .object(
        members: [
          ("type", .oneOf(["skill"])), ("lifecycle", text), ("owner", text), ("system", text), ("disciplines", texts),
          ("categories", texts), ("agents", texts), ("dependsOn", texts),
        ], required: ["type", "lifecycle", "owner"])),
    EntityKindSchema(
      kind: "AiResource", apiVersions: ["backstage.io/v1alpha1"], variant: "rule",
      spec: .object(
        members: [
          ("type", .oneOf(["rule"])), ("lifecycle", text), ("owner", text), ("system", text), ("disciplines", texts),
          ("category", text), ("rationale", text),
        ], required: ["type", "lifecycle", "owner", "category", "rationale"])),
    EntityKindSchema(
      kind: "AiResource", apiVersions: ["backstage.io/v1alpha1"], variant: nil,
      spec: .object(
        members: [("type", text), ("lifecycle", text), ("owner", text), ("system", text)],
        required: ["type", "lifecycle", "owner"])),
    EntityKindSchema(
      kind: "Template", apiVersions: ["scaffolder.backstage.io/v1beta3"], variant: nil, spec: templateSpec),
  ]

  /// `Template.v1beta3.schema.json`'s spec.
  package static let templateSpec: Rule = {
    let permissions = Rule.object(members: [("tags", .list(.string(minLength: 0), minItems: 0))], required: [])
    let parameterObject = Rule.object(members: [("backstage:permissions", permissions)], required: [])
    let step = Rule.object(
      members: [
        ("id", .string(minLength: 0)), ("name", .string(minLength: 0)), ("action", .string(minLength: 0)),
        ("input", .object(members: [], required: [])), ("if", .stringOrBoolean), ("backstage:permissions", permissions),
      ], required: ["action"])
    let outputLink = Rule.object(
      members: [("url", text), ("entityRef", text), ("title", text), ("icon", text)], required: [])
    let outputText = Rule.object(
      members: [("title", text), ("icon", text), ("content", .string(minLength: 0))], required: [])
    return .object(
      members: [
        ("type", text), ("owner", text),
        ("parameters", .either(parameterObject, .list(parameterObject, minItems: 0))),
        ("steps", .list(step, minItems: 0)),
        (
          "output",
          .object(
            members: [("links", .list(outputLink, minItems: 0)), ("text", .list(outputText, minItems: 0))], required: []
          )
        ),
      ], required: ["type", "steps"])
  }()
}
