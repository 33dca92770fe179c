"""Serve: the HTTP JSON API (``/api/v1``, OpenAPI) and the web dashboard, one process.

``create_app(db)`` builds the ASGI application over a database opened
read-only; ``strikewatch serve`` runs it with uvicorn, ``strikewatch demo``
builds a database from the bundled samples first. The queries live in
``queries.py`` (SQLAlchemy Core over the store's tables), the pages in
``pages.py`` with their templates and static files in
``strikewatch/data/web/``.
"""

from strikewatch.serve.app import create_app

__all__ = ["create_app"]
