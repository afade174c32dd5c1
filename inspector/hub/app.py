"""The receiver's HTTP API (FastAPI; its OpenAPI document is served at /openapi.json and kept in
docs/hub-openapi.json).

Every request names its centre by bearer token; uploads are signed (X-Inspector-Signature: HMAC-SHA256 of
the body under the centre key), so a token alone cannot forge scores. Each item is answered separately:
one bad evaluation does not hold back the batch.
"""


import json
import logging
import re
import tempfile
import uuid
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.middleware.gzip import GZipMiddleware

from inspector.archive import ArchiveError
from inspector.hub.routers import headquarters_router
from inspector.hub.store import Centre, HubStore
from inspector.sync.bundle import read_bundle
from inspector.sync.protocol import digest_of, idempotency_key, signature_matches

API_VERSION = "1"
# The dashboard runs only its own scripts and may not be framed (clickjacking); the API's answers are not
# cached or sniffed. FastAPI's /docs page loads Swagger UI with inline script, so it keeps no CSP.
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                           "form-action 'self'")
DOCS_PATHS = ("/docs", "/redoc")
ASSET_PATHS = "/dashboard/assets/"
GZIP_FROM_BYTES = 1024          # ECharts is 1.1 MB as vendored, about a third of it compressed
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
log = logging.getLogger("inspector.hub")


class UploadItem(BaseModel):
    key: str = Field(max_length=120, description="idempotency key: '<uuid>:<version>'")
    uuid: str = Field(min_length=1, max_length=64)
    version: int = Field(ge=1, le=2 ** 31 - 1)
    digest: str = Field(pattern="^[0-9a-f]{64}$", description="SHA-256 (hex) of payload")
    payload: str = Field(description="the evaluation version as canonical JSON text")


class UploadBatch(BaseModel):
    centre_id: str = Field(max_length=64)
    workstation_id: str = Field(max_length=64)
    items: list[dict[str, Any]] = Field(max_length=1000, description="UploadItem objects, each checked on its "
                                        "own: one malformed item is rejected, the others are received")


class ItemResult(BaseModel):
    key: str
    status: Literal["stored", "duplicate", "rejected"]
    reason: str = ""


class UploadResult(BaseModel):
    results: list[ItemResult]


class BundleResult(BaseModel):
    centre_id: str
    workstation_id: str
    stored: int
    duplicates: int
    rejected: list[ItemResult]


class Summary(BaseModel):
    count: int
    digest: str = Field(description="SHA-256 over the sorted 'uuid:version:digest' lines")


class Keys(BaseModel):
    keys: list[tuple[str, int, str]]


def create_app(store: HubStore) -> FastAPI:
    app = FastAPI(title="Inspector headquarters receiver", version=API_VERSION,
                  description="Receives submitted evaluations from provincial centres, exactly once per "
                              "(evaluation uuid, version).")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        given = request.headers.get("x-request-id", "")
        request_id = given if REQUEST_ID.match(given) else uuid.uuid4().hex[:16]
        try:
            response = await call_next(request)
        except Exception:      # noqa: BLE001 - whatever failed, the client gets JSON and the log the traceback
            log.exception("request %s: %s %s failed", request_id, request.method, request.url.path)
            response = JSONResponse({"detail": f"the receiver failed on this request; its log has the reason "
                                               f"under request id {request_id}", "request_id": request_id},
                                    status_code=500)
        response.headers.setdefault("X-Request-ID", request_id)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith(DOCS_PATHS):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        # pages and answers are never kept by the browser (after a log-out, Back shows nothing); the
        # dashboard's script and style files are asked for again each time, then answered from cache if unchanged
        response.headers.setdefault("Cache-Control", "no-cache" if request.url.path.startswith(ASSET_PATHS)
                                    else "no-store")
        return response

    app.add_middleware(_CompressedAssets)

    def centre(authorization: Annotated[str | None, Header()] = None) -> Centre:
        token = (authorization or "").removeprefix("Bearer ").strip()
        found = store.centre_by_token(token) if token else None
        if found is None:
            raise HTTPException(401, "unknown or missing upload token")
        return found

    async def signed_centre(request: Request, found: Annotated[Centre, Depends(centre)],
                            x_inspector_signature: Annotated[str | None, Header()] = None) -> Centre:
        if not signature_matches(found.key_hex, await request.body(), x_inspector_signature):
            raise HTTPException(403, f"the request signature does not match centre {found.id}'s key")
        return found

    @app.get("/healthz")
    def health() -> JSONResponse:
        """Anyone may ask; nobody learns what is stored. 503 while the database does not answer, so a load
        balancer or monitor sees a receiver that cannot store anything as down."""
        try:
            with store.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            log.error("health check: the database does not answer (%s)", type(exc).__name__)
            return JSONResponse({"ok": False, "database": "unreachable"}, status_code=503)
        return JSONResponse({"ok": True, "database": "ok"})

    @app.post("/api/v1/evaluations", response_model=UploadResult)
    def upload(batch: UploadBatch, found: Annotated[Centre, Depends(signed_centre)]) -> UploadResult:
        if batch.centre_id != found.id:
            raise HTTPException(403, f"the token belongs to centre {found.id}, the batch names {batch.centre_id}")
        return UploadResult(results=[_receive_raw(store, found.id, batch.workstation_id, raw) for raw in batch.items])

    @app.post("/api/v1/bundles", response_model=BundleResult, openapi_extra={
        "requestBody": {"required": True, "content": {"application/zip": {"schema": {
            "type": "string", "format": "binary"}}}}})
    async def bundle(request: Request, found: Annotated[Centre, Depends(centre)]) -> BundleResult:
        return await run_in_threadpool(_import_bundle, store, found, await request.body())

    @app.get("/api/v1/inventory", response_model=Summary)
    def inventory(workstation_id: Annotated[str, Query()], found: Annotated[Centre, Depends(centre)]) -> Summary:
        return Summary(**store.summary(found.id, workstation_id))

    @app.get("/api/v1/inventory/keys", response_model=Keys)
    def inventory_keys(workstation_id: Annotated[str, Query()], found: Annotated[Centre, Depends(centre)]) -> Keys:
        return Keys(keys=store.inventory(found.id, workstation_id))

    app.include_router(headquarters_router(store))     # headquarters users: log-in, reports API, dashboard
    return app


