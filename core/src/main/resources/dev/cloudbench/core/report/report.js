(function () {
  'use strict';
  var root = document.documentElement;
  window.addEventListener('error', function (e) {
    root.setAttribute('data-script-error', String(e.message));
  });

  // A cell sorts by its data-v number when it has one, else by its text; numbers come first.
  function value(cell) {
    var v = cell.getAttribute('data-v');
    return v !== null && v !== '' ? parseFloat(v) : cell.textContent.trim().toLowerCase();
  }

  function compare(a, b) {
    var an = typeof a === 'number';
    var bn = typeof b === 'number';
    if (an && bn) { return a - b; }
    if (an !== bn) { return an ? -1 : 1; }
    return a < b ? -1 : (a > b ? 1 : 0);
  }

  function sortBy(table, th, column) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var c = compare(value(r1.cells[column]), value(r2.cells[column]));
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    if (!table.tHead || table.tBodies.length === 0 || table.tBodies[0].rows.length < 2) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      button.title = 'Sort by ' + th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () { sortBy(table, th, column); });
    });
  });
  root.setAttribute('data-script', 'ok');
}());
