"""What runs on a Dask worker for ``kg build --cluster`` (imported by the workers, and by the client
only when ``--cluster`` is given: it imports ``distributed``).

:class:`PipelinePlugin` loads the pipeline once per worker process (spaCy, the lexicons, the shapes);
:func:`run_batch` is the task: a batch of articles -> their outcomes (:func:`kg.stages.run_chunk`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from distributed import WorkerPlugin

from kg.model import Article
from kg.stages import Outcome, run_chunk

__all__ = ["PipelinePlugin", "run_batch"]

_LOCK = threading.Lock()  # one batch at a time per worker process, however many threads it runs


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once in each worker process, also in workers that join or restart later."""

    name = "kg-pipeline"

    def __init__(self, stages: Callable[[], Any]) -> None:
        self.stages = stages

    def setup(self, worker: Any) -> None:
        import rdflib

        from kg.nlp import load
        from kg.validate import validate_graph

        with _LOCK:
            self.stages()  # imports the stages (spaCy, pySHACL)
            load()  # the spaCy pipeline, cached for the process
            validate_graph(rdflib.Graph())  # parses the shapes once (cached)


def run_batch(articles: list[Article], stages: Callable[[], Any], batch_size: int,
              shacl_batch: int) -> list[Outcome]:
    """The task: one batch of articles -> their outcomes, in input order."""
    with _LOCK:
        return run_chunk(articles, stages(), batch_size, shacl_batch)
