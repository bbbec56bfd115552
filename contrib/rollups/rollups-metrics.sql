-- The per-day figures, after rollups.py has labelled flows(node, flow). Mirrors
-- ComponentDeliveryEvaluator, grouped by subject key instead of component (delivery-rollups.md says when
-- the two differ).

-- Every event with its flow (materialised by rollups.py: read by most views below).
CREATE OR REPLACE TEMPORARY VIEW flowed_view AS
SELECT k.*, f.flow FROM keyed k LEFT JOIN flows f ON f.node = concat('x:', k.context_id);

-- Production deployments, in order: position within their subject. Production: the environment is
-- one of --production (any case), or the source says so (GitHub's production_environment).
CREATE OR REPLACE TEMPORARY VIEW deploys AS
SELECT d.*, row_number() OVER (PARTITION BY skey ORDER BY time_ms, event_key) AS pos
FROM flowed d, params p
WHERE kind = 'deployment'
  AND (coalesce(production_flag, false) OR coalesce(instr(p.production, concat(',', lower(environment), ',')), 0) > 0);

-- A change's time: the earliest any event gives it.
CREATE OR REPLACE TEMPORARY VIEW change_times AS
SELECT change, min(time_ms) AS changed FROM flowed WHERE kind = 'change' AND change IS NOT NULL GROUP BY change;

-- Changes linked to a deployment: same flow, or packaged into its artifact.
CREATE OR REPLACE TEMPORARY VIEW linked AS
SELECT d.skey, d.time_ms, c.change FROM deploys d JOIN flowed c ON c.kind = 'change' AND c.change IS NOT NULL
  AND c.flow = d.flow
UNION ALL
SELECT d.skey, d.time_ms, a.change FROM deploys d JOIN flowed a ON a.kind = 'artifact' AND a.change IS NOT NULL
  AND a.artifact = d.artifact;

-- GitHub: a production deployment of commit S ships every change of its subject up to S's time
-- (ComponentDeliveryEvaluator.firstDeployments): it reaches `cover` = min(S's change time, the
-- deployment's time) when S is a known change. A change's first such deployment is the earliest one
-- whose cover reaches the change's time: a running minimum over deployments and changes of the
-- subject ordered by cover / change time, descending, deployments first on ties.
CREATE OR REPLACE TEMPORARY VIEW shipped AS
SELECT d.skey, d.time_ms, least(t.changed, d.time_ms) AS cover
FROM deploys d JOIN change_times t ON t.change = d.change;

CREATE OR REPLACE TEMPORARY VIEW shipped_first AS
SELECT skey, change, deployed FROM (
  SELECT skey, change, min(deploy_time) OVER (PARTITION BY skey ORDER BY v DESC, side
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS deployed
  FROM (
    SELECT skey, CAST(NULL AS STRING) AS change, cover AS v, 0 AS side, time_ms AS deploy_time FROM shipped
    UNION ALL
    SELECT o.skey, o.change, t.changed AS v, 1 AS side, CAST(NULL AS BIGINT) AS deploy_time
    FROM (SELECT DISTINCT skey, change FROM flowed WHERE kind = 'change' AND change IS NOT NULL) o
    JOIN change_times t ON t.change = o.change
  )
) WHERE change IS NOT NULL AND deployed IS NOT NULL;

-- Each change's first production deployment of the subject, and its lead time.
CREATE OR REPLACE TEMPORARY VIEW lead_times AS
SELECT l.skey, min(l.time_ms) AS deployed, t.changed
FROM (SELECT skey, time_ms, change FROM linked UNION ALL SELECT skey, deployed, change FROM shipped_first) l
JOIN change_times t ON t.change = l.change AND t.changed <= l.time_ms
GROUP BY l.skey, l.change, t.changed;

-- Incidents by identity within a subject: first start, last resolution, an artifact and a flow.
CREATE OR REPLACE TEMPORARY VIEW incidents AS
SELECT skey, incident,
  min(CASE WHEN kind = 'incident_started' THEN time_ms END) AS started,
  max(CASE WHEN kind = 'incident_resolved' THEN time_ms END) AS resolved,
  min(artifact) AS artifact, min(flow) AS flow
FROM flowed WHERE kind IN ('incident_started', 'incident_resolved')
GROUP BY skey, incident;

-- Attribution: the latest production deployment at or before the start with the same artifact
-- or in the same flow, else the latest one at or before it.
CREATE OR REPLACE TEMPORARY VIEW attributed AS
SELECT i.skey, i.incident, i.started, i.resolved,
  coalesce(max(CASE WHEN (i.artifact IS NOT NULL AND d.artifact = i.artifact)
      OR (i.flow IS NOT NULL AND d.flow = i.flow)
    THEN d.pos END), max(d.pos)) AS pos
FROM incidents i JOIN deploys d ON d.skey = i.skey AND d.time_ms <= i.started
WHERE i.started IS NOT NULL
GROUP BY i.skey, i.incident, i.started, i.resolved;

-- A rollback (in production, or with no environment) fails the latest deployment before it.
CREATE OR REPLACE TEMPORARY VIEW rollbacks AS
SELECT r.skey, max(d.pos) AS pos, r.time_ms
FROM flowed r, params p, deploys d
WHERE r.kind = 'rollback' AND d.skey = r.skey AND d.time_ms <= r.time_ms
  AND (r.environment IS NULL OR coalesce(r.production_flag, false)
    OR instr(p.production, concat(',', lower(r.environment), ',')) > 0)
GROUP BY r.skey, r.context_id, r.time_ms;

CREATE OR REPLACE TEMPORARY VIEW deploy_outcomes_view AS
SELECT d.skey, d.day, d.time_ms, d.pos,
  a.incidents, a.open_incidents, a.first_start, a.last_resolved, rb.rolled_back,
  (a.incidents IS NOT NULL OR rb.rolled_back IS NOT NULL) AS failed,
  w.pos IS NOT NULL AS rework
FROM deploys d
LEFT JOIN (
  SELECT skey, pos, count(*) AS incidents, sum(CASE WHEN resolved IS NULL THEN 1 ELSE 0 END) AS open_incidents,
    min(started) AS first_start, max(resolved) AS last_resolved
  FROM attributed GROUP BY skey, pos
) a ON a.skey = d.skey AND a.pos = d.pos
LEFT JOIN (SELECT skey, pos, min(time_ms) AS rolled_back FROM rollbacks GROUP BY skey, pos) rb
  ON rb.skey = d.skey AND rb.pos = d.pos
-- Rework: made while an incident of the subject was open (started, not yet resolved).
LEFT JOIN (
  SELECT o.skey, o.pos FROM deploys o JOIN incidents i ON i.skey = o.skey AND i.started <= o.time_ms
    AND (i.resolved IS NULL OR o.time_ms < i.resolved)
  GROUP BY o.skey, o.pos
) w ON w.skey = d.skey AND w.pos = d.pos;

-- Recovery: from the first attributed incident's start to the last one's resolution; for a
-- rollback, from the deployment to the rollback. Open incidents are open failures instead.
CREATE OR REPLACE TEMPORARY VIEW recoveries AS
SELECT skey, day,
  CASE WHEN incidents IS NOT NULL THEN greatest(last_resolved - first_start, 0)
    ELSE greatest(rolled_back - time_ms, 0) END AS ms
FROM deploy_outcomes
WHERE failed AND (incidents IS NULL OR open_incidents = 0);

CREATE OR REPLACE TEMPORARY VIEW durations AS
SELECT skey, CAST(floor(deployed / 86400000) AS BIGINT) AS day, 'leadTimeHours' AS metric, deployed - changed AS ms
FROM lead_times
UNION ALL
SELECT skey, day, 'recoveryHours' AS metric, ms FROM recoveries
UNION ALL
-- CI run durations (GitHub's run_started_at → updated_at), in minutes.
SELECT skey, day, 'pipelineMinutes' AS metric, duration_ms AS ms FROM keyed
WHERE kind = 'pipeline' AND succeeded IS NOT NULL AND duration_ms IS NOT NULL;

-- DDSketch buckets: x > 0 (hours; minutes for pipelines) is in bucket ceil(log_gamma x),
-- gamma = (1 + 0.01) / (1 - 0.01).
CREATE OR REPLACE TEMPORARY VIEW rollup_buckets AS
SELECT skey, day, metric, bucket, count(*) AS n, sum(ms) AS sum_ms
FROM (
  SELECT skey, day, metric, ms,
    CASE WHEN ms > 0 THEN CAST(ceil(ln(CAST(ms AS DOUBLE) / CASE WHEN metric = 'pipelineMinutes' THEN 60000 ELSE 3600000 END)
      / ln(CAST(1.01 AS DOUBLE) / CAST(0.99 AS DOUBLE))) AS INT) END AS bucket
  FROM durations
)
GROUP BY skey, day, metric, bucket;

CREATE OR REPLACE TEMPORARY VIEW rollup_counts AS
SELECT s.skey, s.day, max(s.subject) AS subject, max(s.repository) AS repository, max(s.purl) AS purl,
  sum(s.events) AS events, sum(s.deployments) AS deployments, sum(s.failed) AS failed, sum(s.rework) AS rework,
  sum(s.open_failures) AS open_failures, sum(s.runs) AS runs, sum(s.successes) AS successes
FROM (
  SELECT skey, day, subject, repository, purl, 1 AS events, 0 AS deployments, 0 AS failed, 0 AS rework,
    0 AS open_failures, CASE WHEN kind = 'pipeline' AND succeeded IS NOT NULL THEN 1 ELSE 0 END AS runs,
    CASE WHEN kind = 'pipeline' AND succeeded THEN 1 ELSE 0 END AS successes
  FROM keyed
  UNION ALL
  SELECT skey, day, NULL, NULL, NULL, 0, 1, CASE WHEN failed THEN 1 ELSE 0 END, CASE WHEN rework THEN 1 ELSE 0 END,
    CASE WHEN open_incidents > 0 THEN 1 ELSE 0 END, 0, 0
  FROM deploy_outcomes
) s
GROUP BY s.skey, s.day;
