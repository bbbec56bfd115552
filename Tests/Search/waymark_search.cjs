// Runs Waymark's search engine (layouts/_assets/search.js) under node over a built portal.
//   node waymark_search.cjs SITE_DIR QUERY…   prints one JSON line per query:
//   {"query", "top": [url…] (first 10), "count", "indexBytes", "engineBytes", "kinds", "excerpts"}
// A fresh engine per query, so `indexBytes` is what a first query costs (manifest, shards,
// fragments of the first ten results) as a browser with an empty cache fetches it; `engineBytes`
// is search.js.
"use strict";
const fs = require("fs");
const path = require("path");
const engineFile = path.join(__dirname, "..", "..", "layouts", "_assets", "search.js");
const engineAPI = require(engineFile);
const engineBytes = fs.statSync(engineFile).size;

async function run(site, query, shown = 10) {
  let bytes = 0;
  const engine = engineAPI.Engine(async (file) => {
    const text = fs.readFileSync(path.join(site, "search", "v2", decodeURIComponent(file)));
    bytes += text.length;
    return JSON.parse(text);
  });
  const found = await engine.search(query);
  const docs = await Promise.all(found.results.slice(0, shown).map((r) => engine.fragment(r.id)));
  return { query, top: docs.map((d) => d.u), count: found.results.length, indexBytes: bytes, engineBytes,
    kinds: found.kinds,
    excerpts: docs.map((d) => engineAPI.excerpt(d.x || "", found.terms)
      .map((p) => (p[1] ? "[" + p[0] + "]" : p[0])).join("")) };
}

module.exports = { run };

if (require.main === module) {
  (async () => {
    const [site, ...queries] = process.argv.slice(2);
    for (const query of queries) console.log(JSON.stringify(await run(site, query)));
  })();
}
