// Tests of templates/search.js: `node --test Tests/search-js/` or `node Tests/search-js/search.test.js` (node 20, no
// packages). fixture-index.js is the index SearchIndexTests records from its small directory (KARDES_RECORD=1), so
// the script is tested against what the Swift side really writes; fold-cases.json is shared with the Swift tests.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const here = __dirname;
const scriptPath = path.join(here, '..', '..', 'templates', 'search.js');
const search = require(scriptPath);

/** The object an index script assigns to window.KARDES_SEARCH. */
function indexData(file) {
  const context = { window: {} };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), context);
  return context.window.KARDES_SEARCH;
}

const data = indexData(path.join(here, 'fixture-index.js'));
const index = search.load(data);
const names = (query, limit = 50) => search.search(index, query, limit).results.map((e) => search.nameOf(index, e));

test('folds every shared case like SearchIndex.fold', () => {
  const cases = JSON.parse(fs.readFileSync(path.join(here, 'fold-cases.json'), 'utf8'));
  for (const [input, folded] of cases) assert.strictEqual(search.fold(input), folded, input);
});

test('the recorded index keeps each name folded as the script folds it', () => {
  const fresh = search.load(data);
  for (const entry of fresh.entries) {
    const name = search.nameOf(fresh, entry);
    if (entry.keys !== null) assert.strictEqual(entry.keys.split('|')[1], search.fold(name), name);
    else assert.strictEqual(entry.members.map((m) => fresh.firsts[m]).join(' '), search.fold(name), name);
  }
  // Names made of city names are not stored: only their cities' indexes.
  assert.strictEqual(fresh.entries.filter((e) => e.keys === null).length, 6);
});

test('a query of one word ranks partnerships through their cities as their whole keys would', () => {
  const fresh = search.load(data);
  const through = ['van', 'ncou', 'koln', 'istanbul', 'a', 'sav', 'uskup', 'bursa'].map((q) => search.search(fresh, q, 50));
  search.search(fresh, 'a b', 50); // builds every key
  assert.ok(fresh.keys.every((k) => typeof k === 'string'));
  const whole = ['van', 'ncou', 'koln', 'istanbul', 'a', 'sav', 'uskup', 'bursa'].map((q) => search.search(fresh, q, 50));
  assert.deepStrictEqual(whole, through);
});

test('uskudar finds Üsküdar first', () => {
  assert.strictEqual(names('uskudar')[0], 'Üsküdar');
  assert.strictEqual(names('ÜSKÜDAR')[0], 'Üsküdar');
});

test('istanbul and İSTANBUL find İstanbul, sanliurfa finds Şanlıurfa, igdir finds Iğdır', () => {
  assert.strictEqual(names('istanbul')[0], 'İstanbul');
  assert.strictEqual(names('İSTANBUL')[0], 'İstanbul');
  assert.strictEqual(names('ISTANBUL')[0], 'İstanbul');
  assert.strictEqual(names('sanliurfa')[0], 'Şanlıurfa');
  assert.strictEqual(names('igdir')[0], 'Iğdır');
});

test('koln finds Köln, then its partnerships', () => {
  assert.deepStrictEqual(names('koln'), ['Köln', 'İstanbul – Köln', 'Şanlıurfa ile Köln\'ün "dostluğu" <2026>']);
  assert.strictEqual(names('cologne')[0], 'Köln');
});

test('tiflis finds Tbilisi by its alias, Üsküp finds Skopje and skopje finds Üsküp', () => {
  assert.strictEqual(names('tiflis')[0], 'Tbilisi');
  assert.strictEqual(names('Üsküp')[0], 'Üsküp');
  assert.strictEqual(names('skopje')[0], 'Üsküp');
  assert.strictEqual(names('uskub')[0], 'Üsküp');
});

test('almanya and germany find the country Germany', () => {
  for (const query of ['almanya', 'germany', 'Germ']) {
    const found = search.search(index, query, 50).results;
    assert.strictEqual(found[0].kind, 1, query);
    assert.strictEqual(found[0].name, 'Almanya', query);
  }
});

test('the exact name comes first, then names it starts, then words it starts, then names it is inside', () => {
  // Vancouver has three partnerships and Van one, yet Van is the exact match.
  assert.deepStrictEqual(names('van'), ['Van', 'Vancouver', 'Van – Vancouver', 'Iğdır – Vancouver', 'Savannah – Vancouver', 'Savannah']);
  assert.deepStrictEqual(names('sav').slice(0, 2), ['Savannah', 'Savannah – Vancouver']);
  assert.deepStrictEqual(names('anna'), ['Savannah', 'Savannah – Vancouver']);
});

