/* kardes search: plain JavaScript, no dependencies, no requests. It reads the index that search-index.js assigns to
   window.KARDES_SEARCH and runs on the page that has <ol id="search-results">; docs/search.md has the markup. */
(function () {
  'use strict';

  // Folding, the same steps as SearchIndex.fold in Swift: table, lower case, final sigma, NFKD, marks and
  // apostrophes out, any other run of non-letters one space.
  var SPECIAL = {
    'ı': 'i', 'İ': 'i', 'I': 'i', 'ß': 'ss', 'æ': 'ae', 'Æ': 'ae', 'ø': 'o', 'Ø': 'o', 'œ': 'oe', 'Œ': 'oe', 'đ': 'd',
    'Đ': 'd', 'ł': 'l', 'Ł': 'l', 'þ': 'th', 'Þ': 'th', 'ð': 'd', 'Ð': 'd', 'ħ': 'h', 'Ħ': 'h', 'ŋ': 'ng', 'Ŋ': 'ng',
    'ŧ': 't', 'Ŧ': 't', 'ŀ': 'l', 'Ŀ': 'l', 'ĳ': 'ij', 'Ĳ': 'ij'
  };
  var SPECIAL_RE = new RegExp('[' + Object.keys(SPECIAL).join('') + ']', 'g');
  var DROP_RE = /[\p{M}'\u2019\u02BC\u02BB]+/gu;
  var OTHER_RE = /[^\p{L}\p{N}]+/gu;

  function fold(text) {
    return String(text).replace(SPECIAL_RE, function (c) { return SPECIAL[c]; }).toLowerCase().replace(/ς/g, 'σ')
      .normalize('NFKD').replace(DROP_RE, '').replace(OTHER_RE, ' ').trim();
  }

  var KINDS = ['city', 'country', 'model', 'network', 'partnership'];

  // The index as one list in result order: cities, countries, models, networks, partnerships. Each entry keeps its
  // keys as '|key|key|' so one indexOf tells whether and how a query matches.
  function load(data) {
    var list = [], cities = [];
    data.c.forEach(function (e) {
      var first = e[1].split('|')[0], country = data.n[e[2]];
      var city = { kind: 0, name: e[0], keys: '|' + e[1] + '|', weight: e[4], context: country ? country[0] : '',
        first: first, slug: e[3] === 0 ? first.split(' ').join('-') : e[3] };
      city.id = (country ? country[2] : '') + '/' + city.slug;
      cities.push(city);
      list.push(city);
    });
    [['n', 1], ['m', 2], ['w', 3]].forEach(function (kind) {
      data[kind[0]].forEach(function (e) {
        list.push({ kind: kind[1], name: e[0], keys: '|' + e[1] + '|', id: e[2], weight: e[3], context: '' });
      });
    });
    data.p.forEach(function (e) {
      var entry = { kind: 4, weight: 0, context: '' };
      if (typeof e[1] === 'string') {
        entry.id = e[0];
        entry.name = e[1];
        entry.keys = '|' + e[2] + '|';
      } else {
        var members = (typeof e[0] === 'string' ? e.slice(1) : e).map(function (i) { return cities[i]; });
        entry.members = members;
        entry.keys = '|' + members.map(function (c) { return c.first; }).join(' ') + '|';
        entry.id = typeof e[0] === 'string' ? e[0] : members.map(function (c) { return c.slug; }).sort().join('-');
      }
      list.push(entry);
    });
    return { entries: list, templates: data.u, labels: data.t || {}, lang: data.lang };
  }

  // 0 a key is the query, 1 a key starts with it, 2 a word in a key does, 3 it is inside a key, 4 every word of it
  // starts a word of a key; -1 no match.
  function rank(keys, q, words) {
    if (keys.indexOf(q) < 0) {
      if (words.length < 2) return -1;
      for (var i = 0; i < words.length; i++) {
        if (keys.indexOf('|' + words[i]) < 0 && keys.indexOf(' ' + words[i]) < 0) return -1;
      }
      return 4;
    }
    if (keys.indexOf('|' + q + '|') >= 0) return 0;
    if (keys.indexOf('|' + q) >= 0) return 1;
    return keys.indexOf(' ' + q) >= 0 ? 2 : 3;
  }

  // Matches by rank; within a rank in index order (kind, then weight, then name). Returns the first `limit` and
  // the number of all matches.
  function search(index, query, limit) {
    var q = fold(query), buckets = [[], [], [], [], []], total = 0;
    if (q) {
      var words = q.split(' '), entries = index.entries;
      for (var i = 0; i < entries.length; i++) {
        var r = rank(entries[i].keys, q, words);
        if (r >= 0) { total++; if (buckets[r].length < limit) buckets[r].push(entries[i]); }
      }
    }
    return { query: q, total: total, results: [].concat.apply([], buckets).slice(0, limit) };
  }

  function nameOf(entry) {
    return entry.members ? entry.members.map(function (c) { return c.name; }).join(' – ') : entry.name;
  }

  function urlOf(index, entry, root, portable) {
    return root + index.templates[entry.kind].split('$').join(entry.id) + (portable ? 'index.html' : '');
  }

  function say(index, key, values) {
    var text = index.labels[key] || '';
    Object.keys(values || {}).forEach(function (name) {
      var n = values[name];
      try { n = n.toLocaleString(index.lang); } catch (e) { /* an unknown language tag: digits as they are */ }
      text = text.split('{' + name + '}').join(n);
    });
    return text;
  }

  function status(index, found, limit) {
    if (!found.query) return say(index, 'search_empty');
    if (!found.total) return say(index, 'search_none');
    var text = found.total === 1 ? say(index, 'search_result_one') : say(index, 'search_results', { n: found.total });
    return found.total > limit ? text + '. ' + say(index, 'search_more', { shown: limit }) : text;
  }

  function start() {
    var data = window.KARDES_SEARCH, list = document.getElementById('search-results');
    var live = document.getElementById('search-status'), forms = document.querySelectorAll('form.search');
    if (!data || !list) return;
    var index = load(data), html = document.documentElement, limit = 50, timer = 0;
    function attr(name) {
      var holders = [list, forms[0], html];
      for (var i = 0; i < holders.length; i++) if (holders[i] && holders[i].hasAttribute(name)) return holders[i].getAttribute(name);
      return null;
    }
    var root = attr('data-root'), portable = attr('data-portable');
    if (root === null) root = '../';
    portable = portable === null ? location.protocol === 'file:' : portable === 'true';
    var fallback = document.getElementById('search-fallback');
    if (fallback) fallback.hidden = true;
    var inputs = [].map.call(forms, function (f) { return f.querySelector('input[name="q"]'); }).filter(Boolean);

    function show(query, remember) {
      var found = search(index, query, limit);
      list.textContent = '';
      found.results.forEach(function (entry) {
        var item = document.createElement('li'), link = document.createElement('a'), kind = document.createElement('span');
        link.href = urlOf(index, entry, root, portable);
        link.textContent = nameOf(entry);
        kind.className = 'search-kind';
        kind.textContent = say(index, 'search_kind_' + KINDS[entry.kind]);
        item.className = 'search-' + KINDS[entry.kind];
        item.append(link, ' ', kind);
        if (entry.context) {
          var context = document.createElement('span');
          context.className = 'search-context';
          context.textContent = entry.context;
          item.append(' ', context);
        }
        list.appendChild(item);
      });
      if (live) live.textContent = status(index, found, limit);
      if (remember) {
        try { history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname); } catch (e) { /* file: pages may refuse */ }
      }
    }

    var query = new URLSearchParams(location.search).get('q') || '';
    inputs.forEach(function (input) {
      input.value = query;
      input.addEventListener('input', function () {
        inputs.forEach(function (other) { if (other !== input) other.value = input.value; });
        clearTimeout(timer);
        timer = setTimeout(function () { show(input.value, true); }, 150);
      });
      input.addEventListener('keydown', function (event) {
        if (event.key === 'ArrowDown' && list.querySelector('a')) { event.preventDefault(); list.querySelector('a').focus(); }
      });
    });
    [].forEach.call(forms, function (form) {
      form.addEventListener('submit', function (event) {
        var input = form.querySelector('input[name="q"]');
        if (!input) return;
        event.preventDefault();
        clearTimeout(timer);
        show(input.value, true);
      });
    });
    list.addEventListener('keydown', function (event) {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      var links = [].slice.call(list.querySelectorAll('a')), at = links.indexOf(document.activeElement);
      if (at < 0) return;
      event.preventDefault();
      var next = links[at + (event.key === 'ArrowDown' ? 1 : -1)] || (event.key === 'ArrowUp' ? inputs[inputs.length - 1] : null);
      if (next) next.focus();
    });
    show(query, false);
  }

  var api = { fold: fold, load: load, rank: rank, search: search, nameOf: nameOf, urlOf: urlOf, status: status };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  }
})();
