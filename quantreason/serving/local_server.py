"""Running the local endpoint: in the foreground (``quantreason serve``) or in a thread (bench).

Always bound to the loopback interface: the local endpoint is for this machine only.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
GRACEFUL_SHUTDOWN_S = 30


def free_port() -> int:
    """A TCP port on loopback that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def _config(app: FastAPI, port: int):
    import uvicorn

    return uvicorn.Config(
        app,
        host=LOOPBACK,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
    )


def serve_forever(app: FastAPI, port: int) -> None:
    """Serve until Ctrl-C / SIGTERM (uvicorn then finishes running requests and exits)."""
    import uvicorn

    log.info("serving on http://%s:%d (POST /invocations, GET /ping)", LOOPBACK, port)
    uvicorn.Server(_config(app, port)).run()


def wait_ready(url: str, timeout_s: float, poll_s: float = 0.2) -> None:
    """Poll ``GET url/ping`` until 200; raise TimeoutError after ``timeout_s``."""
    import httpx

    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            response = httpx.get(f"{url}/ping", timeout=5.0)
            if response.status_code == 200:
                return
            last = f"{response.status_code} {response.text[:200]}"
            if "failed to load" in response.text:
                raise RuntimeError(f"server model failed to load: {last}")
        except httpx.TransportError as err:
            last = repr(err)
        time.sleep(poll_s)
    raise TimeoutError(f"{url}/ping not ready after {timeout_s:.0f} s (last: {last})")


@contextmanager
def running_server(
    app: FastAPI,
    *,
    port: int | None = None,
    ready_timeout_s: float = 600.0,
    wait_for_ready: bool = True,
) -> Iterator[str]:
    """Run ``app`` in a background thread; yield its base URL once ``/ping`` is 200.

    With ``wait_for_ready=False`` yield as soon as the socket accepts connections.
    """
    import uvicorn

    server = uvicorn.Server(_config(app, port or free_port()))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    url = f"http://{LOOPBACK}:{server.config.port}"
    try:
        deadline = time.monotonic() + ready_timeout_s
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        if not server.started:
            raise RuntimeError(f"uvicorn did not start on {url}")
        if wait_for_ready:
            wait_ready(url, max(deadline - time.monotonic(), 1.0))
        yield url
    finally:
        server.should_exit = True  # uvicorn's graceful path: stop accepting, drain, lifespan end
        thread.join(timeout=GRACEFUL_SHUTDOWN_S + 30)
        if thread.is_alive():
            log.warning("server thread did not stop within the grace period")
