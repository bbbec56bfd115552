// Runs Pagefind's own search (pagefind.js + its wasm) under node against a portal served over HTTP.
//   node pagefind_search.mjs PAGEFIND_JS BASE_URL QUERY…   prints one JSON line per query:
//   {"query", "top": [url path…] (first 10, relative to the site root), "count", "indexBytes", "engineBytes"}
// `indexBytes` counts the index files Pagefind fetched for the query (entry, metadata, index chunks,
// fragments of the first ten results), `engineBytes` pagefind.js and the wasm it loads: a first
// query with an empty cache.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pagefindJS, base, ...queries] = process.argv.slice(2);
const realFetch = globalThis.fetch;
let bytes = 0;
let wasmBytes = 0;
globalThis.fetch = async (url, init) => {
  const response = await realFetch(url, init);
  const size = (await response.clone().arrayBuffer()).byteLength;
  if (String(url).endsWith(".pagefind")) wasmBytes += size; else bytes += size;
  return response;
};
const engineBytes = fs.statSync(pagefindJS).size;
for (const query of queries) {
  // A fresh module instance per query: nothing cached from the previous one.
  const copy = path.join(os.tmpdir(), `pagefind-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  fs.copyFileSync(pagefindJS, copy);
  const pagefind = await import(pathToFileURL(copy).href);
  fs.unlinkSync(copy);
  bytes = 0;
  wasmBytes = 0;
  await pagefind.options({ basePath: base + "pagefind/" });
  const search = await pagefind.search(query);
  const docs = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  const top = docs.map((d) => new URL(d.url, base).pathname.slice(new URL(base).pathname.length));
  console.log(JSON.stringify({ query, top, count: search.results.length, indexBytes: bytes,
    engineBytes: engineBytes + wasmBytes }));
}
