// Sorts the open actions table by the column whose heading is activated. Without script the table
// is already sorted by due date; this adds buttons to the headings and reorders rows in place.
(function () {
  'use strict';
  var table = document.getElementById('actions-table');
  if (!table) return;
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.querySelectorAll('th[data-sort]'));
  var numeric = { due: true, priority: true };
  headers.forEach(function (th) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    while (th.firstChild) button.appendChild(th.firstChild);
    var mark = document.createElement('span');
    mark.className = 'sort-mark';
    mark.setAttribute('aria-hidden', 'true');
    button.appendChild(mark);
    th.appendChild(button);
    button.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      var sign = direction === 'ascending' ? 1 : -1;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.getAttribute('data-' + key);
        var y = b.getAttribute('data-' + key);
        var order = numeric[key] ? Number(x) - Number(y) : x.localeCompare(y);
        // The build order (due date, priority) breaks ties, in both directions.
        return sign * order || Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'));
      });
      var fragment = document.createDocumentFragment();
      rows.forEach(function (row) {
        fragment.appendChild(row);
      });
      body.appendChild(fragment);
      headers.forEach(function (other) {
        if (other !== th) other.removeAttribute('aria-sort');
      });
      th.setAttribute('aria-sort', direction);
    });
  });
  var hint = document.getElementById('sort-hint');
  if (hint) hint.hidden = false;
})();
