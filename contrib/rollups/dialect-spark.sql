-- Spark SQL's definitions of the views that take arrays apart (docs/manual/delivery-rollups.md,
-- "Dialects"): from_json + explode and lambdas `x -> …`.

-- event_links (rollups.py materialises event_links_view as it): the context ids a CDEvent's `links`
-- name (`target` for RELATION, `from` for PATH and END).
CREATE OR REPLACE TEMPORARY VIEW event_links_view AS
SELECT id AS context_id, target FROM (
  SELECT id, l.target.contextId AS target FROM (
    SELECT id, explode(from_json(links,
      'array<struct<target:struct<contextId:string>,`from`:struct<contextId:string>>>')) AS l
    FROM cd_unique
  )
  UNION ALL
  SELECT id, l.`from`.contextId AS target FROM (
    SELECT id, explode(from_json(links,
      'array<struct<target:struct<contextId:string>,`from`:struct<contextId:string>>>')) AS l
    FROM cd_unique
  )
) WHERE target IS NOT NULL;

-- gh_commits: the commits of pushes to the default branch (its name, else main or master); a push
-- with a commit lacking an id or a valid timestamp is invalid in Waymark, so all of it is left out.
CREATE OR REPLACE TEMPORARY VIEW gh_commits AS
SELECT repository, c.id AS sha, c.timestamp AS ts FROM (
  SELECT repository, explode(commits) AS c FROM (
    SELECT repository, from_json(commits, 'array<struct<id:string,timestamp:string>>') AS commits
    FROM gh_fields
    WHERE event = 'push' AND CASE WHEN default_branch IS NOT NULL THEN ref = concat('refs/heads/', default_branch)
      ELSE ref IN ('refs/heads/main', 'refs/heads/master') END
  )
  WHERE forall(commits, c -> c.id IS NOT NULL AND try_cast(c.timestamp AS TIMESTAMP) IS NOT NULL)
);

-- gh_issues: issues deliveries, with whether a label (an object's name, or a string) is `incident`
-- in any case.
CREATE OR REPLACE TEMPORARY VIEW gh_issues AS
SELECT f.*, coalesce(exists(from_json(issue_labels, 'array<string>'),
    l -> lower(coalesce(get_json_object(l, '$.name'), l)) = 'incident'), false) AS incident_label
FROM gh_fields f
WHERE event = 'issues';
