-- DuckDB's definitions of the views that take arrays apart (docs/manual/delivery-rollups.md,
-- "Dialects"): json_extract with `[*]` + unnest, and lambdas `lambda x: …`.
-- rollups.py also reads every line as raw_lines(line) with read_csv (one VARCHAR column, lines
-- that are not JSON left out, as Spark's get_json_object gives NULL for them) and replaces
-- `CAST(x AS TIMESTAMP)` with `CAST(x AS TIMESTAMPTZ)`: DuckDB's TIMESTAMP drops a UTC offset.

-- event_links (rollups.py materialises event_links_view as it): the context ids a CDEvent's `links`
-- name (`target` for RELATION, `from` for PATH and END).
CREATE OR REPLACE TEMPORARY VIEW event_links_view AS
SELECT id AS context_id, target FROM (
  SELECT id, unnest(json_extract_string(links, '$[*].target.contextId')) AS target FROM cd_unique
  UNION ALL
  SELECT id, unnest(json_extract_string(links, '$[*].from.contextId')) AS target FROM cd_unique
) WHERE target IS NOT NULL;

-- gh_commits: the commits of pushes to the default branch (its name, else main or master); a push
-- with a commit lacking an id or a valid timestamp is invalid in Waymark, so all of it is left out.
CREATE OR REPLACE TEMPORARY VIEW gh_commits AS
SELECT repository, json_extract_string(c, '$.id') AS sha, json_extract_string(c, '$.timestamp') AS ts FROM (
  SELECT repository, unnest(commits) AS c FROM (
    SELECT repository, json_extract(commits, '$[*]') AS commits
    FROM gh_fields
    WHERE event = 'push' AND CASE WHEN default_branch IS NOT NULL THEN ref = concat('refs/heads/', default_branch)
      ELSE ref IN ('refs/heads/main', 'refs/heads/master') END
  )
  WHERE len(list_filter(commits, lambda c: json_extract_string(c, '$.id') IS NULL
    OR try_cast(json_extract_string(c, '$.timestamp') AS TIMESTAMP) IS NULL)) = 0
);

-- gh_issues: issues deliveries, with whether a label (an object's name, or a string) is `incident`
-- in any case.
CREATE OR REPLACE TEMPORARY VIEW gh_issues AS
SELECT f.*, coalesce(len(list_filter(json_extract(issue_labels, '$[*]'),
    lambda l: lower(coalesce(json_extract_string(l, '$.name'), json_extract_string(l, '$'))) = 'incident')) > 0,
  false) AS incident_label
FROM gh_fields f
WHERE event = 'issues';
