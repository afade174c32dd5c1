"""The receiver's headquarters side: the log-in of headquarters users, the reports API and the dashboard,
mounted on the receiver's app as one router."""

from __future__ import annotations

from fastapi import APIRouter

from inspector.hub.accounts import Accounts
from inspector.hub.routers import dashboard, reports, session
from inspector.hub.store import HubStore


def headquarters_router(store: HubStore) -> APIRouter:
    accounts = Accounts(store.engine)
    router = APIRouter()
    router.include_router(session.router(accounts))
    router.include_router(reports.router(store, accounts))
    router.include_router(dashboard.router(accounts))
    return router
