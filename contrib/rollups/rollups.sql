-- Waymark delivery rollups from CDEvents and GitHub webhook deliveries stored as JSON Lines.
--
-- Spark SQL; runs on DuckDB through two macros and one rewrite in rollups.py and dialect-duckdb.sql
-- (docs/manual/delivery-rollups.md, "Dialects"). rollups.py provides:
--   raw_lines(line STRING)                  every line of the exports
--   params(window_end_ms BIGINT, window_days INT, production STRING)   production: ",prod,production,"
-- then runs dialect-<engine>.sql (the array work: event_links, gh_commits, gh_issues), github.sql
-- (GitHub's events, and all events together), flows.sql (the flow graph, labelled to a fixed point)
-- and rollups-metrics.sql, and reads rollup_counts and rollup_buckets at the end. Statements are
-- separated by lines that end with ';'. The rules are Waymark's own ingest
-- (docs/manual/delivery-metrics.md); each view names the Swift code it mirrors.

-- EventDecoding.decode: a line is a CDEvent when it has context.type or context.id, else a
-- CloudEvent (structured mode) when its data has them, else a GitHub delivery when it has `event`.
-- The LIKE tests only spare parsing lines that cannot be one (a key is written "context", "event").
-- A line that is not a whole JSON object is neither (json_object_keys is NULL): get_json_object
-- alone would find the members before the point where a cut line breaks off.
CREATE OR REPLACE TEMPORARY VIEW records AS
SELECT line,
  CASE
    WHEN line NOT LIKE '%"context"%' OR json_object_keys(line) IS NULL THEN NULL
    WHEN get_json_object(line, '$.context.type') IS NOT NULL OR get_json_object(line, '$.context.id') IS NOT NULL
      THEN line
    WHEN get_json_object(line, '$.data.context.type') IS NOT NULL
      OR get_json_object(line, '$.data.context.id') IS NOT NULL THEN get_json_object(line, '$.data')
  END AS cd_doc
FROM raw_lines
WHERE length(trim(line)) > 0;

-- EventFields.swift: the members the metrics read.
CREATE OR REPLACE TEMPORARY VIEW cd_fields AS
SELECT
  nullif(get_json_object(doc, '$.context.id'), '') AS id,
  nullif(get_json_object(doc, '$.context.source'), '') AS source,
  nullif(get_json_object(doc, '$.context.type'), '') AS type,
  get_json_object(doc, '$.context.timestamp') AS ts,
  nullif(get_json_object(doc, '$.context.chainId'), '') AS chain_id,
  get_json_object(doc, '$.context.links') AS links,
  nullif(get_json_object(doc, '$.subject.id'), '') AS subject_id,
  nullif(get_json_object(doc, '$.subject.source'), '') AS subject_source,
  nullif(get_json_object(doc, '$.subject.content.environment.id'), '') AS environment,
  nullif(get_json_object(doc, '$.subject.content.artifactId'), '') AS artifact_id,
  nullif(get_json_object(doc, '$.subject.content.repository.id'), '') AS repository_id,
  nullif(get_json_object(doc, '$.subject.content.service.id'), '') AS service_id,
  nullif(get_json_object(doc, '$.subject.content.change.id'), '') AS change_id,
  nullif(get_json_object(doc, '$.subject.content.outcome'), '') AS outcome,
  nullif(get_json_object(doc, '$.subject.content.pipelineName'), '') AS pipeline_name,
  regexp_extract(get_json_object(doc, '$.context.type'), '^dev[.]cdevents[.]([a-z]+[.][a-z]+)[.]', 1) AS predicate,
  doc
FROM (SELECT cd_doc AS doc FROM records WHERE cd_doc IS NOT NULL);

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
  END AS kind,
  unix_millis(try_cast(ts AS TIMESTAMP)) AS time_ms
FROM cd_fields f
WHERE id IS NOT NULL AND source IS NOT NULL AND ts IS NOT NULL AND subject_id IS NOT NULL;

-- CDEventDecoder.decode: the subject, repository and purl name Waymark maps an event by, and the
-- ids the joins use. purl name: `myapp` in `pkg:oci/myapp@sha256:…` (not percent-decoded).
CREATE OR REPLACE TEMPORARY VIEW cd_events AS
SELECT
  source, id, time_ms, kind, id AS context_id, chain_id, links,
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
  CAST(NULL AS BOOLEAN) AS production_flag,
  CASE WHEN kind = 'pipeline' AND outcome IS NOT NULL THEN lower(outcome) IN ('success', 'pass') END AS succeeded,
  CAST(NULL AS BIGINT) AS duration_ms,
  doc
FROM (
  SELECT k.*, CASE WHEN subject_id LIKE 'pkg:%' THEN regexp_extract(subject_id, '^pkg:(?:[^@?#]*/)?([^/@?#]*)', 1)
    ELSE subject_id END AS purl_name
  FROM cd_kinds k
  WHERE kind IS NOT NULL AND time_ms IS NOT NULL
);

-- Duplicates (same context.source and context.id) count once (EventLoader); copies are the same
-- event, so which one is kept does not matter: the first by time, then by text, is. rollups.py
-- materialises each `X_view` as the table X as soon as it is defined (here: cd_unique), so the
-- JSON is read once.
CREATE OR REPLACE TEMPORARY VIEW cd_unique_view AS
SELECT source, id, time_ms, kind, context_id, chain_id, links, subject, repository, purl, artifact, change, incident,
  environment, production_flag, succeeded, duration_ms
FROM (
  SELECT e.*, row_number() OVER (PARTITION BY source, id ORDER BY time_ms, doc) AS copy FROM cd_events e
) WHERE copy = 1;

-- GitHubDeliveryDecoder: a delivery {"event", "payload"}, or an API delivery record
-- {"event", "request": {"payload"}} (read from request.payload when payload has no repository).
CREATE OR REPLACE TEMPORARY VIEW gh_docs AS
SELECT nullif(get_json_object(line, '$.event'), '') AS event,
  CASE WHEN get_json_object(line, '$.payload.repository.full_name') IS NULL
      AND get_json_object(line, '$.request.payload.repository.full_name') IS NOT NULL
    THEN get_json_object(line, '$.request.payload') ELSE get_json_object(line, '$.payload') END AS payload
FROM records
WHERE line LIKE '%"event"%' AND cd_doc IS NULL AND json_object_keys(line) IS NOT NULL
  AND get_json_object(line, '$.event') IS NOT NULL;

-- EventFields.GitHub: the payload members the decoder reads (empty strings read as missing).
CREATE OR REPLACE TEMPORARY VIEW gh_fields AS
SELECT event,
  nullif(get_json_object(payload, '$.action'), '') AS action,
  nullif(get_json_object(payload, '$.repository.full_name'), '') AS repository,
  nullif(get_json_object(payload, '$.repository.default_branch'), '') AS default_branch,
  nullif(get_json_object(payload, '$.ref'), '') AS ref,
  get_json_object(payload, '$.commits') AS commits,
  nullif(get_json_object(payload, '$.deployment.sha'), '') AS deployment_sha,
  nullif(get_json_object(payload, '$.deployment.environment'), '') AS deployment_environment,
  get_json_object(payload, '$.deployment.production_environment') AS deployment_production,
  nullif(get_json_object(payload, '$.deployment_status.id'), '') AS status_id,
  nullif(get_json_object(payload, '$.deployment_status.state'), '') AS status_state,
  nullif(get_json_object(payload, '$.deployment_status.created_at'), '') AS status_created_at,
  nullif(get_json_object(payload, '$.deployment_status.environment'), '') AS status_environment,
  nullif(get_json_object(payload, '$.workflow_run.id'), '') AS run_id,
  nullif(get_json_object(payload, '$.workflow_run.conclusion'), '') AS run_conclusion,
  nullif(get_json_object(payload, '$.workflow_run.status'), '') AS run_status,
  nullif(get_json_object(payload, '$.workflow_run.run_started_at'), '') AS run_started_at,
  nullif(get_json_object(payload, '$.workflow_run.updated_at'), '') AS run_updated_at,
  nullif(get_json_object(payload, '$.workflow_run.run_attempt'), '') AS run_attempt,
  nullif(get_json_object(payload, '$.workflow_run.name'), '') AS run_name,
  nullif(get_json_object(payload, '$.pull_request.number'), '') AS pull_number,
  nullif(get_json_object(payload, '$.pull_request.merged_at'), '') AS pull_merged_at,
  nullif(get_json_object(payload, '$.pull_request.merge_commit_sha'), '') AS pull_merge_sha,
  nullif(get_json_object(payload, '$.issue.number'), '') AS issue_number,
  get_json_object(payload, '$.issue.labels') AS issue_labels,
  nullif(get_json_object(payload, '$.issue.created_at'), '') AS issue_created_at,
  nullif(get_json_object(payload, '$.issue.closed_at'), '') AS issue_closed_at
FROM gh_docs
-- GitHubDeliveryDecoder.known: the events read; a known event without a repository is invalid.
WHERE event IN ('push', 'deployment_status', 'workflow_run', 'pull_request', 'issues')
  AND nullif(get_json_object(payload, '$.repository.full_name'), '') IS NOT NULL;
