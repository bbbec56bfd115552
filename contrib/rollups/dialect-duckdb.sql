-- DuckDB's definitions of what rollups.sql takes from Spark SQL (docs/manual/delivery-rollups.md, "Dialects").
-- rollups.py also reads every line as raw_lines(line) with read_csv (one VARCHAR column, lines
-- that are not JSON left out, as Spark's get_json_object gives NULL for them) and replaces
-- `CAST(x AS TIMESTAMP)` with `CAST(x AS TIMESTAMPTZ)`: DuckDB's TIMESTAMP drops a UTC offset.

-- event_links: the context ids a CDEvent's `links` name (`target` for RELATION, `from` for PATH and END).
CREATE OR REPLACE TEMPORARY VIEW event_links AS
SELECT id AS context_id, target FROM (
  SELECT id, unnest(json_extract_string(doc, '$.context.links[*].target.contextId')) AS target FROM cd_unique
  UNION ALL
  SELECT id, unnest(json_extract_string(doc, '$.context.links[*].from.contextId')) AS target FROM cd_unique
) WHERE target IS NOT NULL;
