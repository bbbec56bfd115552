// Waymark catalog explorer: filters and sorting over the table already in the page.
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
      rows.sort(function (a, b) {
        var x = a.cells[index].textContent.trim().toLowerCase();
        var y = b.cells[index].textContent.trim().toLowerCase();
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    });
  });
  form.hidden = false;
  apply();
})();
