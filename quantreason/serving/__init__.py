"""Serving: the request contract, the predictor, batching, the local endpoint, load benchmark.

Layout (each module small, one concern; imports point down this list's dependencies only):

``settings``     everything read from the environment (limits, batching), read once at load
``errors``       ServingError and its subclasses, each with its HTTP status
``protocol``     the wire contract: parse/validate a request body, check Accept, encode JSON
``batching``     concurrent requests share generation steps (transformers' continuous batching)
``predictor``    model loading + warm-up, answering a request, the answer JSON
``toolkit``      one SageMaker HF-toolkit invocation -> (status, reason, body)
``http_app``     FastAPI app for ``quantreason serve`` (bounded queue -> 503, /ping after warm-up)
``local_server`` run that app on loopback, in the foreground or in a thread
``invokers``     send a request: local HTTP or SageMaker ``invoke_endpoint`` (bench and ops)
``bench``        load generator + statistics at each concurrency; ``bench_plot`` its PNG
``local_bench``  the pipeline's one call: serve locally, benchmark, write bench.json/png
``decode``       decode speed at batch 1 against the memory-bandwidth limit

``inference/code/inference.py`` (the SageMaker entry point, via ``toolkit``) and the local
server (via ``http_app``) both call ``predictor``, so the cloud and the laptop answer the same
bytes for the same request.
"""