test('ranks: exact 0, prefix 1, word prefix 2, infix 3, all words 4', () => {
  const rank = (keys, query) => search.rank(keys, search.prepare(query));
  const keys = '|van vancouver|';
  assert.strictEqual(rank('|van|', 'van'), 0);
  assert.strictEqual(rank('|savannah|van|', 'van'), 0);
  assert.strictEqual(rank(keys, 'van'), 1);
  assert.strictEqual(rank(keys, 'vancouver'), 2);
  assert.strictEqual(rank(keys, 'ncou'), 3);
  assert.strictEqual(rank(keys, 'vancouver van'), 4);
  assert.strictEqual(rank(keys, 'vancouver x'), -1);
  assert.strictEqual(rank(keys, 'x'), -1);
});

test('a query in another order finds the partnership by all its words', () => {
  assert.ok(names('vancouver igd').includes('Iğdır – Vancouver'));
});

test('models and networks are found by title and slug', () => {
  assert.strictEqual(names('kardes kent')[0], 'Kardeş kent ilişkisi');
  assert.strictEqual(names('sister')[0], 'Kardeş kent ilişkisi');
  assert.strictEqual(names('nalas')[0], 'NALAS – Güneydoğu Avrupa Yerel Yönetim Birlikleri Ağı');
});

test('the limit keeps the best results and the count of all', () => {
  const found = search.search(index, 'a', 3);
  assert.strictEqual(found.results.length, 3);
  assert.ok(found.total > 3);
  assert.strictEqual(search.status(index, found, 3), `${found.total} sonuç. İlk 3 sonuç gösteriliyor; aramayı daraltmak için devam edin.`);
  assert.strictEqual(search.status(index, search.search(index, 'tiflis', 50), 50), '1 sonuç');
  assert.strictEqual(search.status(index, search.search(index, 'zzz', 50), 50), 'Sonuç bulunamadı.');
  assert.strictEqual(search.search(index, '  ?! ', 50).total, 0);
});

test('links are relative to the page, name index.html on portable sites, and follow the routes', () => {
  const url = (query, portable) => search.urlOf(index, search.search(index, query, 1).results[0], '../', portable);
  assert.strictEqual(url('skopje', false), '../cities/mk/skopje/');
  assert.strictEqual(url('uskudar', true), '../cities/tr/uskudar/index.html');
  assert.strictEqual(url('germany', false), '../countries/de/');
  assert.strictEqual(url('sister', false), '../models/sister-city/');
  assert.strictEqual(url('nalas', false), '../networks/nalas/');
  assert.strictEqual(url('istanbul koln', false), '../partnerships/istanbul-koln/');
  assert.strictEqual(url('bursa', false), '../cities/tr/bursa/');
  const named = (name) => index.entries.find((e) => e.kind === 4 && e.members && search.nameOf(index, e) === name);
  assert.strictEqual(search.urlOf(index, named('Bursa – Tbilisi'), '', false), 'partnerships/bursa-tiflis/');
  assert.strictEqual(search.urlOf(index, named('İstanbul – Köln'), '', false), 'partnerships/istanbul-koln/');
  assert.strictEqual(url('dostlugu', false), '../partnerships/sanliurfa-koln/');
  assert.strictEqual(url('uskup uskudar', false), '../partnerships/uskudar-uskup/');
});

// MARK: - The page, in a minimal DOM

class Element {
  constructor(tag, attributes = {}) {
    this.tagName = tag.toUpperCase();
    this.attributes = { ...attributes };
    this.children = [];
    this.listeners = {};
    this.hidden = false;
    this.value = '';
    this.className = '';
    this.text = '';
  }
  get id() { return this.attributes.id; }
  hasAttribute(name) { return name in this.attributes; }
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; }
  set href(value) { this.attributes.href = value; }
  get href() { return this.attributes.href; }
  set textContent(value) { this.children = []; this.text = value; }
  get textContent() { return this.text + this.children.map((c) => (typeof c === 'string' ? c : c.textContent)).join(''); }
  append(...nodes) { this.children.push(...nodes); }
  appendChild(node) { this.children.push(node); return node; }
  addEventListener(type, listener) { (this.listeners[type] = this.listeners[type] || []).push(listener); }
  dispatch(type, event = {}) {
    event.preventDefault = () => { event.defaultPrevented = true; };
    (this.listeners[type] || []).forEach((l) => l(event));
    return event;
  }
  all(match) {
    const found = [];
    const visit = (node) => { if (typeof node === 'string') return; if (match(node)) found.push(node); node.children.forEach(visit); };
    this.children.forEach(visit);
    return found;
  }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
  querySelectorAll(selector) {
    if (selector === 'a') return this.all((n) => n.tagName === 'A');
    if (selector === 'input[name="q"]') return this.all((n) => n.tagName === 'INPUT' && n.attributes.name === 'q');
    if (selector === 'form.search') return this.all((n) => n.tagName === 'FORM' && n.attributes.class === 'search');
    throw new Error(`selector not in the fake DOM: ${selector}`);
  }
  focus() { this.owner.activeElement = this; }
}

