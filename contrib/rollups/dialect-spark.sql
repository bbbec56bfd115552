-- Spark SQL's definition of event_links: the context ids a CDEvent's `links` name (`target` for
-- RELATION, `from` for PATH and END).
CREATE OR REPLACE TEMPORARY VIEW event_links AS
SELECT id AS context_id, target FROM (
  SELECT id, l.target.contextId AS target FROM (
    SELECT id, explode(from_json(get_json_object(doc, '$.context.links'),
      'array<struct<target:struct<contextId:string>,`from`:struct<contextId:string>>>')) AS l
    FROM cd_unique
  )
  UNION ALL
  SELECT id, l.`from`.contextId AS target FROM (
    SELECT id, explode(from_json(get_json_object(doc, '$.context.links'),
      'array<struct<target:struct<contextId:string>,`from`:struct<contextId:string>>>')) AS l
    FROM cd_unique
  )
) WHERE target IS NOT NULL;
