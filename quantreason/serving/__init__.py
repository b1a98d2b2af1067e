"""Serving: request validation, handler core, local endpoint, load benchmark.

Layout (each module small, one concern):

``requests``     parse and validate a request body against documented limits (4xx errors)
``handler``      settings from the environment, model loading + warm-up, answer JSON
``app``          FastAPI app for ``quantreason serve`` (bounded queue -> 503, /ping after warm-up)
``local``        run that app on loopback, in the foreground or in a thread
``bench``        load benchmark against the local endpoint or a SageMaker endpoint
``local_bench``  the pipeline's one call: serve locally, benchmark, write bench.json/png
``decode``       decode speed at batch 1 against the memory-bandwidth limit

``inference/code/inference.py`` (the SageMaker entry point) and the local server both call
``handler``, so the cloud and the laptop answer the same bytes for the same request.
"""
