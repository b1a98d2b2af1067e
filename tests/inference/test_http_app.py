"""The local endpoint over real HTTP on loopback: readiness, overload, shutdown, malformed input."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quantreason.serving.http_app import create_app
from quantreason.serving.local_server import running_server
from quantreason.serving.predictor import load_predictor
from quantreason.serving.settings import Limits, ServingSettings

LIMITS = Limits(max_body_bytes=4096, max_question_chars=300, max_batch=4, default_new_tokens=8)
TIMEOUT = 30.0


class BlockingPredictor:
    """Stands in for the model: answers only when released (to hold the worker busy)."""

    def __init__(self) -> None:
        self.settings = ServingSettings(base_model="fake", limits=LIMITS)
        self.started = threading.Event()
        self.release = threading.Event()

    def predict_bytes(self, request) -> bytes:
        self.started.set()
        if not self.release.wait(TIMEOUT):
            raise TimeoutError("test never released the predictor")
        return json.dumps({"answer": len(request.questions)}).encode()

    def close(self) -> None:
        """Nothing to stop."""


def post(url: str, body: object, **headers: str) -> httpx.Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"content-type": "application/json", **headers}
    return httpx.post(f"{url}/invocations", content=data, headers=headers, timeout=TIMEOUT)


def test_ping_turns_healthy_only_after_load() -> None:
    loaded = threading.Event()
    predictor = BlockingPredictor()
    predictor.release.set()

    def slow_load():
        loaded.wait(TIMEOUT)
        return predictor

    with running_server(create_app(slow_load, limits=LIMITS), wait_for_ready=False) as url:
        assert httpx.get(f"{url}/ping", timeout=TIMEOUT).status_code == 503
        assert post(url, {"inputs": "q"}).status_code == 503
        assert post(url, {"inputs": ""}).status_code == 400  # validated even while loading
        loaded.set()
        predictor_ready = False
        for _ in range(100):  # bounded poll
            if httpx.get(f"{url}/ping", timeout=TIMEOUT).status_code == 200:
                predictor_ready = True
                break
            threading.Event().wait(0.05)
        assert predictor_ready
        assert post(url, {"inputs": ["a", "b"]}).json() == {"answer": 2}


def test_full_queue_answers_503_at_once_and_shutdown_drains() -> None:
    predictor = BlockingPredictor()
    results: list[httpx.Response] = []
    app = create_app(lambda: predictor, limits=LIMITS, max_pending=1)
    with running_server(app) as url:
        busy = threading.Thread(target=lambda: results.append(post(url, {"inputs": "q"})))
        busy.start()
        assert predictor.started.wait(TIMEOUT)
        rejected = post(url, {"inputs": "another"})
        assert rejected.status_code == 503
        assert rejected.headers["retry-after"] == "1"
        assert rejected.json()["error"]["status"] == 503
        threading.Timer(0.5, predictor.release.set).start()
        # leaving the block asks uvicorn to stop while the first request is still running
    busy.join(TIMEOUT)
    assert [r.status_code for r in results] == [200]


@pytest.fixture(scope="module")
def tiny_server(tiny_adapter: Path):
    """The real handler on the tiny model, served on loopback for the whole module."""
    settings_ = ServingSettings(base_model="tiny-random", limits=LIMITS)
    app = create_app(lambda: load_predictor(tiny_adapter, settings_), limits=LIMITS)
    with running_server(app, ready_timeout_s=120) as url:
        yield url


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
request_documents = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {
            "inputs": json_values
            | st.text(max_size=400)
            | st.lists(st.text(max_size=40), max_size=6)
        },
        optional={
            "parameters": st.dictionaries(
                st.sampled_from(["max_new_tokens", "top_p", ""]), json_values, max_size=2
            )
        },
    ),
)
bodies = st.one_of(
    request_documents.map(lambda d: json.dumps(d).encode()),
    st.binary(max_size=300),
    st.integers(0, 6000).map(lambda n: b'{"inputs": "' + b"9" * n + b'"}'),
)
content_types = st.sampled_from(
    ["application/json", "application/json; charset=utf-8", "text/plain", "", "application/x-npy"]
)
accepts = st.sampled_from(["*/*", "application/json", "text/csv", ""])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=bodies, content_type=content_types, accept=accepts)
def test_malformed_requests_never_get_a_5xx(tiny_server: str, body, content_type, accept) -> None:
    headers = {"content-type": content_type, "accept": accept}
    response = httpx.post(
        f"{tiny_server}/invocations", content=body, headers=headers, timeout=TIMEOUT
    )
    assert response.status_code in {200, 400, 406, 413, 415}, response.text
    json.loads(response.content)  # every answer, error or not, is JSON


def test_server_still_up_after_the_fuzzing(tiny_server: str) -> None:
    assert httpx.get(f"{tiny_server}/ping", timeout=TIMEOUT).status_code == 200
    response = post(tiny_server, {"inputs": "What is 2+2?"})
    assert response.status_code == 200
    assert set(response.json()) >= {"answer", "unit", "formula", "model", "adapter"}
