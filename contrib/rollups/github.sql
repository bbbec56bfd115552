-- GitHub deliveries as events (GitHubDeliveryDecoder), then every event together, keyed by subject.
-- A GitHub event's identity is (github:<owner/repo>, what it is): `commit:<sha>`,
-- `deployment_status:<id>`, `workflow_run:<id>:<attempt>`, `pull:<number>:merged`,
-- `issue:<number>:start`, `issue:<number>:closed:<closed_at>`; a redelivery has the same one.
-- Every GitHub event has the repository and no CDEvents context (no flow, no artifact).

CREATE OR REPLACE TEMPORARY VIEW gh_incidents AS
SELECT * FROM gh_issues
WHERE incident_label AND issue_number IS NOT NULL AND try_cast(issue_created_at AS TIMESTAMP) IS NOT NULL
  AND CASE WHEN action = 'closed' OR issue_closed_at IS NOT NULL
    THEN try_cast(issue_closed_at AS TIMESTAMP) IS NOT NULL ELSE true END;

CREATE OR REPLACE TEMPORARY VIEW gh_events AS
-- push to the default branch: one change per commit, at the commit's own timestamp.
SELECT concat('github:', repository) AS source, concat('commit:', sha) AS id, ts, 'change' AS kind,
  CAST(NULL AS STRING) AS subject, repository, sha AS change, CAST(NULL AS STRING) AS incident,
  CAST(NULL AS STRING) AS environment, CAST(NULL AS BOOLEAN) AS production_flag,
  CAST(NULL AS BOOLEAN) AS succeeded, CAST(NULL AS STRING) AS started
FROM gh_commits
UNION ALL
-- deployment_status `success`: a deployment of deployment.sha; production by its environment or
-- by deployment.production_environment.
SELECT concat('github:', repository), concat('deployment_status:', status_id), status_created_at, 'deployment',
  NULL, repository, deployment_sha, NULL, coalesce(status_environment, deployment_environment),
  CASE deployment_production WHEN 'true' THEN true WHEN 'false' THEN false END, NULL, NULL
FROM gh_fields
WHERE event = 'deployment_status' AND lower(status_state) = 'success'
  AND status_id IS NOT NULL AND deployment_sha IS NOT NULL
UNION ALL
-- workflow_run `completed` with a conclusion that is an outcome (none reads as success).
SELECT concat('github:', repository), concat('workflow_run:', run_id, ':', coalesce(run_attempt, '1')),
  run_updated_at, 'pipeline', CASE WHEN run_name IS NOT NULL THEN concat(repository, '/', run_name) END,
  repository, NULL, NULL, NULL, NULL, coalesce(run_conclusion, 'success') = 'success', run_started_at
FROM gh_fields
WHERE event = 'workflow_run' AND coalesce(run_status, action) = 'completed' AND run_id IS NOT NULL
  AND coalesce(run_conclusion, 'success') IN ('success', 'failure', 'timed_out', 'startup_failure')
UNION ALL
-- pull_request `closed` with merged_at: a change (the merge commit) at the merge time.
SELECT concat('github:', repository), concat('pull:', pull_number, ':merged'), pull_merged_at, 'change',
  NULL, repository, pull_merge_sha, NULL, NULL, NULL, NULL, NULL
FROM gh_fields
WHERE event = 'pull_request' AND action = 'closed' AND pull_merged_at IS NOT NULL AND pull_merge_sha IS NOT NULL
  AND pull_number IS NOT NULL
UNION ALL
-- issues labelled Incident: the incident starts at created_at, and is resolved at closed_at when
-- the issue is closed; a time that is missing or not a timestamp makes the delivery invalid.
SELECT concat('github:', repository), concat('issue:', issue_number, ':start'), issue_created_at,
  'incident_started', NULL, repository, NULL, concat('github:', repository, chr(31), 'issue:', issue_number),
  NULL, NULL, NULL, NULL
FROM gh_incidents
UNION ALL
SELECT concat('github:', repository), concat('issue:', issue_number, ':closed:', issue_closed_at),
  issue_closed_at, 'incident_resolved', NULL, repository, NULL,
  concat('github:', repository, chr(31), 'issue:', issue_number), NULL, NULL, NULL, NULL
FROM gh_incidents
WHERE issue_closed_at IS NOT NULL;

-- Duplicates (redeliveries, an issue's start in each of its deliveries) count once.
CREATE OR REPLACE TEMPORARY VIEW gh_unique AS
SELECT * FROM (
  SELECT e.*, row_number() OVER (PARTITION BY source, id ORDER BY time_ms, ts, coalesce(subject, ''),
    coalesce(change, ''), coalesce(environment, ''), coalesce(started, '')) AS copy
  FROM (SELECT g.*, unix_millis(try_cast(ts AS TIMESTAMP)) AS time_ms FROM gh_events g) e
  WHERE time_ms IS NOT NULL
) WHERE copy = 1;

-- Every event: the subject, repository and purl name Waymark maps it by, and what the joins use.
CREATE OR REPLACE TEMPORARY VIEW events AS
SELECT concat(source, chr(31), id) AS event_key, context_id, chain_id, kind, time_ms, subject, repository, purl,
  artifact, change, incident, environment, production_flag, succeeded, duration_ms
FROM cd_unique
UNION ALL
SELECT concat(source, chr(31), id), CAST(NULL AS STRING), CAST(NULL AS STRING), kind, time_ms, subject, repository,
  CAST(NULL AS STRING),
  CAST(NULL AS STRING), change, incident, environment, production_flag, succeeded,
  CASE WHEN kind = 'pipeline' AND try_cast(started AS TIMESTAMP) IS NOT NULL
    THEN greatest(time_ms - unix_millis(try_cast(started AS TIMESTAMP)), 0) END
FROM gh_unique;

-- The subject key: the three fields Waymark maps by, one string to join on (NULLs never join).
-- rollups.py materialises keyed_view as the table `keyed`: everything after reads it.
CREATE OR REPLACE TEMPORARY VIEW keyed_view AS
SELECT e.*,
  concat(coalesce(subject, ''), chr(31), coalesce(repository, ''), chr(31), coalesce(purl, '')) AS skey,
  CAST(floor(time_ms / 86400000) AS BIGINT) AS day
FROM events e;
