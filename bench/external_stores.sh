#!/usr/bin/env bash
# External triple stores (issues 4 and 11), not run in CI. Needs root for apt-get (or the packages installed).
#
#   bench/external_stores.sh [ARTICLE INPUTS...]   default: seeds/, bench/invented/, $CORPUS/*.jsonl
#
# 1. installs virtuoso-opensource, raptor2-utils, libapache-jena-java (SKIP_APT=1 to skip);
# 2. builds the inputs into a fresh store and exports it in every format;
# 3. validates the exports with rapper (raptor2) and Jena's riot --validate;
# 4. loads the exports into real stores and compares every stored query, and each with the example values
#    of its parameters, with the local answers (bench/compare.py):
#    Oxigraph server (oxigraph serve): (b) the Turtle in a plain server's default graph, (d) the TriG in a
#      plain server (its default graph: the export's union), (c) the named graphs only (--no-union) in a
#      --union-default-graph server, and kg push (named graphs + the union) to a plain server;
#    Virtuoso 7 (its default graph is every graph): the TriG with the named graphs only, loaded with its
#      bulk loader, then kg push --no-union (digest auth) into a fresh database;
#    Apache Jena TDB2 (tdb2.tdbloader, tdb2.tdbquery): (d) the TriG, default graph = the export's union;
#      (c) the named graphs only with tdb:unionDefaultGraph;
# 5. stops the servers by their PIDs.
# Environment: KG (kg executable), PY (python), OXIGRAPH, WORK (scratch folder), CORPUS, VIRTUOSO_HTTP_PORT,
# VIRTUOSO_SQL_PORT, OXIGRAPH_PORT.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KG=${KG:-$(command -v kg || echo "$ROOT/.venv/bin/kg")}
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
status=0
compare() { "$PY" "$ROOT/bench/compare.py" --graph "$GRAPH" "$@" || status=1; }

