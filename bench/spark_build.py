"""kg's per-article work under Apache Spark (``mapPartitions``): the README's example, runnable.

    PYSPARK_PYTHON=.venv/bin/python .venv/bin/python bench/spark_build.py news.jsonl out/
    for f in out/part-*; do mv "$f" "$f.nq"; done; kg load out/

Every executor needs the same kg (and its locked dependencies) and loads spaCy once per partition.
Each partition's output is N-Quads (the article graphs) with one ``#`` comment line per article that
is not stored; ``kg load out/`` bulk-loads it (the union and the derived graphs are computed there).
Not part of CI (needs Java and pyspark, which kg does not depend on).
"""

import sys

from pyspark.sql import SparkSession


def build_partition(lines):
    from kg.articles import jsonl_article
    from kg.errors import ArticleError
    from kg.stages import build_articles

    bad = []

    def articles():
        for line in lines:
            try:
                yield jsonl_article(line)
            except ArticleError as error:
                bad.append(f"# bad input: {error.message}")

    for outcome in build_articles(articles()):
        yield from outcome.quads() if outcome.lines is not None else [f"# not stored: {outcome.problem()}"]
    yield from bad


if __name__ == "__main__":
    source, target = sys.argv[1:3]
    spark = SparkSession.builder.appName("kg build").getOrCreate()
    spark.sparkContext.textFile(source).filter(str.strip).mapPartitions(build_partition).saveAsTextFile(target)
    spark.stop()
