"""``strikewatch serve [--db strikes.db] [--host 127.0.0.1] [--port 8000]``: the API and dashboard."""

from __future__ import annotations

import click

from strikewatch.commands.ingest import busy_option, db_option, fail
from strikewatch.errors import StrikewatchError


def run_server(
    db: str,
    *,
    host: str,
    port: int,
    busy_timeout: float = 10.0,
    add_indexes: bool = True,
    access_log: bool = True,
    announce: str | None = None,
) -> None:
    """Open ``db`` read-only and serve it with uvicorn until interrupted."""
    import uvicorn

    from strikewatch.serve import create_app
    from strikewatch.serve.queries import missing_indexes
    from strikewatch.store import open_store

    try:
        if add_indexes:
            created = _add_indexes(db, busy_timeout)
            if created:
                click.echo(f"added indexes the filters use: {', '.join(created)}")
        store = open_store(db, write=False, busy_timeout=busy_timeout)
        if not add_indexes:
            with store.reader() as conn:
                lacking = [name for name, _, _ in missing_indexes(conn)]
            if lacking:
                click.echo(f"note: {store.where} lacks indexes {', '.join(lacking)}; filters may be slower")
        app = create_app(db, store=store)
    except StrikewatchError as exc:
        fail(exc)
        return
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    # store.where, never the raw --db: a PostgreSQL url may carry a password
    click.echo(announce or f"serving {store.where} (read-only) at http://{shown}:{port}/  (API: /api/v1/docs)")
    click.echo("press Ctrl+C to stop")
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=access_log,
        server_header=False,
        proxy_headers=False,
    )
    server = uvicorn.Server(config)
    server.run()
    if not server.started:
        fail(StrikewatchError(f"could not listen on {host}:{port} (in use?); pass --port", code="serve_port"))


def _add_indexes(db: str, busy_timeout: float) -> list[str]:
    """The missing filter indexes, created if the database may be written; [] otherwise."""
    import os
    from pathlib import Path

    from strikewatch.serve.queries import ensure_indexes
    from strikewatch.store import open_store

    path = Path(db)
    if "://" not in db:
        folder = path.parent if str(path.parent) else Path(".")
        if not (path.is_file() and os.access(path, os.W_OK) and os.access(folder, os.W_OK)):
            return []
        if not path.stat().st_mode & 0o222:  # marked read-only (root may still write it)
            return []
    try:
        with open_store(db, write=True, busy_timeout=busy_timeout) as store:
            return ensure_indexes(store)
    except StrikewatchError as exc:
        if exc.code in ("db_readonly", "db_locked", "db_unopenable"):
            return []
        raise


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--add-indexes/--no-add-indexes", default=True, show_default=True,
              help="Before serving, add the indexes the filters use if the database file is "
                   "writable (CREATE INDEX IF NOT EXISTS); the data itself is never changed.")
@click.option("--access-log/--no-access-log", default=False, show_default=True,
              help="Log every request.")
@busy_option
def serve_cmd(db: str, host: str, port: int, add_indexes: bool, access_log: bool,
              busy_timeout: float) -> None:
    """Serve the JSON API (/api/v1, OpenAPI at /api/v1/docs) and the dashboard.

    The database is opened read-only: nothing a request does can change it.
    """
    run_server(db, host=host, port=port, busy_timeout=busy_timeout, add_indexes=add_indexes,
               access_log=access_log)  # fmt: skip
