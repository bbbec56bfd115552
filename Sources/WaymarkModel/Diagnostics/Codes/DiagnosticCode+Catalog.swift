extension DiagnosticCode {
  /// The catalog's codes: entity validation, references, Locations and substitutions.
  static let catalogCodes: [DiagnosticCode] = [
    .catalogNotAnEntity, .catalogNotAnObject, .catalogMissingField, .catalogWrongType, .catalogEmptyValue,
    .catalogInvalidValue, .catalogBadFormat, .catalogUnknownRootField, .catalogUnknownKind, .catalogBadRef,
    .catalogDanglingRef, .catalogDuplicateEntity, .catalogGroupCycle, .catalogLocationTargetMissing,
    .catalogLocationTargetFolder, .catalogLocationNotFetched, .catalogLocationCycle, .catalogPathOutsideRoot,
    .catalogSubstitutionMissing, .catalogSubstitutionInvalid, .catalogSubstitutionNotFetched, .catalogHiddenPath,
    .catalogTemplateFile, .catalogNoInput, .catalogExcludedLocationTarget,
  ]

  /// `catalog.not-an-entity`
  public static let catalogNotAnEntity = DiagnosticCode(
    "catalog.not-an-entity", .warning, .catalog, "a document without `apiVersion` or `kind`",
    example: "catalog/app.yaml",
    """
    name: app
    owner: team-a

    """,
    prints: """
      catalog/app.yaml:1:1: warning: document has neither 'apiVersion' nor 'kind' and is not a catalog entity; it is \
      ignored [catalog.not-an-entity]
      """)

  /// `catalog.not-an-object`
  public static let catalogNotAnObject = DiagnosticCode(
    "catalog.not-an-object", .error, .catalog, "a document that is not a mapping",
    example: "catalog/app.yaml",
    """
    - apiVersion: backstage.io/v1alpha1
      kind: Component

    """,
    prints: """
      catalog/app.yaml:1:1: error: the document must be an object (a mapping), found array [catalog.not-an-object]
      """)

  /// `catalog.missing-field`
  public static let catalogMissingField = DiagnosticCode(
    "catalog.missing-field", .error, .catalog, "a required field is absent",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      title: App

    """,
    prints: "catalog/app.yaml:4:3: error: metadata.name must have a value [catalog.missing-field]")

  /// `catalog.wrong-type`
  public static let catalogWrongType = DiagnosticCode(
    "catalog.wrong-type", .error, .catalog, "a field holds the wrong type (`name: 2001`, `owner: [a]`)",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: 2001

    """,
    prints: """
      catalog/app.yaml:4:9: error: metadata.name must be a non-empty string, found integer 2001 [catalog.wrong-type]
      """)

  /// `catalog.empty-value`
  public static let catalogEmptyValue = DiagnosticCode(
    "catalog.empty-value", .error, .catalog, "a string that must not be empty is",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: app
    spec:
      type: service
      lifecycle: ""
      owner: team-a

    """,
    prints: "catalog/app.yaml:7:14: error: spec.lifecycle must not be empty, found \"\" [catalog.empty-value]")

  /// `catalog.invalid-value`
  public static let catalogInvalidValue = DiagnosticCode(
    "catalog.invalid-value", .error, .catalog,
    "a value outside its enumeration (`presence: nope`) or a list too short",
    example: "catalog/all.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: all
    spec:
      targets: []
      presence: nope

    """,
    prints: """
      catalog/all.yaml:7:13: error: spec.presence must be one of 'required', 'optional', found "nope" \
      [catalog.invalid-value]
      """)

  /// `catalog.bad-format`
  public static let catalogBadFormat = DiagnosticCode(
    "catalog.bad-format", .error, .catalog,
    "a name, namespace, kind, apiVersion, label, annotation key, tag or link breaks Backstage's format",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: app
      tags: [Web_UI]

    """,
    prints: """
      catalog/app.yaml:5:10: error: metadata.tags[0] "Web_UI" is not valid; expected a string that is sequences of \
      [a-z0-9+#] separated by [-], at most 63 characters in total [catalog.bad-format]
      """)

  /// `catalog.unknown-root-field`
  public static let catalogUnknownRootField = DiagnosticCode(
    "catalog.unknown-root-field", .error, .catalog, "a root field other than `apiVersion kind metadata spec`",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: app
    status: {}

    """,
    prints: """
      catalog/app.yaml:5:1: error: unknown root field 'status': additional properties are not allowed; an entity has \
      only apiVersion, kind, metadata and spec [catalog.unknown-root-field]
      """)

  /// `catalog.unknown-kind`
  public static let catalogUnknownKind = DiagnosticCode(
    "catalog.unknown-kind", .error, .catalog, "a kind or version under `backstage.io` that Backstage does not have",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: component
    metadata:
      name: app

    """,
    prints: """
      catalog/app.yaml:2:7: error: kind 'component' is not a Backstage kind; did you mean 'Component'? (kinds are \
      case-sensitive) [catalog.unknown-kind]
      """)

  /// `catalog.bad-ref`
  public static let catalogBadRef = DiagnosticCode(
    "catalog.bad-ref", .error, .catalog, "a reference that does not parse, or lacks the kind where no default exists",
    example: "catalog/app.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: app
    spec:
      type: service
      lifecycle: production
      owner: team-a
      dependsOn: [db]

    """,
    prints: """
      catalog/app.yaml:9:15: error: spec.dependsOn[0] 'db' is not a valid entity reference; the kind must be written, \
      e.g. 'resource:db' [catalog.bad-ref]
      """)

  /// `catalog.dangling-ref`
  public static let catalogDanglingRef = DiagnosticCode(
    "catalog.dangling-ref", .error, .catalog, "a reference to an entity that does not exist, with a \"did you mean\"",
    when: "warning with `catalog.danglingRefs: warning`",
    example: "catalog/payments.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: payments
    spec:
      type: service
      lifecycle: production
      owner: team-paymnts

    """,
    prints: """
      catalog/payments.yaml:8:10: error: spec.owner 'group:default/team-paymnts' does not exist; did you mean \
      'group:default/team-payments'? [catalog.dangling-ref]
      """)

  /// `catalog.duplicate-entity`
  public static let catalogDuplicateEntity = DiagnosticCode(
    "catalog.duplicate-entity", .error, .catalog, "two entities with the same reference",
    example: "catalog/b.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: a
    spec:
      type: team
      children: []

    """,
    prints: """
      catalog/b.yaml:4:9: error: entity 'group:default/a' is defined more than once; first in catalog/a.yaml \
      [catalog.duplicate-entity]
      """)

  /// `catalog.group-cycle`
  public static let catalogGroupCycle = DiagnosticCode(
    "catalog.group-cycle", .error, .catalog, "groups that are their own ancestors",
    example: "catalog/org.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: a
    spec:
      type: team
      parent: b
      children: []
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: b
    spec:
      type: team
      parent: a
      children: []

    """,
    prints: """
      catalog/org.yaml:7:11: error: the group hierarchy has a cycle: group:default/a → group:default/b → \
      group:default/a [catalog.group-cycle]
      """)

  /// `catalog.location-target-missing`
  public static let catalogLocationTargetMissing = DiagnosticCode(
    "catalog.location-target-missing", .error, .catalog,
    "a Location target (or glob) that matches no file, unless `presence: optional`",
    example: "catalog/all.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: all
    spec:
      targets:
        - ./none-*.yaml

    """,
    prints: """
      catalog/all.yaml:7:7: error: spec.targets[0] './none-*.yaml' matches no file [catalog.location-target-missing]
      """)

  /// `catalog.location-target-folder`
  public static let catalogLocationTargetFolder = DiagnosticCode(
    "catalog.location-target-folder", .error, .catalog, "a Location target that is a folder",
    example: "catalog/all.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: all
    spec:
      targets:
        - ./sub/

    """,
    prints: """
      catalog/all.yaml:7:7: error: spec.targets[0] './sub/' names a folder; a Location target must be a file or a \
      glob [catalog.location-target-folder]
      """)

  /// `catalog.location-not-fetched`
  public static let catalogLocationNotFetched = DiagnosticCode(
    "catalog.location-not-fetched", .warning, .catalog, "a URL Location target, not fetched in a static build",
    example: "catalog/all.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: all
    spec:
      target: https://example.com/catalog-info.yaml

    """,
    prints: """
      catalog/all.yaml:6:11: warning: spec.target 'https://example.com/catalog-info.yaml' is a URL, which is not \
      fetched in a static build [catalog.location-not-fetched]
      """)

  /// `catalog.location-cycle`
  public static let catalogLocationCycle = DiagnosticCode(
    "catalog.location-cycle", .error, .catalog, "Locations that lead back to themselves",
    example: "catalog/b.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Location
    metadata:
      name: b
    spec:
      target: ./a.yaml

    """,
    prints: """
      catalog/b.yaml:6:11: error: Locations form a cycle: catalog/a.yaml → catalog/b.yaml → catalog/a.yaml \
      [catalog.location-cycle]
      """)

  /// `catalog.path-outside-root`
  public static let catalogPathOutsideRoot = DiagnosticCode(
    "catalog.path-outside-root", .error, .catalog, "a Location target or substitution leaving the site root",
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
        $text: ../../etc/passwd

    """,
    prints: """
      catalog/api.yaml:10:5: error: spec.definition $text '../../etc/passwd' points outside the site root \
      [catalog.path-outside-root]
      """)

  /// `catalog.substitution-missing`
  public static let catalogSubstitutionMissing = DiagnosticCode(
    "catalog.substitution-missing", .error, .catalog, "a `$text`/`$json`/`$yaml` file that does not exist",
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
        $text: ./missing.yaml

    """,
    prints: """
      catalog/api.yaml:10:5: error: spec.definition $text './missing.yaml' names 'catalog/missing.yaml', which does \
      not exist [catalog.substitution-missing]
      """)

  /// `catalog.substitution-invalid`
  public static let catalogSubstitutionInvalid = DiagnosticCode(
    "catalog.substitution-invalid", .error, .catalog,
    "a `$json`/`$yaml` file that does not parse, or holds several YAML documents",
    example: "catalog/orders.json",
    """
    {"openapi": "3.0.0",}

    """,
    prints: """
      catalog/orders.json:1:21: error: $json file is not valid JSON: expected a string key, found '}' \
      [catalog.substitution-invalid]
      """)

  /// `catalog.substitution-not-fetched`
  public static let catalogSubstitutionNotFetched = DiagnosticCode(
    "catalog.substitution-not-fetched", .warning, .catalog, "a placeholder naming a URL, kept as written",
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
        $text: https://example.com/openapi.yaml

    """,
    prints: """
      catalog/api.yaml:10:5: warning: spec.definition $text 'https://example.com/openapi.yaml' is a URL, which is not \
      fetched in a static build; the placeholder is kept as written [catalog.substitution-not-fetched]
      """)

  /// `catalog.template-file`
  public static let catalogTemplateFile = DiagnosticCode(
    "catalog.template-file", .note, .catalog,
    "a scaffolder skeleton (`${{ values.x }}`, `{%- if %}`) a catalog glob matches; it is not read",
    example: "templates/service/content/catalog-info.yaml",
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: ${{ values.name | dump }}
      {%- if values.description %}
      description: ${{ values.description | dump }}
      {%- endif %}

    """,
    prints: """
      templates/service/content/catalog-info.yaml:1:1: note: this file holds scaffolder template placeholders \
      ('${{ … }}', '{% … %}'): it is a template's content, not a catalog entity, and is not read; add its folder \
      to inputs.exclude [catalog.template-file]
      """)

  /// `catalog.no-input`
  public static let catalogNoInput = DiagnosticCode(
    "catalog.no-input", .error, .catalog, "no file matches the catalog globs, so the portal would be empty",
    example: "waymark.yaml",
    """
    inputs:
      catalog: catalog/**/*.yaml

    """,
    prints: """
      waymark.yaml:2:12: error: no catalog file matches 'catalog/**/*.yaml'; these files look like entities: \
      'services/payments/catalog-info.yml' [catalog.no-input]
      """)
}