if [ $# -gt 0 ]; then INPUTS=("$@"); else
  INPUTS=("$ROOT/seeds" "$ROOT/bench/invented"); for f in "$CORPUS"/*.jsonl; do [ -f "$f" ] && INPUTS+=("$f"); done
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
"$KG" info --graph "$GRAPH" | head -n 7
X="$WORK/export"; mkdir -p "$X"
for f in graph.ttl graph.nt graph.nq graph.trig graph.jsonld; do "$KG" export --graph "$GRAPH" -o "$X/$f"; done
"$KG" export --graph "$GRAPH" --no-union -o "$X/named.nq"
"$KG" export --graph "$GRAPH" --no-union -o "$X/named.trig"
ls -l "$X" | awk 'NR>1 {print $5, $9}'

say "rapper (raptor2-utils)"
for pair in turtle:ttl ntriples:nt nquads:nq trig:trig; do
  if out=$(rapper -q -i "${pair%%:*}" -c "$X/graph.${pair##*:}" 2>&1); then
    echo "rapper -i ${pair%%:*} -c graph.${pair##*:}: OK"
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
  # JSON-LD: Jena 4.5's default JSON-LD 1.1 reader (titanium) needs a Jakarta JSON-P provider that Debian
  # does not package, so it fails on any document; its JSON-LD 1.0 reader (jsonld-java) reads ours.
  syntax=(); [ "$f" = graph.jsonld ] && syntax=(--syntax=jsonld10)
  if out=$(java -cp "$CP" riotcmd.riot --validate "${syntax[@]}" "$X/$f" 2>&1) \
     && ! grep -q -E 'ERROR|WARN' <<<"$out"; then
    echo "riot --validate $f: OK, exit 0, no warnings ($(( $(ms) - t0 )) ms)"
  else echo "riot --validate $f: FAILED"; echo "$out" | head -n 5; status=1; fi
done
echo "riot --count graph.nq: $(java -cp "$CP" riotcmd.riot --count "$X/graph.nq" 2>&1 | tail -n 1)"
echo "riot --count graph.jsonld: $(java -cp "$CP" riotcmd.riot --syntax=jsonld10 --count "$X/graph.jsonld" 2>&1 | tail -n 1)"

oxigraph_serve() {  # $1 folder, $2 port, $3.. options; waits until it answers
  "$OXIGRAPH" serve --location "$1" --bind "127.0.0.1:$2" "${@:3}" > "$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$2/query?query=ASK%7B%7D" >/dev/null && return; sleep 0.1; done
  echo "oxigraph serve on $2 did not start"; status=1
}
post() {  # $1 URL, $2 file, $3 media type
  curl -sf -X POST -H "Content-Type: $3" --data-binary "@$2" "$1" >/dev/null || { echo "POST $2 to $1 failed"; status=1; }
}

say "Oxigraph server $("$OXIGRAPH" --version | tail -n 1)"
echo "(b) the Turtle export POSTed into the default graph of a plain oxigraph serve"
oxigraph_serve "$WORK/ox-b" "$OXPORT"; post "http://127.0.0.1:$OXPORT/store?default" "$X/graph.ttl" text/turtle
compare --label "Oxigraph, Turtle in the default graph" endpoint "http://127.0.0.1:$OXPORT"
echo "(d) the TriG export (named graphs + their union as the default graph) in a plain oxigraph serve"
oxigraph_serve "$WORK/ox-d" $((OXPORT + 1)); post "http://127.0.0.1:$((OXPORT + 1))/store" "$X/graph.trig" application/trig
compare --label "Oxigraph, TriG" endpoint "http://127.0.0.1:$((OXPORT + 1))"
echo "(c) the named graphs only (export --no-union) in oxigraph serve --union-default-graph"
oxigraph_serve "$WORK/ox-c" $((OXPORT + 2)) --union-default-graph
post "http://127.0.0.1:$((OXPORT + 2))/store" "$X/named.nq" application/n-quads
compare --label "Oxigraph --union-default-graph, named graphs" endpoint "http://127.0.0.1:$((OXPORT + 2))"
echo "kg push (one PUT per graph, then the union as the default graph) to a plain oxigraph serve, twice"
oxigraph_serve "$WORK/ox-push" $((OXPORT + 3))
for round in 1 2; do
  t0=$(ms); "$KG" push --graph "$GRAPH" --endpoint "http://127.0.0.1:$((OXPORT + 3))"; echo "push $round: $(( $(ms) - t0 )) ms"
done
compare --label "Oxigraph after kg push" endpoint "http://127.0.0.1:$((OXPORT + 3))"

virtuoso_start() {  # $1 folder: a fresh database on 127.0.0.1, the dba password set (never printed)
  rm -rf "$1"; mkdir -p "$1"
  sed -e "s#/var/lib/virtuoso-opensource-7/db#$1#g" \
      -e "s#^ServerPort *= *1111#ServerPort = 127.0.0.1:$VSQL#" \
      -e "s#^ServerPort *= *8890#ServerPort = 127.0.0.1:$VHTTP#" \
      -e "s#^DirsAllowed.*#DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, $X#" \
      /etc/virtuoso-opensource-7/virtuoso.ini > "$1/virtuoso.ini"
  virtuoso-t +configfile "$1/virtuoso.ini" +foreground > "$1/stdout.log" 2>&1 &
  VPID=$!; PIDS+=($VPID)
  for _ in $(seq 100); do grep -q "Server online at" "$1/stdout.log" 2>/dev/null && break; sleep 0.2; done
  tail -n 1 "$1/stdout.log"
  isql-vt "127.0.0.1:$VSQL" dba dba exec="set password dba $KG_VIRTUOSO_PASSWORD;" >/dev/null
}
virtuoso_stop() { kill "$VPID"; wait "$VPID" 2>/dev/null || true; }

say "Virtuoso $(dpkg-query -W -f '${Version}' virtuoso-opensource-7-bin) (127.0.0.1:$VHTTP http, 127.0.0.1:$VSQL sql)"
export KG_VIRTUOSO_PASSWORD; KG_VIRTUOSO_PASSWORD=$("$PY" -c 'import secrets; print("kg" + secrets.token_hex(12))')
VEND="http://127.0.0.1:$VHTTP/sparql"
echo "(c) the TriG with the named graphs only (export --no-union), bulk-loaded; Virtuoso's default graph is every graph"
virtuoso_start "$WORK/virtuoso-trig"
t0=$(ms)
isql-vt "127.0.0.1:$VSQL" dba "$KG_VIRTUOSO_PASSWORD" exec="ld_dir('$X', 'named.trig', 'https://w3id.org/kg-diplomacy/id/graph/file/named'); rdf_loader_run(); checkpoint;" >/dev/null
echo "bulk load: $(( $(ms) - t0 )) ms; load errors: $(isql-vt "127.0.0.1:$VSQL" dba "$KG_VIRTUOSO_PASSWORD" \
  exec="SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;" | grep -E '^[0-9]+$' || echo '?')"
compare --label "Virtuoso, TriG (named graphs)" endpoint "$VEND"
virtuoso_stop
echo "kg push --no-union (digest auth on /sparql-graph-crud-auth) into a fresh database, twice"
virtuoso_start "$WORK/virtuoso-push"
for round in 1 2; do
  t0=$(ms)
  "$KG" push --graph "$GRAPH" --endpoint "$VEND" --user dba --auth digest --password-env KG_VIRTUOSO_PASSWORD --no-union
  echo "push $round: $(( $(ms) - t0 )) ms"
done
KG_BAD=wrong "$KG" push --graph "$GRAPH" --endpoint "$VEND" --user dba --auth digest --password-env KG_BAD 2>&1 \
  | head -n 1 || true
compare --label "Virtuoso after kg push --no-union" endpoint "$VEND" --user dba --auth digest \
  --password-env KG_VIRTUOSO_PASSWORD
virtuoso_stop

say "Apache Jena TDB2 $(dpkg-query -W -f '${Version}' libapache-jena-java) (tdb2.tdbloader, tdb2.tdbquery; no server)"
echo "(d) the TriG: its default graph (the union) is TDB2's default graph"
t0=$(ms); java -cp "$CP" tdb2.tdbloader --loc "$WORK/tdb2-trig" "$X/graph.trig" 2>&1 | tail -n 1; echo "load: $(( $(ms) - t0 )) ms"
compare --label "Jena TDB2, TriG" tdb2 --loc "$WORK/tdb2-trig" --classpath "$CP"
echo "(c) the named graphs only (export --no-union), with tdb:unionDefaultGraph"
java -cp "$CP" tdb2.tdbloader --loc "$WORK/tdb2-named" "$X/named.nq" 2>&1 | tail -n 1
compare --label "Jena TDB2 unionDefaultGraph, named graphs" tdb2 --loc "$WORK/tdb2-named" --classpath "$CP" --union

say "result"
[ "$status" = 0 ] && echo "ALL OK" || echo "SOME CHECKS FAILED"
exit "$status"
