// Time to first result for a large index, in a fresh node process (docs/search.md records the figures):
//   node Tests/search-js/bench.js /tmp/search-index-100k.js [query …]
// Prints the size of the index, the time to evaluate it, to prepare it (search.js `load`) and each query's time, and
// checks that every city's name folds in JavaScript to the key Swift wrote for it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const zlib = require('node:zlib');

const file = process.argv[2];
const queries = process.argv.length > 3 ? process.argv.slice(3) : ['istanbul', 'uskudar', 'koln', 'a', 'san', 'new york', 'almanya'];
const search = require(path.join(__dirname, '..', '..', 'templates', 'search.js'));
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const bytes = fs.readFileSync(file);
let start = process.hrtime.bigint();
const context = { window: {} };
vm.runInNewContext(bytes.toString('utf8'), context);
const evaluate = ms(start);
start = process.hrtime.bigint();
const index = search.load(context.window.KARDES_SEARCH);
const prepare = ms(start);
const times = queries.map((query) => {
  const begin = process.hrtime.bigint();
  const found = search.search(index, query, 50);
  return { query, ms: ms(begin), total: found.total, first: found.results[0] ? search.nameOf(index, found.results[0]) : '' };
});

let mismatches = 0;
for (const [i, first] of index.firsts.entries()) {
  const entry = index.entries[i];
  if (search.fold(entry.name) !== first) {
    const js = search.fold(entry.name);
    if (mismatches++ < 5) console.log(`fold differs: ${JSON.stringify(entry.name)} → ${JSON.stringify(js)}, Swift ${JSON.stringify(first)}`);
  }
}
console.log(JSON.stringify({
  entries: index.entries.length, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length,
  evaluateMs: +evaluate.toFixed(1), loadMs: +prepare.toFixed(1), queries: times.map((t) => ({ ...t, ms: +t.ms.toFixed(1) })),
  foldMismatches: mismatches,
}));
