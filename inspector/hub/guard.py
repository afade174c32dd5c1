"""The receiver's front door: a request's token is checked and its size capped before its body is read.

FastAPI reads a body before it runs the dependencies that check the token, so an anonymous 400 MB POST
was read whole before its 401. This ASGI wrapper answers 401 without reading a byte of an unauthenticated
API request, and 413 as soon as a body (declared or streamed) passes the limit.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from inspector.hub.store import HubStore

MAX_BODY = 64 * 1024 * 1024        # a bundle of a busy centre's month is a few MB; 64 MB leaves room
MAX_OTHER_BODY = 16 * 1024         # anything but a centre's upload (a log-in is a hundred bytes)
CENTRE_PATHS = ("/api/v1/evaluations", "/api/v1/bundles", "/api/v1/inventory")   # a centre's token opens these

Scope = dict
Message = dict
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class GuardedBodies:
    def __init__(self, app, store: HubStore, max_body: int = MAX_BODY) -> None:
        self.app, self.store, self.max_body = app, store, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        limit = self.max_body
        if scope["path"].startswith(CENTRE_PATHS):
            token = headers.get(b"authorization", b"").decode("latin-1").removeprefix("Bearer ").strip()
            if not token or self.store.centre_by_token(token) is None:
                await _answer(send, 401, "unknown or missing upload token")
                return
        else:          # log-in and the dashboard: nobody is known yet, so nothing large is read
            limit = min(limit, MAX_OTHER_BODY)
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _answer(send, 413, f"the request body is larger than {limit} bytes")
            return
        seen = 0
        too_large = False
        started = False

        async def counted() -> Message:
            nonlocal seen, too_large
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    too_large = True
                    return {"type": "http.disconnect"}      # the application stops reading here
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if too_large:
                return                                      # whatever it says now, the answer is 413
            started = True
            await send(message)

        try:
            await self.app(scope, counted, guarded_send)
        except Exception:
            if not too_large:
                raise
        if too_large and not started:
            await _answer(send, 413, f"the request body is larger than {limit} bytes")


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
