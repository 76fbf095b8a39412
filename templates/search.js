/* kardes search: plain JavaScript, no dependencies, no requests. Reads the index search-index.js assigns to
   window.KARDES_SEARCH; runs on the page with <ol id="search-results"> (markup: docs/search.md). */
(function () {
  'use strict';
  // Folding as SearchIndex.fold does it: lower case, the table, NFKD, marks and apostrophes out, other runs of
  // non-letters one space. (İ lower-cases to i and a dot mark, which NFKD then drops.)
  var SPECIAL = { 'ı': 'i', 'ß': 'ss', 'æ': 'ae', 'ø': 'o', 'œ': 'oe', 'đ': 'd', 'ł': 'l', 'þ': 'th', 'ð': 'd', 'ħ': 'h',
    'ŋ': 'ng', 'ŧ': 't', 'ς': 'σ' };
  var KINDS = ['city', 'country', 'model', 'network', 'partnership'];

  function fold(text) {
    return String(text).toLowerCase().replace(/[ıßæøœđłþðħŋŧς]/g, function (c) { return SPECIAL[c]; }).normalize('NFKD')
      .replace(/[\p{M}'\u2019\u02BC\u02BB]+/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }

  // One list in result order (cities, countries, models, networks, partnerships); keys as '|key|key|'.
  function load(data) {
    var list = [], cities = [];
    data.c.forEach(function (e) {
      var first = e[1].split('|')[0], country = data.n[e[2]] || ['', '', ''];
      var slug = e[3] === 0 ? first.split(' ').join('-') : e[3];
      var city = { kind: 0, name: e[0], keys: '|' + e[1] + '|', weight: e[4], context: country[0], first: first, slug: slug,
        id: country[2] + '/' + slug };
      cities.push(city);
      list.push(city);
    });
    ['n', 'm', 'w'].forEach(function (array, kind) {
      data[array].forEach(function (e) { list.push({ kind: kind + 1, name: e[0], keys: '|' + e[1] + '|', id: e[2], weight: e[3] }); });
    });
    data.p.forEach(function (e) {
      var slug = typeof e[0] === 'string' ? e[0] : null;
      if (typeof e[1] === 'string') return list.push({ kind: 4, id: slug, name: e[1], keys: '|' + e[2] + '|', weight: 0 });
      var members = e.slice(slug ? 1 : 0).map(function (i) { return cities[i]; });
      list.push({ kind: 4, members: members, weight: 0, keys: '|' + members.map(function (c) { return c.first; }).join(' ') + '|',
        id: slug || members.map(function (c) { return c.slug; }).sort().join('-') });
    });
    return { entries: list, templates: data.u, labels: data.t || {}, lang: data.lang };
  }

  // 0 a key is the query, 1 a key starts with it, 2 a word in a key does, 3 it is inside a key, 4 each of its words
  // starts a word of a key; -1 no match.
  function rank(keys, q, words) {
    if (keys.indexOf(q) < 0) {
      if (words.length < 2) return -1;
      for (var i = 0; i < words.length; i++) if (keys.indexOf('|' + words[i]) < 0 && keys.indexOf(' ' + words[i]) < 0) return -1;
      return 4;
    }
    if (keys.indexOf('|' + q + '|') >= 0) return 0;
    if (keys.indexOf('|' + q) >= 0) return 1;
    return keys.indexOf(' ' + q) >= 0 ? 2 : 3;
  }

  // The first `limit` matches by rank, each rank in index order (kind, weight, name), and the number of all.
  function search(index, query, limit) {
    var q = fold(query), buckets = [[], [], [], [], []], total = 0, entries = index.entries, words = q.split(' ');
    for (var i = 0; q && i < entries.length; i++) {
      var r = rank(entries[i].keys, q, words);
      if (r >= 0 && ++total && buckets[r].length < limit) buckets[r].push(entries[i]);
    }
    return { query: q, total: total, results: [].concat.apply([], buckets).slice(0, limit) };
  }

  function nameOf(entry) {
    return entry.members ? entry.members.map(function (c) { return c.name; }).join(' – ') : entry.name;
  }

  function urlOf(index, entry, root, portable) {
    return root + index.templates[entry.kind].split('$').join(entry.id) + (portable ? 'index.html' : '');
  }

  function say(index, key, name, n) {
    try { n = n.toLocaleString(index.lang); } catch (e) { /* unknown language tag: plain digits */ }
    return (index.labels[key] || '').split('{' + name + '}').join(n);
  }

  function status(index, found, limit) {
    if (!found.query) return say(index, 'search_empty');
    if (!found.total) return say(index, 'search_none');
    var text = found.total === 1 ? say(index, 'search_result_one') : say(index, 'search_results', 'n', found.total);
    return found.total > limit ? text + '. ' + say(index, 'search_more', 'shown', limit) : text;
  }

  function start() {
    var data = window.KARDES_SEARCH, list = document.getElementById('search-results');
    var live = document.getElementById('search-status'), forms = [].slice.call(document.querySelectorAll('form.search'));
    var fallback = document.getElementById('search-fallback');
    if (!data || !list) return;
    var index = load(data), limit = 50, timer = 0, holders = [list].concat(forms, document.documentElement);
    function attr(name) {
      for (var i = 0; i < holders.length; i++) if (holders[i].hasAttribute(name)) return holders[i].getAttribute(name);
    }
    var root = attr('data-root'), portable = attr('data-portable');
    root = root == null ? '../' : root;
    portable = portable == null ? location.protocol === 'file:' : portable === 'true';
    if (fallback) fallback.hidden = true;
    var inputs = forms.map(function (f) { return f.querySelector('input[name="q"]'); }).filter(Boolean);

    function element(tag, text, className) {
      var e = document.createElement(tag);
      e.textContent = text;
      if (className) e.className = className;
      return e;
    }
    function show(query, remember) {
      var found = search(index, query, limit);
      list.textContent = '';
      found.results.forEach(function (entry) {
        var item = element('li', '', 'search-' + KINDS[entry.kind]), link = element('a', nameOf(entry));
        link.href = urlOf(index, entry, root, portable);
        item.append(link, ' ', element('span', say(index, 'search_kind_' + KINDS[entry.kind]), 'search-kind'));
        if (entry.context) item.append(' ', element('span', entry.context, 'search-context'));
        list.appendChild(item);
      });
      if (live && (query || remember)) live.textContent = status(index, found, limit);
      try {
        if (remember) history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
      } catch (e) { /* a page opened from disk may refuse */ }
    }

    var query = new URLSearchParams(location.search).get('q') || '';
    inputs.forEach(function (input) {
      input.value = query;
      input.addEventListener('input', function () {
        inputs.forEach(function (other) { other.value = input.value; });
        clearTimeout(timer);
        timer = setTimeout(function () { show(input.value, true); }, 150);
      });
    });
    forms.forEach(function (form) {
      var input = form.querySelector('input[name="q"]');
      if (input) form.addEventListener('submit', function (event) {
        event.preventDefault();
        clearTimeout(timer);
        show(input.value, true);
      });
    });
    show(query, false);
  }

  var api = { fold: fold, load: load, rank: rank, search: search, nameOf: nameOf, urlOf: urlOf, status: status };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  }
})();
