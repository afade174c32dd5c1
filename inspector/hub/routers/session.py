"""Headquarters users log in here (not with a centre's upload token); the session lives in an HttpOnly
cookie that the dashboard's requests carry."""

# no `from __future__ import annotations`: FastAPI reads the dependencies' annotations, which name locals

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Cookie, Depends, HTTPException, Request, Response
from pydantic import BaseModel, Field

from inspector.hub.accounts import SESSION_HOURS, Accounts, HqUser, Refusal

COOKIE = "inspector_hq"


class LogIn(BaseModel):
    user: str = Field(max_length=256)
    password: str = Field(max_length=1024)


class Me(BaseModel):
    id: str
    name: str


def signed_in(accounts: Accounts) -> Callable[..., HqUser]:
    """A dependency: the headquarters user of the request's session, or 401."""
    def user(inspector_hq: Annotated[str | None, Cookie()] = None) -> HqUser:
        found = accounts.user_of(inspector_hq)
        if found is None:
            raise HTTPException(401, "log in as a headquarters user first (POST /api/v1/login)")
        return found
    return user


def router(accounts: Accounts) -> APIRouter:
    api = APIRouter(tags=["headquarters"])

    @api.post("/api/v1/login", response_model=Me, responses={429: {"description": "too many failed log-ins"}})
    def log_in(body: LogIn, request: Request, response: Response) -> Me:
        outcome = accounts.log_in(body.user, body.password, request.client.host if request.client else "")
        if outcome.refusal is not None:
            status = 401 if outcome.refusal == Refusal.WRONG else 429
            headers = {"Retry-After": str(outcome.retry_after_s)} if status == 429 else None
            raise HTTPException(status, str(outcome.refusal), headers=headers)
        token = outcome.token
        response.set_cookie(COOKIE, token, max_age=SESSION_HOURS * 3600, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        user = accounts.user_of(token)
        return Me(id=user.id, name=user.name)

    @api.post("/api/v1/logout", status_code=204)
    def log_out(response: Response, inspector_hq: Annotated[str | None, Cookie()] = None) -> None:
        accounts.log_out(inspector_hq)
        response.delete_cookie(COOKIE)

    @api.get("/api/v1/me", response_model=Me)
    def me(user: Annotated[HqUser, Depends(signed_in(accounts))]) -> Me:
        return Me(id=user.id, name=user.name)

    return api
