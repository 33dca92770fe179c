"""The web application: the JSON API under ``/api/v1`` and the dashboard, one ASGI app.

``create_app(db)`` opens the database (read-only unless asked otherwise),
mounts the static files shipped in ``strikewatch/data/web/static`` and the
Swagger UI files of the ``fastapi-offline`` package (no CDN), and installs:

- a security-headers middleware: a strict Content-Security-Policy (no inline
  script anywhere), ``X-Content-Type-Options: nosniff``, no framing, no referrer;
- one JSON response class that escapes ``<``, ``>``, ``&`` and the line and
  bidirectional-control separators, so article text in a response can never
  be read as markup, whatever a client does with it;
- error handlers: 422 with the fields at fault, 404 for unknown ids, 503 when
  the database fails, 500 otherwise; JSON under ``/api``, an HTML page
  elsewhere; never a traceback.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from strikewatch import __version__
from strikewatch.errors import StrikewatchError
from strikewatch.store import Store, open_store

__all__ = [
    "ApiError", "SafeJSONResponse", "ServeState", "create_app", "escape_json_text", "safe_json",
    "tune_connections", "web_root",
]  # fmt: skip

log = logging.getLogger("strikewatch.serve")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: No inline script or style anywhere; every byte from this origin.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
#: Swagger UI sets style attributes from its bundle; still no inline script.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    "\u202a": "\\u202a",
    "\u202b": "\\u202b",
    "\u202c": "\\u202c",
    "\u202d": "\\u202d",
    "\u202e": "\\u202e",
    "\u2066": "\\u2066",
    "\u2067": "\\u2067",
    "\u2068": "\\u2068",
    "\u2069": "\\u2069",
}
_JSON_ESCAPE_RE = re.compile("[" + "".join(_JSON_ESCAPES) + "]")


def _escape(match: re.Match[str]) -> str:
    return _JSON_ESCAPES[match.group()]


def safe_json(content: Any) -> bytes:
    """JSON text in which no markup or bidi control character appears literally."""
    return escape_json_text(
        json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    )


def escape_json_text(text: str) -> bytes:
    """``text`` (JSON) with ``<``, ``>``, ``&`` and the line and bidirectional-control
    separators written as ``\\u`` escapes: the same JSON, never read as markup."""
    if text.isascii():  # the common case: three passes in C
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    else:
        text = _JSON_ESCAPE_RE.sub(_escape, text)
    return text.encode("utf-8")


class SafeJSONResponse(JSONResponse):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return safe_json(content)


class ApiError(Exception):
    """An error a client caused or should know of, with a stable code."""

    def __init__(
        self, status: int, code: str, message: str, fields: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or []


def invalid(field: str, message: str, location: str = "query") -> ApiError:
    return ApiError(
        422,
        "invalid_request",
        f"{field}: {message}",
        [{"field": field, "location": location, "message": message}],
    )


def swagger_ui_dir() -> Path | None:
    """Swagger UI's files (5.x, OpenAPI 3.1), as the ``fastapi-offline`` package ships them."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    folder = Path(fastapi_offline.__file__).parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def web_root() -> Path:
    return Path(str(resources.files("strikewatch") / "data" / "web"))


class ServeState:
    """What every request needs: the store, how it was opened, small caches."""

    def __init__(self, store: Store, db: str, read_only: bool) -> None:
        self.store = store
        self.db = db
        self.read_only = read_only
        self._cache: dict[Any, tuple[float, Any]] = {}

    def cached(self, key: Any, ttl: float, make: Callable[[], Any]) -> Any:
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is not None and now - hit[0] < ttl:
            return hit[1]
        value = make()
        if len(self._cache) > 256:
            self._cache.clear()
        self._cache[key] = (now, value)
        return value


#: Per-connection SQLite settings for serving: the file memory-mapped (pages are
#: read without a system call and shared by every connection), a larger page
#: cache, and temporary tables and sorts in memory.
SERVE_PRAGMAS = (
    "PRAGMA mmap_size = 1073741824",
    "PRAGMA cache_size = -32768",
    "PRAGMA temp_store = MEMORY",
)


