"""The local endpoint for ``quantreason serve``: SageMaker's ``/ping`` + ``/invocations``.

- The model loads in a background thread at startup; ``/ping`` answers 503 until the model is
  loaded *and* warmed up, then 200 (SageMaker's health check has the same meaning).
- Requests that arrive while others are generating are answered together: each waits on its
  own thread for the predictor's batcher (:mod:`quantreason.serving.batching`), which puts all
  their questions into the same generation steps. At most ``max_pending`` requests are waiting
  or running; one more gets a 503 with ``Retry-After`` at once instead of piling up.
- Requests are validated before they queue, by the same ``parse_request`` as SageMaker.
- Shutdown (Ctrl-C / SIGTERM through uvicorn) stops accepting, lets running requests finish,
  then stops the batcher.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import Response

from quantreason.serving.errors import Overloaded, PayloadTooLarge, ServingError
from quantreason.serving.predictor import Predictor
from quantreason.serving.protocol import JSON_CONTENT_TYPE, check_accept, error_body, parse_request
from quantreason.serving.settings import Limits

log = logging.getLogger(__name__)

DEFAULT_MAX_PENDING = 8


class ServerState:
    """Model, readiness and the bounded work queue of one server."""

    def __init__(self, load: Callable[[], Predictor], limits: Limits, max_pending: int) -> None:
        if max_pending < 1:
            raise ValueError("max_pending must be at least 1")
        self.load = load
        self.limits = limits
        self.max_pending = max_pending
        self.pending = 0  # only touched on the event loop thread: no lock needed
        self.predictor: Predictor | None = None
        self.load_error: str | None = None
        self.ready = threading.Event()
        # One thread per admitted request: each waits for its answers from the batcher.
        self.executor = ThreadPoolExecutor(max_workers=max_pending, thread_name_prefix="request")
        self.loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="load")

    def load_in_background(self) -> None:
        """Load + warm up on the worker thread so that the event loop answers /ping meanwhile."""

        def _load() -> None:
            try:
                self.predictor = self.load()
                self.limits = self.predictor.settings.limits
                self.ready.set()
                log.info("model ready")
            except Exception as err:  # reported by /ping; the server stays up to say so
                log.exception("model failed to load")
                self.load_error = f"{type(err).__name__}: {err}"

        self.loader.submit(_load)

    def shutdown(self) -> None:
        """Let admitted requests finish, then stop the predictor's batcher."""
        self.loader.shutdown(wait=True)
        self.executor.shutdown(wait=True)
        if self.predictor is not None:
            self.predictor.close()


def _error(error: ServingError, headers: dict[str, str] | None = None) -> Response:
    return Response(error_body(error), error.status, headers, media_type=JSON_CONTENT_TYPE)


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refusing more than ``limit`` bytes without reading it all into memory."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"request body over {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"request body over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(
    load: Callable[[], Predictor],
    *,
    limits: Limits | None = None,
    max_pending: int = DEFAULT_MAX_PENDING,
) -> FastAPI:
    """A FastAPI app serving the predictor that ``load()`` returns (called once, off-loop)."""
    state = ServerState(load, limits or Limits.from_env(), max_pending)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state.load_in_background()
        yield
        state.shutdown()  # running generation finishes before exit

    app = FastAPI(title="quantreason local endpoint", lifespan=lifespan)
    app.state.server = state

    @app.get("/ping")
    async def ping() -> Response:
        """200 once the model is loaded and warmed up, 503 before (or if loading failed)."""
        if state.ready.is_set():
            return Response(b'{"status":"ready"}', 200, media_type=JSON_CONTENT_TYPE)
        error = Overloaded(
            f"model failed to load: {state.load_error}" if state.load_error else "model loading"
        )
        return _error(error)

    @app.post("/invocations")
    async def invocations(request: Request) -> Response:
        """Answer questions; 4xx for a client's mistake, 503 when busy, 500 for our faults."""
        try:
            check_accept(request.headers.get("accept"))
            body = await _read_body(request, state.limits.max_body_bytes)
            parsed = parse_request(body, request.headers.get("content-type"), state.limits)
        except ServingError as err:
            return _error(err)
        predictor = state.predictor
        if predictor is None:
            return _error(Overloaded("model loading; retry when /ping answers 200"))
        if state.pending >= state.max_pending:
            return _error(Overloaded("server busy; retry later"), {"Retry-After": "1"})
        state.pending += 1
        try:
            loop = asyncio.get_running_loop()
            payload = await loop.run_in_executor(state.executor, predictor.predict_bytes, parsed)
        except ServingError as err:
            return _error(err)
        finally:
            state.pending -= 1
        return Response(payload, 200, media_type=JSON_CONTENT_TYPE)

    return app
