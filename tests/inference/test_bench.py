"""Load benchmark: statistics, bounds, the SageMaker client (Stubber) and the local run."""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber

from quantreason.serving.bench import level_stats, run_level, scaling
from quantreason.serving.bench_plot import plot_benchmark
from quantreason.serving.invokers import SageMakerInvoker
from quantreason.serving.protocol import request_body


def test_latency_percentiles_interpolate_between_samples() -> None:
    samples = [(200, float(v), None) for v in range(1, 101)]
    latency = level_stats(4, samples, wall_s=10.0)["latency_s"]
    assert latency["p50"] == pytest.approx(50.5)
    assert latency["p95"] == pytest.approx(95.05)
    assert latency["p99"] == pytest.approx(99.01)
    assert level_stats(1, [(200, 3.0, None)], 1.0)["latency_s"]["p95"] == 3.0
    assert level_stats(1, [(503, 3.0, None)], 1.0)["latency_s"] is None


def test_scaling_compares_each_level_with_a_single_client() -> None:
    one = level_stats(1, [(200, 2.0, None), (200, 2.0, None)], wall_s=4.0)  # 0.5 req/s
    eight = level_stats(8, [(200, 4.0, None)] * 19 + [(200, 6.0, None)], wall_s=10.0)  # 2 req/s
    rows = scaling([one, eight])
    assert rows[1]["concurrency"] == 8
    assert rows[1]["throughput_x"] == pytest.approx(4.0)
    assert rows[1]["p95_over_single_p50"] == pytest.approx(4.1 / 2.0)
    assert scaling([eight]) == []  # no concurrency-1 level: nothing to compare with


def test_level_stats_counts_errors_and_tokens() -> None:
    samples = [(200, 1.0, 10), (200, 3.0, 20), (503, 0.01, None), (0, 0.5, None)]
    stats = level_stats(2, samples, wall_s=4.0)
    assert (stats["requests"], stats["ok"], stats["errors"]) == (4, 2, 2)
    assert stats["error_rate"] == 0.5
    assert stats["status_counts"] == {"0": 1, "200": 2, "503": 1}
    assert stats["throughput_rps"] == 0.5
    assert stats["latency_s"]["p50"] == 2.0
    assert stats["output_tokens_mean"] == 15
    assert stats["output_tokens_per_s"] == 7.5


def test_run_level_respects_count_and_concurrency() -> None:
    active, peak, lock = 0, 0, threading.Lock()

    def invoke(body: bytes) -> tuple[int, bytes]:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.01)
        with lock:
            active -= 1
        question = json.loads(body)["inputs"]
        return 200, json.dumps({"output_tokens": len(question)}).encode()

    stats = run_level(invoke, ["ab", "abcd"], 3, max_requests=12, max_duration_s=30,
                      max_new_tokens=8)  # fmt: skip
    assert stats["requests"] == 12
    assert peak <= 3
    assert stats["output_tokens_mean"] == 3  # questions alternate: 2 and 4 tokens


def test_run_level_stops_at_duration() -> None:
    def slow(body: bytes) -> tuple[int, bytes]:
        time.sleep(0.05)
        return 200, b"{}"

    stats = run_level(slow, ["q"], 1, max_requests=10_000, max_duration_s=0.3, max_new_tokens=4)
    assert 1 <= stats["requests"] < 10_000


def test_sagemaker_invoker_with_stubber() -> None:
    client = boto3.client("sagemaker-runtime", region_name="us-east-1",
                          aws_access_key_id="x", aws_secret_access_key="x")  # fmt: skip
    body = request_body("What is 2+2?", 16)
    answer = b'{"answer": 4, "output_tokens": 9}'
    response = {"Body": StreamingBody(io.BytesIO(answer), len(answer)), "ContentType": "x/y"}
    with Stubber(client) as stub:
        stub.add_response(
            "invoke_endpoint",
            response,
            {"EndpointName": "qr-dev", "ContentType": "application/json",
             "Accept": "application/json", "Body": body},
        )  # fmt: skip
        stub.add_client_error(
            "invoke_endpoint", service_error_code="ModelError", http_status_code=424,
            modeled_fields={"OriginalStatusCode": 413, "OriginalMessage": "too large"},
        )  # fmt: skip
        stub.add_client_error(
            "invoke_endpoint", service_error_code="ThrottlingException", http_status_code=429
        )
        invoker = SageMakerInvoker("qr-dev", client=client)
        assert invoker(body) == (200, answer)
        status, payload = invoker(body)
        assert status == 413
        assert json.loads(payload)["error"] == "ModelError: too large"
        assert invoker(body)[0] == 429
        stub.assert_no_pending_responses()


