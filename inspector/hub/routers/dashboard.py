"""The dashboard's pages and files: the log-in page, the dashboard (headquarters users only; others are
sent to the log-in) and its assets, ECharts among them, served from the package (no CDN: the receiver
runs on a closed network)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Cookie, HTTPException
from fastapi.responses import FileResponse, RedirectResponse, Response

from inspector.hub.accounts import Accounts
from inspector.hub.routers.session import COOKIE

STATIC = Path(__file__).resolve().parents[1] / "static"
ECHARTS = ("6.1.0", "b66b25aeb4df84e33199dc21694014d336d222cbd9deb0e5a7c14bd6aa0d0fd0")   # version, sha256
ASSETS = {"echarts.min.js": "text/javascript", "dashboard.js": "text/javascript", "login.js": "text/javascript",
          "dashboard.css": "text/css",
          "LICENSE-echarts.txt": "text/plain", "NOTICE-echarts.txt": "text/plain"}


def router(accounts: Accounts) -> APIRouter:
    pages = APIRouter(include_in_schema=False)

    @pages.get("/login")
    def login_page() -> Response:
        return FileResponse(STATIC / "login.html", media_type="text/html")

    @pages.get("/dashboard")
    def dashboard(inspector_hq: Annotated[str | None, Cookie(alias=COOKIE)] = None) -> Response:
        if accounts.user_of(inspector_hq) is None:
            return RedirectResponse("/login", status_code=303)
        return FileResponse(STATIC / "dashboard.html", media_type="text/html")

    @pages.get("/dashboard/assets/{name}")
    def asset(name: str) -> Response:
        if name not in ASSETS:
            raise HTTPException(404, f"no asset {name}")
        return FileResponse(STATIC / name, media_type=ASSETS[name])

    return pages
