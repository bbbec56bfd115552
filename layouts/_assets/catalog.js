// Waymark catalog explorer: filters and sorting over the table in the page. A large catalog's page
// holds its first rows only; the others load from the shards its table names (data-shards).
(function () {
  "use strict";
  var table = document.getElementById("catalog-table");
  var form = document.getElementById("catalog-filters");
  if (!table || !form) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var count = document.getElementById("catalog-count");
  // Links from other pages filter the explorer through the query: ?owner=group:default/x,
  // ?failing=<scorecard>/<check> (the "and N more" links of the scorecards page).
  var query = new URLSearchParams(window.location.search);
  var failing = query.get("failing") || "";
  ["text", "kind", "type", "lifecycle", "owner", "system", "tag", "level"].forEach(function (name) {
    var wanted = query.get(name);
    var field = form.elements[name];
    if (!wanted || !field) return;
    if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (o) { return o.value === wanted; })) return;
    field.value = wanted;
  });
  var failingNote = document.getElementById("catalog-failing");
  if (failing && failingNote) {
    failingNote.querySelector("code").textContent = failing;
    failingNote.hidden = false;
  }
  function apply() {
    var text = form.elements.text.value.toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var visible = ["kind", "type", "lifecycle", "owner", "system", "tag", "level"].every(function (name) {
        var wanted = form.elements[name].value;
        if (!wanted) return true;
        var value = row.getAttribute("data-" + name) || "";
        return name === "tag" ? (" " + value + " ").indexOf(" " + wanted + " ") >= 0 : value === wanted;
      }) && (!text || row.textContent.toLowerCase().indexOf(text) >= 0)
        && (!failing || (" " + (row.getAttribute("data-failing") || "") + " ").indexOf(" " + failing + " ") >= 0);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown + " of " + rows.length + " entities";
  }
  // Selects changed from the keyboard or by automation may fire only "change", not "input".
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, index) {
    var button = cell.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var ascending = cell.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
      cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      sorting = { index: index, ascending: ascending };
      sortRows();
    });
  });
  var sorting = null;
  function sortRows() {
    if (!sorting) return;
    rows.sort(function (a, b) {
      var x = a.cells[sorting.index].textContent.trim().toLowerCase();
      var y = b.cells[sorting.index].textContent.trim().toLowerCase();
      return (x < y ? -1 : x > y ? 1 : 0) * (sorting.ascending ? 1 : -1) || a.waymarkOrder - b.waymarkOrder;
    });
    rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
  }
  rows.forEach(function (row, index) { row.waymarkOrder = index; });
  form.hidden = false;
  apply();
  loadShards();

  // The other rows: each shard's rows past those the page holds, built as the page's rows are.
  function loadShards() {
    var shards = (table.getAttribute("data-shards") || "").split(" ").filter(Boolean);
    if (!shards.length) return;
    var root = table.getAttribute("data-root") || "";
    var held = rows.length;
    var seen = 0;
    var partial = document.getElementById("catalog-partial");
    table.setAttribute("aria-busy", "true");
    shards.reduce(function (previous, url) {
      return previous.then(function () {
        return fetch(url).then(function (response) {
          if (!response.ok) throw new Error(url + ": " + response.status);
          return response.json();
        }).then(function (shard) {
          var added = [];
          shard.rows.forEach(function (data) {
            seen += 1;
            if (seen <= held) return;
            var row = buildRow(data, root);
            row.waymarkOrder = seen - 1;
            rows.push(row);
            added.push(row);
          });
          var body = document.createDocumentFragment();
          added.forEach(function (row) { body.appendChild(row); });
          table.tBodies[0].appendChild(body);
          sortRows();
          apply();
        });
      });
    }, Promise.resolve()).then(function () {
      table.removeAttribute("aria-busy");
      if (partial) partial.hidden = true;
    }, function () {
      table.removeAttribute("aria-busy");
      if (partial) partial.insertBefore(document.createTextNode("Loading the others failed. "), partial.firstChild);
    });
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A link as the entity-link partial makes it: text for an entity provided outside the repository.
  function entityLink(cell, link, root) {
    if (!link) return;
    if (link.external) {
      var span = element("span", "", link.title);
      span.title = link.ref + " (provided outside this repository)";
      cell.appendChild(span);
      return;
    }
    var anchor = element("a", "", link.title);
    anchor.href = root + link.url;
    anchor.title = link.ref;
    cell.appendChild(anchor);
    if (link.sharedTitle) {
      cell.appendChild(document.createTextNode(" "));
      cell.appendChild(element("code", "ref", link.ref));
    }
  }

  function buildRow(data, root) {
    var row = document.createElement("tr");
    [["kind", data.kind], ["failing", data.failing], ["type", data.type], ["lifecycle", data.lifecycle],
      ["owner", data.ownerRef], ["system", data.systemRef], ["tag", data.tagList], ["level", data.level]]
      .forEach(function (pair) { row.setAttribute("data-" + pair[0], pair[1] || ""); });
    var name = row.insertCell();
    var anchor = element("a", "", data.title);
    anchor.href = root + data.url;
    name.appendChild(anchor);
    if (data.sharedTitle) {
      name.appendChild(document.createTextNode(" "));
      name.appendChild(element("code", "ref", data.ref));
    }
    if (data.description) name.appendChild(element("div", "muted", data.description));
    [data.kind, data.type, data.lifecycle].forEach(function (text) { row.insertCell().textContent = text || ""; });
    entityLink(row.insertCell(), data.owner, root);
    entityLink(row.insertCell(), data.system, root);
    row.insertCell().textContent = data.level || "";
    var tags = row.insertCell();
    (data.tags || []).forEach(function (tag) {
      tags.appendChild(element("span", "tag", tag));
      tags.appendChild(document.createTextNode(" "));
    });
    return row;
  }
})();