def test_sagemaker_invoker_names_the_inference_component() -> None:
    client = boto3.client("sagemaker-runtime", region_name="us-east-1",
                          aws_access_key_id="x", aws_secret_access_key="x")  # fmt: skip
    body = request_body("q", 8)
    answer = b"{}"
    with Stubber(client) as stub:
        stub.add_response(
            "invoke_endpoint",
            {"Body": StreamingBody(io.BytesIO(answer), len(answer))},
            {"EndpointName": "qr-dev", "ContentType": "application/json",
             "Accept": "application/json", "Body": body,
             "InferenceComponentName": "qr-dev-adapter-a"},
        )  # fmt: skip
        invoker = SageMakerInvoker("qr-dev", client=client, component="qr-dev-adapter-a")
        assert invoker.call(body) == answer


def test_plot_writes_png(tmp_path: Path) -> None:
    level = level_stats(1, [(200, 1.0, 5), (200, 1.2, 5)], 2.2)
    result = {"title": "t", "levels": [level, {**level, "concurrency": 2}],
              "overhead": {"raw_generate_mean_s": 0.9}}  # fmt: skip
    path = plot_benchmark(result, tmp_path / "bench.png")
    import matplotlib.image

    image = matplotlib.image.imread(path)
    assert image.shape[:2] == (400, 1000)  # 10 x 4 inches at 100 dpi: both panels
    assert image[..., :3].std() > 0.05  # something is drawn on the white canvas


def test_local_benchmark_on_tiny_model(tiny_adapter: Path, tmp_path: Path) -> None:
    from quantreason.serving.local_bench import run_local_benchmark

    questions = [f"What is {n} + {n}?" for n in range(6)]
    result = run_local_benchmark("tiny-random", tiny_adapter, questions, tmp_path, (1, 2), 4,
                                 max_new_tokens=8, overhead_questions=2, decode=False,
                                 progress=False)  # fmt: skip
    assert [level["requests"] for level in result["levels"]] == [4, 4]
    assert [row["concurrency"] for row in result["scaling"]] == [1, 2]
    assert result["batching"]["enabled"] is True
    assert all(level["errors"] == 0 for level in result["levels"])
    assert result["overhead"]["same_completions"] is True
    assert all(0 < level["output_tokens_mean"] <= 8 for level in result["levels"])
    assert json.loads((tmp_path / "bench.json").read_text())["adapter"] == result["adapter"]
    assert (tmp_path / "bench.png").stat().st_size > 0
    with pytest.raises(ValueError, match="not a PEFT adapter"):
        run_local_benchmark("tiny-random", tmp_path, questions, tmp_path / "x")


def test_decode_measurement_on_tiny_model(tiny_base: str) -> None:
    from quantreason.generation import load_model
    from quantreason.serving.decode import measure_decode, weight_bytes

    loaded = load_model(tiny_base)
    result = measure_decode(loaded, "What is 2+2?", new_tokens=6,
                            variants=("dynamic-cache", "static-cache", "nonsense"),
                            bandwidth_gbs=10.0)  # fmt: skip
    assert result["weight_bytes"] == weight_bytes(loaded.model) > 0
    assert result["limit_tokens_per_s"] == pytest.approx(10e9 / result["weight_bytes"])
    by_name = {v["variant"]: v for v in result["variants"]}
    assert by_name["static-cache"]["same_tokens"] is True  # same greedy tokens
    assert "error" in by_name["nonsense"]
    assert result["best_variant"] in {"dynamic-cache", "static-cache"}
