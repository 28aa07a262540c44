#!/usr/bin/env bash
# External triple stores (issue 4), not run in CI. Needs root for apt-get (or the packages installed).
#
#   bench/external_stores.sh [ARTICLE INPUTS...]      default: seeds/ plus $CORPUS/*.jsonl if present
#
# 1. installs virtuoso-opensource, raptor2-utils, libapache-jena-java (SKIP_APT=1 to skip);
# 2. builds the inputs into a fresh store and exports it in every format;
# 3. validates the exports with rapper (raptor2) and Jena's riot --validate;
# 4. starts Virtuoso 7 on 127.0.0.1 (copied virtuoso.ini, dba password set with isql-vt), pushes with
#    `kg push` (digest auth on /sparql-graph-crud-auth) twice, runs every stored query there and
#    compares with the local answers; does the same against `oxigraph serve`;
# 5. stops the servers by their PIDs.
# Environment: KG (kg executable), PY (python), WORK (scratch folder), CORPUS, VIRTUOSO_HTTP_PORT,
# VIRTUOSO_SQL_PORT, OXIGRAPH_PORT.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KG=${KG:-$(command -v kg || echo "$ROOT/../venv/bin/kg")}
PY=${PY:-$(dirname "$KG")/python}
OXIGRAPH=${OXIGRAPH:-$(command -v oxigraph || echo "$(dirname "$KG")/oxigraph")}
WORK=${WORK:-$(mktemp -d /tmp/kg-external.XXXXXX)}
CORPUS=${CORPUS:-/work/shared/corpus}
VHTTP=${VIRTUOSO_HTTP_PORT:-18890}
VSQL=${VIRTUOSO_SQL_PORT:-11111}
OXPORT=${OXIGRAPH_PORT:-17879}
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
say() { printf '\n## %s\n' "$*"; }
ms() { "$PY" -c 'import time; print(int(time.time()*1000))'; }

if [ $# -gt 0 ]; then INPUTS=("$@"); else
  INPUTS=("$ROOT/seeds"); for f in "$CORPUS"/*.jsonl; do [ -f "$f" ] && INPUTS+=("$f"); done
fi

say "packages"
if [ "${SKIP_APT:-0}" != 1 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    virtuoso-opensource raptor2-utils libapache-jena-java default-jre-headless >/dev/null
fi
dpkg-query -W -f '${Package} ${Version}\n' virtuoso-opensource-7-bin raptor2-utils libapache-jena-java
"$OXIGRAPH" --version

say "build and export (inputs: ${INPUTS[*]##*/})"
GRAPH="$WORK/graph"
t0=$(ms); "$KG" build --fresh --graph "$GRAPH" "${INPUTS[@]}" 2>&1 | tail -n 3 || true
echo "build: $(( $(ms) - t0 )) ms"
mkdir -p "$WORK/export"
for fmt in turtle:ttl ntriples:nt nquads:nq trig:trig jsonld:jsonld; do
  "$KG" export --graph "$GRAPH" --format "${fmt%%:*}" -o "$WORK/export/graph.${fmt##*:}"
done
"$KG" export --graph "$GRAPH" --format nquads --ontology -o "$WORK/export/all.nq"
ls -l "$WORK/export" | awk 'NR>1 {print $5, $9}'

say "rapper (raptor2-utils)"
status=0
for pair in turtle:ttl ntriples:nt nquads:nq trig:trig; do
  if out=$(rapper -q -i "${pair%%:*}" -c "$WORK/export/graph.${pair##*:}" 2>&1); then
    echo "rapper -i ${pair%%:*} -c graph.${pair##*:}: OK ($(echo "$out" | grep -o '[0-9]* triples' || true))"
  else echo "rapper -i ${pair%%:*} -c graph.${pair##*:}: FAILED"; echo "$out" | head -n 5; status=1; fi
done

say "Jena riot --validate"
# Debian's jena 4.5.0 packaging: copy the org/apache/jena/ext/xerces/impl/** resources of jena-core.jar
# to xerces/impl/** in a small jar, else every command dies with ExceptionInInitializerError.
JX="$WORK/jena"; rm -rf "$JX"; mkdir -p "$JX/x"
(cd "$JX/x" && unzip -q /usr/share/java/jena-core.jar 'org/apache/jena/ext/xerces/impl/*' \
   && mkdir -p xerces && cp -r org/apache/jena/ext/xerces/impl xerces/impl)
