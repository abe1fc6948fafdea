// Filters the archive's list in place: every row is already in the HTML (the page works without
// script); this only toggles `hidden` on rows, so typing never rebuilds the list. Row data comes
// from the JSON block, in row order, with search text folded at build time.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var list = document.getElementById('incident-list');
  var count = document.getElementById('result-count');
  var empty = document.getElementById('no-results');
  var source = document.getElementById('archive-data');
  if (!form || !list || !count || !source) return;
  var data = JSON.parse(source.textContent || '{}');
  var items = list.children;
  var rows = data.rows.map(function (row, i) {
    return {
      el: items[i],
      shown: true,
      type: row.type,
      status: row.status,
      severity: row.severity,
      year: row.year,
      system: row.system,
      tag: row.tag,
      q: row.q,
    };
  });
  var fields = ['type', 'status', 'severity', 'year', 'system', 'tag'];
  var controls = {};
  fields.forEach(function (name) {
    var el = form.elements.namedItem(name);
    if (el) controls[name] = el;
  });
  var search = form.elements.namedItem('q');
  var langSelect = form.elements.namedItem('lang');
  var plural = new Intl.PluralRules(data.intl);
  var number = new Intl.NumberFormat(data.intl);
  var fold = function (text) {
    return text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  };
  var totalText = function (n) {
    var form = data.text.total[plural.select(n)] || data.text.total.other || '{count}';
    return form.replace('{count}', number.format(n));
  };

  function state() {
    var params = new URLSearchParams();
    if (search.value.trim()) params.set('q', search.value.trim());
    fields.forEach(function (name) {
      if (controls[name] && controls[name].value) params.set(name, controls[name].value);
    });
    if (langSelect && langSelect.selectedIndex > 0) params.set('lang', langSelect.value);
    return params.toString();
  }

  function remember() {
    var hash = state();
    try {
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    } catch {
      // Some browsers refuse history changes on file:// pages; the filter still works.
    }
  }

  function apply() {
    var want = {};
    fields.forEach(function (name) {
      want[name] = controls[name] ? controls[name].value : '';
    });
    var terms = fold(search.value).split(' ').filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok =
        (!want.type || row.type === want.type) &&
        (!want.status || row.status === want.status) &&
        (!want.severity || row.severity === want.severity) &&
        (!want.year || row.year === want.year) &&
        (!want.system || row.system.indexOf(want.system) !== -1) &&
        (!want.tag || row.tag.indexOf(want.tag) !== -1);
      for (var t = 0; ok && t < terms.length; t++) ok = row.q.indexOf(terms[t]) !== -1;
      if (ok !== row.shown) {
        row.el.hidden = !ok;
        row.shown = ok;
      }
      if (ok) shown++;
    }
    count.textContent =
      shown === rows.length
        ? totalText(rows.length)
        : data.text.shown.replace('{shown}', number.format(shown)).replace('{total}', number.format(rows.length));
    if (empty) empty.hidden = shown !== 0;
  }

  function setLanguage() {
    if (langSelect) document.documentElement.setAttribute('data-tl', langSelect.value);
  }

  // Restore filters from the address (#type=change&q=backup), so a filtered view can be shared.
  var params = new URLSearchParams(location.hash.replace(/^#/, ''));
  var choose = function (el, value) {
    if (!el || value === null) return;
    for (var i = 0; i < el.options.length; i++) if (el.options[i].value === value) el.value = value;
  };
  if (params.get('q')) search.value = params.get('q');
  fields.forEach(function (name) {
    choose(controls[name], params.get(name));
  });
  choose(langSelect, params.get('lang'));

  form.addEventListener('input', function (event) {
    if (event.target === langSelect) setLanguage();
    else apply();
    remember();
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
  });
  document.getElementById('f-clear').addEventListener('click', function () {
    search.value = '';
    fields.forEach(function (name) {
      if (controls[name]) controls[name].value = '';
    });
    apply();
    remember();
    search.focus();
  });
  form.hidden = false;
  setLanguage();
  apply();
})();