class _CompressedAssets:
    """The dashboard's files go gzip-compressed to browsers that take it (ECharts is 1.1 MB); the API's
    answers stay as they are, with their length, for every client and proxy between a centre and here."""

    def __init__(self, app) -> None:
        self.app, self.gzip = app, GZipMiddleware(app, minimum_size=GZIP_FROM_BYTES)

    async def __call__(self, scope, receive, send) -> None:
        wanted = scope["type"] == "http" and scope["path"].startswith(ASSET_PATHS)
        await (self.gzip if wanted else self.app)(scope, receive, send)


def _receive_raw(store: HubStore, centre_id: str, workstation_id: str, raw: dict[str, Any]) -> ItemResult:
    try:
        item = UploadItem.model_validate(raw)
    except ValidationError as exc:
        key = raw.get("key") if isinstance(raw.get("key"), str) and len(raw["key"]) <= 120 else "?"
        problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
        return ItemResult(key=key, status="rejected", reason=f"malformed item ({problem})")
    return _receive(store, centre_id, workstation_id, item, "upload")


def _finite_json(text: str) -> Any:
    """JSON as the workstation writes it: NaN and Infinity are not numbers a score can be."""
    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} is not a number")
    return json.loads(text, parse_constant=refuse)


def _receive(store: HubStore, centre_id: str, workstation_id: str, item: UploadItem, via: str) -> ItemResult:
    if item.key != idempotency_key(item.uuid, item.version):
        return ItemResult(key=item.key, status="rejected", reason="the key does not name this uuid and version")
    if digest_of(item.payload) != item.digest:
        return ItemResult(key=item.key, status="rejected", reason="the payload does not match its digest")
    try:
        payload = _finite_json(item.payload)
    except ValueError as exc:
        return ItemResult(key=item.key, status="rejected", reason=f"the payload is not JSON ({exc})")
    if not isinstance(payload, dict):
        return ItemResult(key=item.key, status="rejected", reason="the payload is not a JSON object")
    if payload.get("uuid") != item.uuid or payload.get("version") != item.version:
        return ItemResult(key=item.key, status="rejected", reason="the payload is another evaluation version")
    status, reason = store.receive(centre_id, workstation_id, item.uuid, item.version, item.digest, item.payload, via)
    return ItemResult(key=item.key, status=status, reason=reason)


def _import_bundle(store: HubStore, found: Centre, body: bytes) -> BundleResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.inspector-bundle"
        path.write_bytes(body)
        try:
            archive, items = read_bundle(path, store.centre_key)
        except ArchiveError as exc:
            raise HTTPException(400, str(exc).replace(str(path), "bundle")) from exc
    if archive.manifest["centre_id"] != found.id:
        raise HTTPException(403, f"the bundle comes from centre {archive.manifest['centre_id']}, "
                                 f"the token belongs to {found.id}")
    workstation = str(archive.manifest.get("workstation_id", ""))
    results = [_receive(store, found.id, workstation, UploadItem(
        key=idempotency_key(i.uuid, i.version), uuid=i.uuid, version=i.version, digest=i.digest, payload=i.payload),
        "bundle") for i in items]
    return BundleResult(centre_id=found.id, workstation_id=workstation,
                        stored=sum(r.status == "stored" for r in results),
                        duplicates=sum(r.status == "duplicate" for r in results),
                        rejected=[r for r in results if r.status == "rejected"])
