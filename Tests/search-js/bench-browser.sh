#!/bin/sh
# Time to first result in headless Chromium, from disk (file://), on the markup docs/search.md asks for:
#   sh Tests/search-js/bench-browser.sh /tmp/search-index-100k.js istanbul uskudar 'new%20york'
# Prints, per run, the JSON the page writes: indexEval (reading and parsing search-index.js), loadAndFirstQuery
# (search.js preparing the index and rendering the results of ?q=), firstResultSinceNavigation, the first result.
set -eu
index=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/search"
cp "$index" "$site/search-index.js"
cp "$here/../../templates/search.js" "$site/search.js"
cat > "$site/search/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="tr" data-root="../" data-portable="true">
<head><meta charset="utf-8"><title>Ara</title><script>window.T0 = performance.now();</script></head>
<body>
<form class="search" role="search" action="index.html"><label for="q">Ara</label> <input id="q" name="q" type="search"> <button>Ara</button></form>
<main>
<p id="search-fallback">Arama JavaScript ister; <a href="../cities/index.html">Kentler (A–Z)</a> dizinine bakın.</p>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results"></ol>
</main>
<pre id="timing"></pre>
<script>window.T1 = performance.now();</script>
<script src="../search-index.js"></script>
<script>window.T2 = performance.now();</script>
<script src="../search.js"></script>
<script>window.T3 = performance.now();
document.addEventListener('DOMContentLoaded', function () {
  var t4 = performance.now(), first = document.querySelector('#search-results a');
  document.getElementById('timing').textContent = JSON.stringify({
    indexEval: +(T2 - T1).toFixed(1), loadAndFirstQuery: +(t4 - T3).toFixed(1), firstResultSinceNavigation: +t4.toFixed(1),
    first: first && first.textContent, href: first && first.getAttribute('href'),
    status: document.getElementById('search-status').textContent });
});
</script>
</body>
</html>
HTML
for query in "$@"; do
  for run in 1 2 3 4 5; do
    printf '%s\t' "$query"
    chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$site/search/index.html?q=$query" 2>/dev/null \
      | sed -n 's/.*<pre id="timing">\([^<]*\)<\/pre>.*/\1/p' | sed 's/&quot;/"/g'
  done
done
