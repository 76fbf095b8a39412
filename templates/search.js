/* kardes search: plain JavaScript, no requests. Reads window.KARDES_SEARCH (search-index.js) and runs on the page
   with <ol id="search-results">; docs/search.md gives the markup and the index format. */
(function () {
  'use strict';
  // Folding as SearchIndex.fold: lower case (İ → i + dot), the table, NFKD, marks and apostrophes out, one space.
  var SPECIAL = { 'ı': 'i', 'ß': 'ss', 'æ': 'ae', 'ø': 'o', 'œ': 'oe', 'đ': 'd', 'ł': 'l', 'þ': 'th', 'ð': 'd', 'ħ': 'h',
    'ŋ': 'ng', 'ŧ': 't', 'ς': 'σ' };
  var KINDS = ['city', 'country', 'model', 'network', 'partnership'];

  function fold(text) {
    return String(text).toLowerCase().replace(/[ıßæøœđłþðħŋŧς]/g, function (c) { return SPECIAL[c]; }).normalize('NFKD')
      .replace(/[\p{M}'\u2019\u02BC\u02BB]+/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }

  function Entry(kind, name, keys, id, weight, context, members) {
    this.kind = kind;
    this.name = name;
    this.keys = keys;
    this.id = id;
    this.weight = weight;
    this.context = context;
    this.members = members;
  }

  // All entries in result order, keys as '|key|key|'; a partnership named by its cities keeps only their indexes.
  function load(data) {
    var list = [], keys = [], firsts = [], i, e;
    function add(entry) { list.push(entry); keys.push(entry.keys); }
    for (i = 0; i < data.c.length; i++) {
      e = data.c[i];
      var bar = e[1].indexOf('|'), first = bar < 0 ? e[1] : e[1].slice(0, bar), country = data.n[e[2]] || ['', '', ''];
      firsts.push(first);
      add(new Entry(0, e[0], '|' + e[1] + '|', country[2] + '/' + (e[3] === 0 ? first.replace(/ /g, '-') : e[3]), e[4], country[0], null));
    }
    ['n', 'm', 'w'].forEach(function (array, kind) {
      data[array].forEach(function (e) { add(new Entry(kind + 1, e[0], '|' + e[1] + '|', e[2], e[3], '', null)); });
    });
    for (i = 0; i < data.p.length; i++) {
      e = data.p[i];
      if (typeof e[1] === 'string') add(new Entry(4, e[1], '|' + e[2] + '|', e[0], 0, '', null));
      else if (typeof e[0] === 'string') add(new Entry(4, null, null, e[0], 0, '', e.slice(1)));
      else add(new Entry(4, null, null, null, 0, '', e));
    }
    return { entries: list, keys: keys, firsts: firsts, templates: data.u, labels: data.t || {}, lang: data.lang };
  }

  // The patterns a folded query is looked up with.
  function prepare(q) {
    return { q: q, exact: '|' + q + '|', start: '|' + q, word: ' ' + q,
      words: q.indexOf(' ') < 0 ? null : q.split(' ').map(function (w) { return ['|' + w, ' ' + w]; }) };
  }

  // 0 a key is the query, 1 a key starts with it, 2 a word in a key does, 3 it is inside a key, 4 each of its words
  // starts a word of a key; -1 no match.
  function rank(keys, p) {
    if (keys.indexOf(p.q) < 0) {
      if (!p.words) return -1;
      for (var i = 0; i < p.words.length; i++) if (keys.indexOf(p.words[i][0]) < 0 && keys.indexOf(p.words[i][1]) < 0) return -1;
      return 4;
    }
    if (keys.indexOf(p.exact) >= 0) return 0;
    if (keys.indexOf(p.start) >= 0) return 1;
    return keys.indexOf(p.word) >= 0 ? 2 : 3;
  }

  // The first `limit` matches by rank, each rank in index order (kind, weight, name), and the number of all.
  function search(index, query, limit) {
    var q = fold(query), p = prepare(q), buckets = [[], [], [], [], []], total = 0, keys = index.keys, firsts = index.firsts;
    var entries = index.entries, seen = [], i, j, r;
    if (q && p.words) {
      // Several words may span city names: make partnerships' keys, once.
      for (i = 0; i < keys.length; i++) {
        if (keys[i] !== null) continue;
        for (r = '|', j = 0; j < entries[i].members.length; j++) r += (j ? ' ' : '') + firsts[entries[i].members[j]];
        keys[i] = r + '|';
      }
    } else if (q) {
      // One word is inside one city's name: 1 starts it, 2 starts a word of it, 4 is inside.
      for (i = 0; i < firsts.length; i++) {
        var at = firsts[i].indexOf(q);
        seen.push(at < 0 ? 0 : at === 0 ? 1 : firsts[i].indexOf(p.word) >= 0 ? 2 : 4);
      }
    }
    for (i = 0; q && i < keys.length; i++) {
      if (keys[i] !== null) r = rank(keys[i], p);
      else {
        var members = entries[i].members;
        for (r = -1, j = 0; j < members.length; j++) {
          var flag = seen[members[j]], here = flag === 1 ? (j ? 2 : 1) : flag === 2 ? 2 : flag === 4 ? 3 : -1;
          if (here >= 0 && (r < 0 || here < r)) r = here;
        }
      }
      if (r >= 0 && ++total && buckets[r].length < limit) buckets[r].push(entries[i]);
    }
    return { query: q, total: total, results: [].concat.apply([], buckets).slice(0, limit) };
  }

  function nameOf(index, entry) {
    return entry.name !== null ? entry.name : entry.members.map(function (c) { return index.entries[c].name; }).join(' – ');
  }

  // A partnership named by its cities has their slugs, sorted and joined, unless the index gives one.
  function urlOf(index, entry, root, portable) {
    var id = entry.id || entry.members.map(function (c) { return index.entries[c].id.split('/')[1]; }).sort().join('-');
    return root + index.templates[entry.kind].split('$').join(id) + (portable ? 'index.html' : '');
  }

  function say(index, key, name, n) {
    if (!name) return index.labels[key] || '';
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
        var item = element('li', '', 'search-' + KINDS[entry.kind]), link = element('a', nameOf(index, entry));
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

  var api = { fold: fold, load: load, prepare: prepare, rank: rank, search: search, nameOf: nameOf, urlOf: urlOf, status: status };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  }
})();
