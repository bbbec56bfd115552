// `make test`: Waymark's search engine (layouts/_assets/search.js) under node, over the demo portal
// built by $WAYMARK (default .build/debug/waymark) into a scratch folder. node --test Tests/Search/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const engine = require("../../layouts/_assets/search.js");
const { run } = require("./waymark_search.cjs");

const repository = path.join(__dirname, "..", "..");
const site = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-search-"));
test.after(() => fs.rmSync(site, { recursive: true, force: true }));
test.before(() => {
  const waymark = process.env.WAYMARK || path.join(repository, ".build", "debug", "waymark");
  const built = spawnSync(waymark, ["build", "--root", repository, "--output", site, "--quiet", "--as-of",
    "2026-11-01T00:00:00Z"], { encoding: "utf8" });
  assert.equal(built.status, 0, built.stderr);
});

const C = "catalog/default/component/";

test("words are folded, split on anything but letters and digits, and at least two long", () => {
  assert.deepEqual(engine.words("Payments-API v2: a café (ÉTÉ) Straße"), ["payments", "api", "v2", "cafe", "ete", "straße"]);
});

test("the stemmer joins the forms of a word, as SearchText.stem does", () => {
  const cases = { deploys: "deploy", deployed: "deploy", deploying: "deploy", deployment: "deploy",
    deployments: "deploy", payments: "payment", shipment: "shipment", services: "servic", service: "servic",
    configuration: "configur", configure: "configur", creation: "creat", created: "creat", running: "run",
    policies: "policy", classes: "class", status: "status", v2s: "v2s", api: "api" };
  for (const [word, stem] of Object.entries(cases)) assert.equal(engine.stem(word), stem, word);
});

test("one edit: a change, an insertion, a deletion or a swap", () => {
  assert.ok(engine.oneEdit("kafka", "kafak"));
  assert.ok(engine.oneEdit("payment", "paymnt"));
  assert.ok(engine.oneEdit("payment", "payyment"));
  assert.ok(engine.oneEdit("invoice", "invioce"));
  assert.ok(engine.oneEdit("payment", "pamyent"));
  assert.ok(!engine.oneEdit("payment", "pymaent"));
  assert.ok(!engine.oneEdit("kafka", "kafkaaa"));
});

test("kafka finds the Kafka entities and the docs page that mentions it in its body", async () => {
  const found = await run(site, "kafka");
  assert.deepEqual(found.top.slice(0, 3).sort(), [C + "parcel-event-ingest/", "catalog/default/api/parcel-events/",
    "catalog/default/resource/parcel-events-topic/"].sort());
  assert.ok(found.top.includes("docs/default/component/invoice-worker/"), found.top.join(" "));
  assert.deepEqual(found.kinds, { API: 1, Component: 1, Docs: 1, Resource: 1 });
  assert.match(found.excerpts[found.top.indexOf("docs/default/component/invoice-worker/")], /\[Kafka\]/);
});

test("payment ranks the Payments API component first; a misspelling and a partial word find it too", async () => {
  for (const query of ["payment", "paymnt", "paym", "Payments API", "payments-api", "paymnts api"]) {
    assert.equal((await run(site, query)).top[0], C + "payments-api/", query);
  }
});

test("an exact name comes first, and every word must match", async () => {
  assert.equal((await run(site, "notifications service")).top[0], C + "notifications-service/");
  assert.equal((await run(site, "notification service")).top[0], C + "notification-service/");
  assert.deepEqual((await run(site, "zzqxv")).top, []);
});

test("a first query fetches a few kilobytes of index", async () => {
  const found = await run(site, "kafka");
  assert.ok(found.indexBytes < 16 * 1024, String(found.indexBytes));
  assert.ok(found.engineBytes < 16 * 1024, String(found.engineBytes));
});

test("every query of the Pagefind comparison fixture finds an expected page in its top five", async () => {
  const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "queries.json"), "utf8")).queries;
  assert.ok(fixture.length >= 40);
  const missed = [];
  for (const item of fixture) {
    const top = (await run(site, item.query)).top.slice(0, 5);
    if (!item.expect.some((url) => top.includes(url))) missed.push(item.query);
  }
  assert.deepEqual(missed, []);
});

test("a typo within the letters that name a shard still finds the word, from at most four more shards", async () => {
  // A large portal splits terms by their first letters: `account` lives in shard `acc`, while
  // `acocunt`, `acount` and `accunt` each point at another shard first.
  const index = {
    "manifest.json": { version: 2, documents: 3, kinds: [["Component", 0]], shards: "ac acc aco acu" },
    "t/ac.json": { acme: [2, 9] },
    "t/acc.json": { account: [0, 7] },
    "t/aco.json": { acoustic: [1, 7] },
    "t/acu.json": { acute: [1, 5] },
  };
  const fetched = [];
  const found = async (query) => {
    const search = engine.Engine(async (file) => {
      fetched.push(file);
      if (!(file in index)) throw new Error(file);
      return index[file];
    });
    return (await search.search(query)).results.map((r) => r.id);
  };
  for (const query of ["acocunt", "caccount", "accuont", "acount"]) {
    assert.deepEqual(await found(query), [0], query);
  }
  assert.deepEqual(await found("acoustc"), [1]);
  assert.deepEqual(await found("zzzzzz"), []);
  assert.ok(fetched.every((file) => file in index), fetched.join(" "));
});
