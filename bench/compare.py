"""Every stored query, and each with its example parameters, on the local store and on another store:
the same rows? (used by bench/external_stores.sh)

    python bench/compare.py --graph G endpoint URL [--user U --auth digest --password-env VAR]
    python bench/compare.py --graph G tdb2 --loc DB --classpath CP [--union]

``endpoint``: any SPARQL endpoint, through kg's own client (``kg query --endpoint``). ``tdb2``: Apache
Jena's ``tdb2.tdbquery`` on a TDB2 database (no server), its W3C JSON results parsed by pyoxigraph and
the parameters applied as kg applies them; ``--union`` sets ``tdb:unionDefaultGraph``. Prints one line
per case and a total; exits 1 if any case differs or fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.endpoint import Auth
from kg.errors import KgError
from kg.queries import find_query, result_of, run_query, run_remote, stored_names
from kg.store import GraphStore


def cases() -> list[tuple[str, dict[str, str]]]:
    out = []
    for name in stored_names():
        query = find_query(name)
        out.append((name, {}))
        examples = {p.name: p.example for p in query.params if p.example}
        if examples:
            out.append((name, examples))
    return out


def tdb2_runner(loc: str, classpath: str, union: bool):  # noqa: ANN201 - a callable
    def run(query, params):  # noqa: ANN001, ANN202
        with tempfile.NamedTemporaryFile("w", suffix=".rq", delete=False, encoding="utf-8") as handle:
            handle.write(query.full_text)
        try:
            command = ["java", "-cp", classpath, "tdb2.tdbquery", "--loc", loc, "--results=JSON"]
            if union:
                command += ["--set", "tdb:unionDefaultGraph=true"]
            command += ["--query", handle.name]
            done = subprocess.run(command, capture_output=True, timeout=600, check=False)  # noqa: S603
        finally:
            os.unlink(handle.name)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode("utf-8", "replace")[-500:])
        solutions = ox.parse_query_results(done.stdout, ox.QueryResultsFormat.JSON)
        columns = tuple(v.value for v in solutions.variables)
        return result_of(query, params, columns, list(solutions))

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", required=True, help="the local store")
    parser.add_argument("--label", default=None)
    sub = parser.add_subparsers(dest="kind", required=True)
    endpoint = sub.add_parser("endpoint")
    endpoint.add_argument("url")
    endpoint.add_argument("--user")
    endpoint.add_argument("--auth", default="basic")
    endpoint.add_argument("--password-env")
    tdb2 = sub.add_parser("tdb2")
    tdb2.add_argument("--loc", required=True)
    tdb2.add_argument("--classpath", required=True)
    tdb2.add_argument("--union", action="store_true")
    args = parser.parse_args()

    if args.kind == "endpoint":
        auth = Auth(args.user, os.environ[args.password_env], args.auth) if args.user else None

        def remote(query, params):  # noqa: ANN001, ANN202
            return run_remote(args.url, query, params, timeout=300, auth=auth)
        label = args.label or args.url
    else:
        remote = tdb2_runner(args.loc, args.classpath, args.union)
        label = args.label or f"TDB2 {args.loc}{' (union default graph)' if args.union else ''}"

    same = different = 0
    with GraphStore.open(Path(args.graph), write=False) as store:
        for name, params in cases():
            query = find_query(name)
            case = name + (f" {params}" if params else "")
            local = run_query(store.store, query, params, timeout=300)
            started = time.monotonic()
            try:
                answer = remote(query, params)
            except (KgError, RuntimeError, SyntaxError) as exc:
                different += 1
                print(f"  {case}: FAILED ({str(exc)[:300]})")
                continue
            seconds = time.monotonic() - started
            if answer == local:
                same += 1
                print(f"  {case}: same {len(local.rows)} rows ({seconds:.2f} s)")
            else:
                different += 1
                print(f"  {case}: DIFFERENT ({len(answer.rows)} rows there, {len(local.rows)} here)")
                for row in sorted(set(answer.rows) ^ set(local.rows))[:4]:
                    print(f"      {'there' if row in answer.rows else 'here '}: {row}")
    print(f"{label}: {same} identical, {different} different")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
