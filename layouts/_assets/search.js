// Waymark offline search: loads only the index shards a query needs. No dependencies, no network
// beyond this site's own files.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !list) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var cache = {};
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + "search/" + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  function terms(text) {
    return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter(function (t) { return t.length >= 2; });
  }
  function shardFor(manifest, term) {
    return manifest.shards[term.slice(0, 3)] || manifest.shards[term.slice(0, 2)];
  }
  function search(query) {
    var words = terms(query);
    list.textContent = "";
    if (!words.length) { status.textContent = "Type at least two letters."; return; }
    status.textContent = "Searching…";
    load("manifest.json").then(function (manifest) {
      return Promise.all(words.map(function (word) {
        var shard = shardFor(manifest, word);
        if (!shard) return {};
        return load(shard).then(function (postings) {
          var hits = {};
          Object.keys(postings).forEach(function (term) {
            if (term.indexOf(word) !== 0) return;
            var p = postings[term];
            for (var i = 0; i < p.length; i += 2) {
              var exact = term === word ? 2 : 1;
              hits[p[i]] = (hits[p[i]] || 0) + p[i + 1] * exact;
            }
          });
          return hits;
        });
      })).then(function (perWord) {
        var scores = perWord[0] || {};
        perWord.slice(1).forEach(function (hits) {
          Object.keys(scores).forEach(function (id) {
            if (hits[id] === undefined) delete scores[id]; else scores[id] += hits[id];
          });
        });
        var ids = Object.keys(scores).map(Number).sort(function (a, b) { return scores[b] - scores[a] || a - b; }).slice(0, 50);
        var pages = {};
        ids.forEach(function (id) { pages[Math.floor(id / manifest.documentsPerFile)] = true; });
        return Promise.all(Object.keys(pages).map(function (page) {
          return load("d" + page + ".json").then(function (docs) { return [Number(page), docs]; });
        })).then(function (loaded) {
          var byPage = {};
          loaded.forEach(function (entry) { byPage[entry[0]] = entry[1]; });
          var docs = ids.map(function (id) { return byPage[Math.floor(id / manifest.documentsPerFile)][id % manifest.documentsPerFile]; });
          // Results sharing a title show the entity's reference (kind:namespace/name, from its URL).
          var titles = {};
          docs.forEach(function (doc) { var t = doc.t.toLowerCase(); titles[t] = (titles[t] || 0) + 1; });
          docs.forEach(function (doc) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = root + doc.u;
            link.textContent = doc.t;
            var kind = document.createElement("span");
            kind.className = "muted";
            kind.textContent = " " + doc.k;
            item.appendChild(link);
            var parts = doc.u.split("/");
            if (titles[doc.t.toLowerCase()] > 1 && parts[0] === "catalog" && parts.length >= 4) {
              var ref = document.createElement("code");
              ref.className = "ref";
              ref.textContent = parts[2] + ":" + parts[1] + "/" + parts[3];
              item.appendChild(document.createTextNode(" "));
              item.appendChild(ref);
            }
            item.appendChild(kind);
            if (doc.s) {
              var summary = document.createElement("div");
              summary.className = "muted";
              summary.textContent = doc.s;
              item.appendChild(summary);
            }
            list.appendChild(item);
          });
          status.textContent = ids.length ? ids.length + (ids.length === 50 ? "+" : "") + " results" : "No results.";
        });
      });
    }).catch(function (error) { status.textContent = "Search is unavailable: " + error.message; });
  }
  var input = form.querySelector("input[name=q]");
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; search(initial); }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    search(input.value);
  });
})();
