-- DeliveryLinks' flows: every CDEvent connected by a shared context.chainId or a `links` entry
-- naming another event's context.id (GitHub events have no context, so no flow). Connected components by label propagation: rollups.py
-- materialises flows(node, flow) from flow_start, then replaces it with flow_step until no label
-- changes (a chain is a star, so three rounds; links add one round per hop). The edges both ways
-- (flow_pairs_view) are materialised once as flow_pairs, which every round reads.

CREATE OR REPLACE TEMPORARY VIEW flow_edges AS
SELECT concat('x:', context_id) AS a, concat('c:', chain_id) AS b FROM keyed WHERE chain_id IS NOT NULL
UNION ALL
SELECT concat('x:', context_id) AS a, concat('x:', target) AS b FROM event_links;

CREATE OR REPLACE TEMPORARY VIEW flow_nodes AS
SELECT concat('x:', context_id) AS node FROM keyed WHERE context_id IS NOT NULL
UNION SELECT b AS node FROM flow_edges;

CREATE OR REPLACE TEMPORARY VIEW flow_pairs_view AS
SELECT a AS x, b AS y FROM flow_edges
UNION ALL
SELECT b AS x, a AS y FROM flow_edges;

-- flow_start
SELECT node, node AS flow FROM flow_nodes;

-- flow_step
SELECT n.node, least(n.flow, coalesce(min(m.flow), n.flow)) AS flow
FROM flows n LEFT JOIN flow_pairs e ON e.x = n.node LEFT JOIN flows m ON m.node = e.y
GROUP BY n.node, n.flow;
