"""Data package ``kg.stored_queries``: this folder, shipped inside the ``kg`` package (see pyproject.toml,
``[tool.setuptools.package-dir]``); ``kg query NAME`` finds the ``.rq`` files here from any folder."""