/** The search page as docs/search.md asks the integrator to write it, opened at `address`. */
function page(address, htmlAttributes) {
  const html = new Element('html', htmlAttributes);
  const document = {
    readyState: 'complete', documentElement: html, activeElement: null,
    getElementById: (id) => html.all((n) => n.id === id)[0] || null,
    querySelectorAll: (selector) => html.querySelectorAll(selector),
    createElement: (tag) => { const e = new Element(tag); e.owner = document; return e; },
  };
  const form = new Element('form', { class: 'search', role: 'search', action: './' });
  const input = new Element('input', { name: 'q', type: 'search' });
  form.append(input);
  const fallback = new Element('p', { id: 'search-fallback' });
  const status = new Element('p', { id: 'search-status', role: 'status', 'aria-live': 'polite' });
  const list = new Element('ol', { id: 'search-results' });
  html.append(form, fallback, status, list);
  [html, form, input, list].forEach((e) => { e.owner = document; });
  const url = new URL(address);
  const timers = [];
  const history = { replaced: [], replaceState(state, title, to) { this.replaced.push(to); } };
  const window = { KARDES_SEARCH: data };
  const context = {
    window, document, history, location: url, URLSearchParams,
    setTimeout: (f) => { timers.push(f); return timers.length; }, clearTimeout: () => {},
  };
  vm.runInNewContext(fs.readFileSync(scriptPath, 'utf8'), context);
  return { document, html, form, input, list, status, fallback, history, runTimers: () => timers.splice(0).forEach((f) => f()) };
}

const resultLinks = (list) => list.children.map((li) => [li.children[0].textContent, li.children[0].href, li.children[2].textContent]);

test('the page runs ?q= from the address, announces the count and hides the no-script pointer', () => {
  const p = page('https://example.org/rehber/search/?q=%C3%BCsk%C3%BCp', { 'data-root': '../' });
  assert.strictEqual(p.input.value, 'üsküp');
  assert.strictEqual(p.fallback.hidden, true);
  assert.deepStrictEqual(resultLinks(p.list)[0], ['Üsküp', '../cities/mk/skopje/', 'Kent']);
  assert.strictEqual(p.list.children[0].children[4].textContent, 'Kuzey Makedonya');
  assert.match(p.status.textContent, /^\d+ sonuç$|^1 sonuç$/);
});

test('typing updates the results after a pause and the address, Enter runs at once', () => {
  const p = page('file:///site/search/index.html', { 'data-root': '../', 'data-portable': 'true' });
  p.input.value = 'koln';
  p.input.dispatch('input');
  assert.strictEqual(p.list.children.length, 0);
  p.runTimers();
  assert.deepStrictEqual(resultLinks(p.list)[0], ['Köln', '../cities/de/koln/index.html', 'Kent']);
  assert.strictEqual(p.status.textContent, '3 sonuç');
  assert.deepStrictEqual(p.history.replaced, ['?q=koln']);
  p.input.value = 'tiflis';
  const event = p.form.dispatch('submit');
  assert.strictEqual(event.defaultPrevented, true);
  assert.deepStrictEqual(resultLinks(p.list), [['Tbilisi', '../cities/ge/tbilisi/index.html', 'Kent']]);
  assert.strictEqual(p.status.textContent, '1 sonuç');
});

test('without data-root the page assumes it is one folder below the language root', () => {
  const p = page('https://example.org/search/?q=germany', {});
  assert.strictEqual(resultLinks(p.list)[0][1], '../countries/de/');
});

test('search.js stays small', () => {
  assert.ok(fs.statSync(scriptPath).size < 9 * 1024);
});
