"""A TCP proxy between the uploader and the receiver that misbehaves on purpose, request by request:
drops the connection before or after the receiver has the request, answers 500/503 itself, stalls past
the client's timeout, or delivers a request twice. Real sockets, real HTTP/1.1 framing (Content-Length),
so the uploader meets the same failures a provincial link produces."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import Counter

ACTIONS = ("pass", "drop_before", "drop_after", "http500", "http503", "stall", "duplicate")


def read_message(stream) -> bytes | None:
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        line = stream.readline()
        if not line:
            return None
        head += line
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return head + (stream.read(length) if length else b"")


class FaultProxy:
    def __init__(self, upstream_port: int, weights: dict[str, float], seed: int = 7, stall_s: float = 1.5) -> None:
        self.upstream_port, self.stall_s = upstream_port, stall_s
        self.actions, self.weights = list(weights), list(weights.values())
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.seen: Counter[str] = Counter()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _choose(self) -> str:
        with self.lock:
            action = self.rng.choices(self.actions, self.weights)[0]
            self.seen[action] += 1
            return action

    def _serve(self, client: socket.socket) -> None:
        stream = client.makefile("rb")
        try:
            while (request := read_message(stream)) is not None:
                action = self._choose()
                if action == "drop_before":
                    return
                if action in ("http500", "http503"):
                    code = action[-3:]
                    body = b'{"detail": "injected fault"}'
                    client.sendall(f"HTTP/1.1 {code} Injected\r\ncontent-type: application/json\r\n"
                                   f"content-length: {len(body)}\r\nconnection: close\r\n\r\n".encode() + body)
                    return
                if action == "stall":
                    time.sleep(self.stall_s)
                response = self._forward(request)
                if action == "duplicate":
                    self._forward(request)
                if action == "drop_after":
                    return
                client.sendall(response)
        except OSError:
            return
        finally:
            stream.close()
            client.close()

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30) as upstream:
            upstream.sendall(request)
            with upstream.makefile("rb") as answer:
                response = read_message(answer)
        if response is None:
            raise OSError("the receiver closed the connection")
        return response
