"""Data package ``kg.ontology``: this folder, shipped inside the ``kg`` package (see pyproject.toml,
``[tool.setuptools.package-dir]``); read with ``importlib.resources``, never through paths of a checkout."""
