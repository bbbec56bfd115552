-- Waymark delivery rollups (format waymark.delivery-rollup/v1) from CDEvents stored as JSON Lines.
--
-- Spark SQL; runs on DuckDB through two macros and one rewrite in rollups.py and dialect-duckdb.sql
-- (docs/manual/delivery-rollups.md, "Dialects"). rollups.py provides:
--   raw_lines(line STRING)                  every line of the exports
--   params(window_end_ms BIGINT, window_days INT, production STRING)   production: ",prod,production,"
-- then runs dialect-<engine>.sql (event_links: the context ids each CDEvent's links name), flows.sql
-- (the flow graph, labelled to a fixed point) and rollups-metrics.sql, and reads rollup_counts and
-- rollup_buckets at the end. Statements are separated by lines that
-- end with ';'. The rules are Waymark's own ingest (docs/manual/delivery-metrics.md); each view
-- names the Swift code it mirrors.

-- A CloudEvent in structured mode carries the CDEvent in `data`.
CREATE OR REPLACE TEMPORARY VIEW cd_docs AS
SELECT CASE WHEN get_json_object(line, '$.specversion') = '1.0' THEN get_json_object(line, '$.data') ELSE line END
  AS doc
FROM raw_lines
WHERE length(trim(line)) > 0;

-- EventFields.swift: the members the metrics read.
CREATE OR REPLACE TEMPORARY VIEW cd_fields AS
SELECT
  get_json_object(doc, '$.context.id') AS id,
  get_json_object(doc, '$.context.source') AS source,
  get_json_object(doc, '$.context.type') AS type,
  get_json_object(doc, '$.context.timestamp') AS ts,
  get_json_object(doc, '$.context.chainId') AS chain_id,
  get_json_object(doc, '$.subject.id') AS subject_id,
  get_json_object(doc, '$.subject.source') AS subject_source,
  get_json_object(doc, '$.subject.content.environment.id') AS environment,
  get_json_object(doc, '$.subject.content.artifactId') AS artifact_id,
  get_json_object(doc, '$.subject.content.repository.id') AS repository_id,
  get_json_object(doc, '$.subject.content.service.id') AS service_id,
  get_json_object(doc, '$.subject.content.change.id') AS change_id,
  get_json_object(doc, '$.subject.content.outcome') AS outcome,
  get_json_object(doc, '$.subject.content.pipelineName') AS pipeline_name,
  regexp_extract(get_json_object(doc, '$.context.type'), '^dev[.]cdevents[.]([a-z]+[.][a-z]+)[.]', 1) AS predicate,
  doc
FROM cd_docs;

-- CDEventDecoder.kinds (the ignored types count as events of their subject, as in Waymark).
CREATE OR REPLACE TEMPORARY VIEW cd_kinds AS
SELECT f.*,
  CASE
    WHEN predicate = 'change.merged' THEN 'change'
    WHEN predicate = 'artifact.packaged' THEN 'artifact'
    WHEN predicate IN ('service.deployed', 'service.upgraded') THEN 'deployment'
    WHEN predicate = 'service.rolledback' THEN 'rollback'
    WHEN predicate IN ('incident.detected', 'incident.reported') THEN 'incident_started'
    WHEN predicate = 'incident.resolved' THEN 'incident_resolved'
    WHEN predicate = 'pipelinerun.finished' THEN 'pipeline'
    WHEN predicate IN ('change.created', 'change.reviewed', 'change.updated', 'change.abandoned',
      'artifact.signed', 'artifact.published', 'artifact.downloaded', 'artifact.deleted',
      'service.removed', 'service.published', 'pipelinerun.queued', 'pipelinerun.started',
      'taskrun.started', 'taskrun.finished', 'build.queued', 'build.started', 'build.finished',
      'testcaserun.queued', 'testcaserun.started', 'testcaserun.finished', 'testcaserun.skipped',
      'testsuiterun.queued', 'testsuiterun.started', 'testsuiterun.finished', 'testoutput.published',
      'repository.created', 'repository.modified', 'repository.deleted', 'branch.created', 'branch.deleted',
      'environment.created', 'environment.modified', 'environment.deleted',
      'approval.created', 'approval.updated', 'approval.closed') THEN 'ignored'
  END AS kind
FROM cd_fields f
WHERE id IS NOT NULL AND source IS NOT NULL AND ts IS NOT NULL AND subject_id IS NOT NULL;

-- Duplicates (same context.source and context.id) count once (EventLoader); copies are the same
-- event, so which one is kept does not matter: the smallest by time is.
CREATE OR REPLACE TEMPORARY VIEW cd_unique AS
SELECT * FROM (
  SELECT k.*, unix_millis(CAST(ts AS TIMESTAMP)) AS time_ms,
    row_number() OVER (PARTITION BY source, id ORDER BY ts, subject_id) AS copy
  FROM cd_kinds k
  WHERE kind IS NOT NULL
) WHERE copy = 1 AND time_ms IS NOT NULL;

-- CDEventDecoder.decode: the subject, repository and purl name Waymark maps an event by, and the
-- ids the joins use. purl name: `myapp` in `pkg:oci/myapp@sha256:…` (not percent-decoded).
CREATE OR REPLACE TEMPORARY VIEW events AS
SELECT
  id AS context_id, chain_id, kind, time_ms,
  CASE
    WHEN kind = 'change' THEN CASE WHEN repository_id IS NULL THEN subject_id END
    WHEN kind = 'artifact' THEN NULL
    WHEN kind IN ('incident_started', 'incident_resolved') THEN service_id
    WHEN kind = 'pipeline' THEN coalesce(pipeline_name, subject_id)
    ELSE subject_id
  END AS subject,
  CASE WHEN kind = 'change' THEN repository_id END AS repository,
  CASE
    WHEN kind = 'artifact' THEN purl_name
    ELSE CASE WHEN artifact_id LIKE 'pkg:%' THEN regexp_extract(artifact_id, '^pkg:(?:[^@?#]*/)?([^/@?#]*)', 1)
      ELSE artifact_id END
  END AS purl,
  CASE WHEN kind = 'artifact' THEN subject_id ELSE artifact_id END AS artifact,
  CASE WHEN kind = 'change' THEN subject_id WHEN kind = 'artifact' THEN change_id END AS change,
  CASE WHEN kind IN ('incident_started', 'incident_resolved')
    THEN concat(coalesce(subject_source, source), chr(31), subject_id) END AS incident,
  CASE WHEN kind IN ('deployment', 'rollback', 'incident_started', 'incident_resolved') THEN environment END
    AS environment,
  CASE WHEN kind = 'pipeline' AND outcome IS NOT NULL THEN lower(outcome) IN ('success', 'pass') END AS succeeded
FROM (
  SELECT u.*, CASE WHEN subject_id LIKE 'pkg:%' THEN regexp_extract(subject_id, '^pkg:(?:[^@?#]*/)?([^/@?#]*)', 1)
    ELSE subject_id END AS purl_name
  FROM cd_unique u
);

-- The subject key: the three fields Waymark maps by, one string to join on (NULLs never join).
CREATE OR REPLACE TEMPORARY VIEW keyed AS
SELECT e.*,
  concat(coalesce(subject, ''), chr(31), coalesce(repository, ''), chr(31), coalesce(purl, '')) AS skey,
  CAST(floor(time_ms / 86400000) AS BIGINT) AS day
FROM events e;