(cd "$JX/x" && "$PY" -c 'import os, zipfile
with zipfile.ZipFile("../xerces-resources.jar", "w") as z:
    for root, _, files in sorted(os.walk("xerces")):
        for name in sorted(files): z.write(os.path.join(root, name))')
CP=$(for p in libapache-jena-java libcommons-cli-java libcommons-codec-java libcommons-compress-java \
  libcommons-csv-java libcommons-io-java libcommons-lang3-java libdexx-java libgoogle-gson-java libguava-java \
  libhttpclient-java libhttpcore-java libcommons-logging-java libjackson2-core-java libjackson2-databind-java \
  libjackson2-annotations-java libjsonld-java libjsonp2-java libprotobuf-java libthrift-java \
  libtitanium-json-ld-java; do dpkg -L "$p" 2>/dev/null | grep -E '^/usr/share/java/[^/]+\.jar$' \
  | grep -v -E -- '-[0-9][0-9.]*\.jar$'; done | sort -u | tr '\n' ':')
CP="${CP}/usr/share/java/slf4j-api.jar:/usr/share/java/slf4j-nop.jar:$JX/xerces-resources.jar"
for f in graph.ttl graph.nt graph.nq graph.trig graph.jsonld; do
  t0=$(ms)
  # JSON-LD: Jena 4.5's default JSON-LD 1.1 reader (titanium) needs a Jakarta JSON-P provider
  # (Parsson) that Debian does not package (libjsonp2-java is the API only), so it fails with
  # LOADING_DOCUMENT_FAILED on any document, even a one-triple one; the JSON-LD 1.0 reader
  # (jsonld-java, packaged) reads our expanded, context-free JSON-LD.
  syntax=(); [ "$f" = graph.jsonld ] && syntax=(--syntax=jsonld10)
  if out=$(java -cp "$CP" riotcmd.riot --validate "${syntax[@]}" "$WORK/export/$f" 2>&1) \
     && ! grep -q -E 'ERROR|WARN' <<<"$out"; then
    echo "riot --validate $f: OK, exit 0, no warnings ($(( $(ms) - t0 )) ms)"
  else echo "riot --validate $f: FAILED"; echo "$out" | head -n 5; status=1; fi
done
java -cp "$CP" riotcmd.riot --count "$WORK/export/graph.nq" 2>&1 | tail -n 1

compare_queries() {  # $1 label, $2 query endpoint
  local same=0 differ=0 name
  for q in "$ROOT"/queries/*.rq; do
    name=$(basename "$q" .rq)
    "$KG" query "$name" --graph "$GRAPH" --format tsv > "$WORK/local.tsv"
    if "$KG" query "$name" --endpoint "$2" --format tsv > "$WORK/remote.tsv" 2> "$WORK/remote.err" \
       && cmp -s "$WORK/local.tsv" "$WORK/remote.tsv"; then
      same=$((same + 1)); echo "  $name: same $(( $(wc -l < "$WORK/local.tsv") - 1 )) rows"
    else
      differ=$((differ + 1)); status=1; echo "  $name: DIFFERENT"; cat "$WORK/remote.err"
      diff "$WORK/local.tsv" "$WORK/remote.tsv" | head -n 6 || true
    fi
  done
  echo "$1: $same queries identical, $differ different"
}

say "Virtuoso 7 (virtuoso-t, 127.0.0.1:$VHTTP http, 127.0.0.1:$VSQL sql)"
VDIR="$WORK/virtuoso"; rm -rf "$VDIR"; mkdir -p "$VDIR"
sed -e "s#/var/lib/virtuoso-opensource-7/db#$VDIR#g" \
    -e "s#^ServerPort *= *1111#ServerPort = 127.0.0.1:$VSQL#" \
    -e "s#^ServerPort *= *8890#ServerPort = 127.0.0.1:$VHTTP#" \
    /etc/virtuoso-opensource-7/virtuoso.ini > "$VDIR/virtuoso.ini"
virtuoso-t +configfile "$VDIR/virtuoso.ini" +foreground > "$VDIR/stdout.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do grep -q "Server online at" "$VDIR/stdout.log" 2>/dev/null && break; sleep 0.2; done
tail -n 2 "$VDIR/stdout.log"
# the packaged dba/dba is kept in a fresh database: set a random password (never printed)
export KG_VIRTUOSO_PASSWORD; KG_VIRTUOSO_PASSWORD=$("$PY" -c 'import secrets; print("kg" + secrets.token_hex(12))')
isql-vt "127.0.0.1:$VSQL" dba dba exec="set password dba $KG_VIRTUOSO_PASSWORD;" >/dev/null
VEND="http://127.0.0.1:$VHTTP/sparql"
for round in 1 2; do
  t0=$(ms)
  "$KG" push --graph "$GRAPH" --endpoint "$VEND" --user dba --auth digest --password-env KG_VIRTUOSO_PASSWORD
  echo "push $round: $(( $(ms) - t0 )) ms"
done
echo "triples in kg graphs on Virtuoso: $(curl -s "$VEND" --data-urlencode \
  'query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg-diplomacy/id/graph/")) }' \
  -H 'Accept: text/csv' | tail -n 1); local quads incl. ontology: $(wc -l < "$WORK/export/all.nq")"
if "$KG" push --graph "$GRAPH" --endpoint "$VEND" --user dba --auth digest --password-env NO_SUCH_VAR_X 2>&1; then :; fi
KG_BAD=wrong "$KG" push --graph "$GRAPH" --endpoint "$VEND" --user dba --auth digest --password-env KG_BAD 2>&1 \
  | head -n 1 || true
compare_queries "Virtuoso" "$VEND"

say "Oxigraph server (oxigraph serve --union-default-graph, 127.0.0.1:$OXPORT)"
rm -rf "$WORK/oxigraph"
"$OXIGRAPH" serve --location "$WORK/oxigraph" --bind "127.0.0.1:$OXPORT" --union-default-graph \
  > "$WORK/oxigraph.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$OXPORT/query?query=ASK%7B%7D" >/dev/null && break; sleep 0.1; done
for round in 1 2; do
  t0=$(ms); "$KG" push --graph "$GRAPH" --endpoint "http://127.0.0.1:$OXPORT"; echo "push $round: $(( $(ms) - t0 )) ms"
done
compare_queries "Oxigraph server" "http://127.0.0.1:$OXPORT/query"

say "result"
[ "$status" = 0 ] && echo "ALL OK" || echo "SOME CHECKS FAILED"
exit "$status"