def tune_connections(store: Store) -> None:
    """Apply :data:`SERVE_PRAGMAS` to every connection of ``store`` (SQLite only)."""
    if store.dialect.name != "sqlite":
        return
    from sqlalchemy import event

    @event.listens_for(store.engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            for pragma in SERVE_PRAGMAS:
                cur.execute(pragma)
        finally:
            cur.close()

    # connections opened before (opening checks the schema version) are replaced
    store.engine.dispose()


class SecurityHeaders:
    """Pure ASGI middleware (no per-request task overhead) adding the security headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        csp = DOCS_CSP if path == "/api/v1/docs" else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"content-security-policy", b"x-content-type-options")
                ]
                headers += [
                    (b"content-security-policy", csp.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cross-origin-resource-policy", b"same-origin"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_response(request: Request, status: int, code: str, message: str,
                    fields: list[dict[str, str]] | None = None) -> Response:  # fmt: skip
    if _is_api(request):
        body = {"error": code, "message": message, "fields": fields or []}
        return SafeJSONResponse(body, status_code=status)
    from strikewatch.serve.pages import error_page

    return error_page(request, status, code, message, fields or [])


def _validation_fields(exc: RequestValidationError) -> list[dict[str, str]]:
    fields = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        location = loc[0] if loc else "query"
        name = ".".join(loc[1:]) or location
        fields.append({"field": name, "location": location, "message": str(err.get("msg", ""))})
    return fields


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        fields = _validation_fields(exc)
        message = "; ".join(f"{f['field']}: {f['message']}" for f in fields) or "invalid request"
        return _error_response(request, 422, "invalid_request", message, fields)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _error_response(request, exc.status, exc.code, exc.message, exc.fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = str(exc.detail) if exc.status_code != 404 else f"nothing at {request.url.path}"
        return _error_response(request, exc.status_code, code, message)

    @app.exception_handler(StrikewatchError)
    async def _store(request: Request, exc: StrikewatchError) -> Response:
        log.error("database error on %s: [%s] %s", request.url.path, exc.code, exc)
        return _error_response(request, 503, exc.code, str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error_response(
            request, 500, "internal", f"the server failed ({type(exc).__name__}); see its log"
        )


def create_app(
    db: str | Path,
    *,
    read_only: bool = True,
    store: Store | None = None,
    busy_timeout: float = 10.0,
) -> FastAPI:
    """The API and dashboard over the database ``db`` (opened read-only by default).

    Raises ``StoreError`` when the database cannot be opened.
    """
    from strikewatch.serve import api, pages

    if store is None:
        store = open_store(db, write=not read_only, busy_timeout=busy_timeout)
    tune_connections(store)
    opened = store

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        opened.close()

    app = FastAPI(
        lifespan=lifespan,
        title="strikewatch API",
        version=__version__,
        description=(
            "Armed-drone strikes read from news reports: deduplicated events, each figure "
            "traced to the sentences that stated it. Read-only. Errors are JSON objects "
            "`{error, message, fields}`."
        ),
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        default_response_class=SafeJSONResponse,
    )
    app.state.serve = ServeState(store, str(db), read_only)
    root = web_root()
    swagger = swagger_ui_dir()
    if swagger is not None:
        app.mount("/static/swagger-ui", StaticFiles(directory=str(swagger)), name="swagger-ui")
    else:  # pragma: no cover - a dependency of the package
        log.warning("fastapi-offline is not installed: /api/v1/docs has no interactive UI")
    app.mount("/static", StaticFiles(directory=str(root / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.get("/api/v1/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return pages.render(request, "docs.html", {"spec": "/api/v1/openapi.json"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(root / "static" / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False)
    def docs_redirect() -> RedirectResponse:
        return RedirectResponse("/api/v1/docs")

    _install_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    return app
