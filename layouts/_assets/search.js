// Waymark search: full text over the sharded index in search/v2/ (manifest, term shards by prefix,
// one fragment per result), loading only what a query needs. The word rules (fold, words, stem)
// match Sources/WaymarkRendering/Search/SearchText.swift. No dependencies; also runs under node.
(function () {
  "use strict";
  function fold(text) { return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }
  function words(text) {
    return (fold(text).match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return [...w].length >= 2; });
  }
  function ends(w, s) { return w.slice(-s.length) === s; }
  function undouble(w) {
    var n = w.length;
    return n >= 2 && w[n - 1] === w[n - 2] && "aeiouylsz".indexOf(w[n - 1]) < 0 ? w.slice(0, -1) : w;
  }
  function stem(w) {
    if (w.length <= 3 || /\p{N}/u.test(w)) return w;
    if (ends(w, "s")) {
      if (ends(w, "ies") && !ends(w, "eies") && !ends(w, "aies")) w = w.slice(0, -3) + "y";
      else if (ends(w, "es") && !/(aes|ees|oes)$/.test(w)) w = w.slice(0, -1);
      else if (!ends(w, "us") && !ends(w, "ss")) w = w.slice(0, -1);
    }
    var n = w.length;
    if (ends(w, "ment") && n - 4 >= 5) w = w.slice(0, -4);
    else if (ends(w, "ation") && n - 5 >= 5) w = w.slice(0, -5);
    else if (ends(w, "ion") && n - 3 >= 4) w = w.slice(0, -3);
    else if (ends(w, "ing") && n - 3 >= 4) w = undouble(w.slice(0, -3));
    else if (ends(w, "ed") && n - 2 >= 4) w = undouble(w.slice(0, -2));
    if (w.length > 4 && ends(w, "e")) w = w.slice(0, -1);
    return w;
  }
  // One edit apart: a letter changed, added, removed, or two neighbours swapped.
  function oneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  function postings(list, scored) {
    var out = [], id = 0;
    for (var i = 0; i < list.length; i += scored ? 2 : 1) { id += list[i]; out.push([id, scored ? list[i + 1] : 0]); }
    return out;
  }

  // The engine: `load(path)` returns a promise of the JSON at search/v2/<path>.
  function Engine(load) {
    var cache = {};
    function get(path) { return cache[path] || (cache[path] = load(path)); }
    var manifest = get("manifest.json").then(function (m) { m.keys = new Set(m.shards.split(" ")); return m; });
    // The shard holding `term`, merged with up to four longer-keyed shards under it (for prefixes).
    function shard(m, term) {
      var paths = [];
      for (var n = term.length; n >= 2 && !paths.length; n--) {
        if (m.keys.has(term.slice(0, n))) paths.push(term.slice(0, n));
      }
      var under = [];
      m.keys.forEach(function (key) { if (key.length > term.length && key.indexOf(term) === 0) under.push(key); });
      if (under.length <= 4) paths = paths.concat(under);
      return Promise.all(paths.map(function (key) { return get("t/" + encodeURIComponent(key) + ".json"); }))
        .then(function (loaded) { return Object.assign.apply(null, [{}].concat(loaded)); });
    }
    // A word's hits: doc → best score over its matching terms (exact 1, prefix .6, one typo .5).
    function word(m, raw) {
      var s = stem(raw), hits = {}, terms = [];
      function add(term, list, factor) {
        terms.push(term);
        postings(list, true).forEach(function (p) { hits[p[0]] = Math.max(hits[p[0]] || 0, p[1] * factor); });
      }
      function typos(sh) {
        Object.keys(sh).forEach(function (t) {
          if (t[0] !== "=" && terms.indexOf(t) < 0 && (oneEdit(t, s) || oneEdit(t, raw))) add(t, sh[t], 0.5);
        });
      }
      return shard(m, s).then(function (own) {
        Object.keys(own).forEach(function (t) {
          if (t === s) add(t, own[t], 1);
          else if (t[0] !== "=" && t.indexOf(s) === 0) add(t, own[t], 0.6);
        });
        if (terms.length || [...raw].length < 5) return own;
        typos(own);
        return terms.length ? own : variantShards(m, s);
      }).then(function (other) {
        if (!terms.length && [...raw].length >= 5) typos(other);
        return { hits: hits, terms: terms };
      });
    }
    // The key of the shard holding `term`: its longest prefix that names a shard.
    function keyOf(m, term) {
      for (var n = term.length; n >= 2; n--) if (m.keys.has(term.slice(0, n))) return term.slice(0, n);
      return "";
    }
    // A typo within the letters that name a shard puts the word in another shard: the shards of
    // the word with two neighbours swapped, a letter left out or a letter doubled, within those
    // letters (at most four more shards, swaps first: the commonest slip).
    function variantShards(m, term) {
      if (m.depth === undefined) m.depth = Math.max.apply(null, [2].concat([...m.keys].map(function (k) { return k.length; })));
      var own = keyOf(m, term), keys = [], end = Math.min(term.length - 1, m.depth + 1), i;
      var variants = [];
      for (i = 0; i < end; i++) variants.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
      for (i = 0; i < end; i++) variants.push(term.slice(0, i) + term.slice(i + 1));
      for (i = 0; i < end; i++) variants.push(term.slice(0, i + 1) + term.slice(i));
      variants.forEach(function (v) {
        var key = keyOf(m, v);
        if (key && key !== own && keys.indexOf(key) < 0 && keys.length < 4) keys.push(key);
      });
      return Promise.all(keys.map(function (key) { return get("t/" + encodeURIComponent(key) + ".json"); }))
        .then(function (loaded) { return Object.assign.apply(null, [{}].concat(loaded)); });
    }
    function kindOf(m, id) {
      var kind = "";
      m.kinds.forEach(function (k) { if (id >= k[1]) kind = k[0]; });
      return kind;
    }
    // Ranked ids: every word must match (else the most words); an exact name or title first.
    function search(query) {
      var ws = words(query);
      return manifest.then(function (m) {
        if (!ws.length) return { results: [], terms: [], kinds: {} };
        var compact = ws.join("");
        return Promise.all(ws.map(function (w) { return word(m, w); }).concat([shard(m, compact)]))
          .then(function (parts) {
            var names = parts.pop()["=" + compact] || [], score = {}, count = {}, terms = [];
            parts.forEach(function (part) {
              terms = terms.concat(part.terms);
              Object.keys(part.hits).forEach(function (id) {
                score[id] = (score[id] || 0) + part.hits[id];
                count[id] = (count[id] || 0) + 1;
              });
            });
            var ids = Object.keys(score), all = ids.filter(function (id) { return count[id] === ws.length; });
            if (all.length) ids = all;
            postings(names, false).forEach(function (p) {
              if (score[p[0]] === undefined) ids.push(String(p[0]));
              score[p[0]] = (score[p[0]] || 0) + 1e7;
            });
            var ranked = ids.map(Number).sort(function (a, b) {
              return (count[b] || 0) - (count[a] || 0) || score[b] - score[a] || a - b;
            });
            if (all.length) ranked.sort(function (a, b) { return score[b] - score[a] || a - b; });
            var kinds = {};
            var results = ranked.map(function (id) {
              var kind = kindOf(m, id);
              kinds[kind] = (kinds[kind] || 0) + 1;
              return { id: id, kind: kind, score: score[id] };
            });
            return { results: results, terms: terms, kinds: kinds };
          });
      });
    }
    return { search: search, fragment: function (id) { return get("f/" + id + ".json"); } };
  }

  // Excerpt: about 30 words around the first hit, as [text, marked] pieces.
  function excerpt(text, terms) {
    var parts = text.split(/([\p{L}\p{N}]+)/u), first = -1, wanted = new Set(terms);
    var marked = parts.map(function (p, i) {
      var hit = i % 2 === 1 && words(p).some(function (w) { return wanted.has(stem(w)); });
      if (hit && first < 0) first = i;
      return hit;
    });
    var start = Math.max(0, first - 16), end = Math.min(parts.length, start + 60), out = [];
    if (start % 2 === 1) start--;
    if (start > 0) out.push(["… ", false]);
    for (var i = start; i < end; i++) out.push([parts[i], marked[i]]);
    if (end < parts.length) out.push([" …", false]);
    return out;
  }

  var api = { fold: fold, words: words, stem: stem, oneEdit: oneEdit, Engine: Engine, excerpt: excerpt };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var facets = document.getElementById("search-kinds");
  var more = document.getElementById("search-more");
  if (!form || !list) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var engine = Engine(function (path) {
    return fetch(root + "search/v2/" + path).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    });
  });
  var input = form.querySelector("input[name=q]");
  var params = new URLSearchParams(window.location.search);
  var state = { kind: params.get("kind") || "", shown: 0, found: null, serial: 0 };
  var PAGE = 10;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function filtered() {
    return state.found.results.filter(function (r) { return !state.kind || r.kind === state.kind; });
  }
  function showFacets() {
    facets.textContent = "";
    var kinds = state.found.kinds, names = Object.keys(kinds).sort();
    if (names.length < 2) return;
    [""].concat(names).forEach(function (kind) {
      var button = el("button", "facet", (kind || "All") + " " + (kind ? kinds[kind] : state.found.results.length));
      button.type = "button";
      button.setAttribute("aria-pressed", String(kind === state.kind));
      button.addEventListener("click", function () { state.kind = kind; remember(); render(); });
      facets.appendChild(button);
    });
  }
  function item(result, doc, shared) {
    var li = el("li"), link = el("a", "", doc.t);
    link.href = root + doc.u;
    li.appendChild(link);
    // Results sharing a title show the entity's reference (kind:namespace/name, from its URL).
    var parts = doc.u.split("/");
    if (shared && parts[0] === "catalog" && parts.length >= 4) {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("code", "ref", parts[2] + ":" + parts[1] + "/" + parts[3]));
    }
    li.appendChild(el("span", "kind", doc.k));
    if (doc.o) li.appendChild(el("span", "muted", " · " + doc.o));
    var p = el("p", "excerpt");
    excerpt(doc.x || "", state.found.terms).forEach(function (piece) {
      p.appendChild(piece[1] ? el("mark", "", piece[0]) : document.createTextNode(piece[0]));
    });
    li.appendChild(p);
    return li;
  }
  function showMore() {
    var serial = state.serial, page = filtered().slice(state.shown, state.shown + PAGE);
    state.shown += page.length;
    return Promise.all(page.map(function (r) { return engine.fragment(r.id); })).then(function (docs) {
      if (serial !== state.serial) return;
      var titles = {};
      docs.forEach(function (doc) { var t = doc.t.toLowerCase(); titles[t] = (titles[t] || 0) + 1; });
      docs.forEach(function (doc, i) { list.appendChild(item(page[i], doc, titles[doc.t.toLowerCase()] > 1)); });
      more.hidden = state.shown >= filtered().length;
    });
  }
  function render() {
    var serial = ++state.serial;
    list.textContent = "";
    state.shown = 0;
    showFacets();
    var n = filtered().length;
    // The count last, once the first results show: tests and screen readers wait for it.
    return showMore().then(function () {
      if (serial === state.serial) status.textContent = n ? n + (n === 1 ? " result" : " results") : "No results.";
    });
  }
  function remember() {
    var q = "?q=" + encodeURIComponent(input.value) + (state.kind ? "&kind=" + encodeURIComponent(state.kind) : "");
    history.replaceState(null, "", q);
  }
  function run() {
    var query = input.value, serial = ++state.serial;
    if (!words(query).length) {
      list.textContent = "";
      facets.textContent = "";
      more.hidden = true;
      status.textContent = "Type at least two letters.";
      return;
    }
    status.textContent = "Searching…";
    engine.search(query).then(function (found) {
      if (serial !== state.serial) return;
      state.found = found;
      if (state.kind && !found.kinds[state.kind]) state.kind = "";
      render();
    }).catch(function (error) { status.textContent = "Search is unavailable: " + error.message; });
  }
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { remember(); run(); }, 120);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); remember(); run(); });
  more.addEventListener("click", function () { showMore(); });
  // Arrow keys move between the box and the results; Escape goes back to the box.
  form.parentNode.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      if (links[at + 1]) links[at + 1].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (links[at - 1] || input).focus();
    } else if (event.key === "Escape" && at >= 0) {
      input.focus();
    } else {
      return;
    }
    event.preventDefault();
  });
  if (params.get("q")) { input.value = params.get("q"); run(); }
})();
