"""The README's ``cdk diff``: the dev stage switched from engine hf to lmi-vllm (offline).

Takes the committed ``dev-deployed`` snapshot (hf, one variant) as the deployed template and
synthesizes dev with the same example state plus ``engine: lmi-vllm``, ``scale_to_zero: true``,
a planned ``concurrency_target_per_copy`` of 5 and one adapter component ``rates``; prints
``cdk diff`` of the Endpoint stack and writes it to ``reports/infra/``. No credentials needed::

    source scripts/env.sh && PYTHONPATH=. .venv/bin/python scripts/cdk_diff_engine.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from infra.app_builder import build_stage_app, new_app  # noqa: E402
from infra.snapshots import SNAPSHOT_DIR, example_deployed_dirs  # noqa: E402
from quantreason.cli.infra import _offline_env  # noqa: E402

ADAPTER = {
    "name": "rates",
    "artifact": "s3://quantreason-example-artifacts/artifacts/adapters/rates/dddddddddddd/"
    "model.tar.gz",
    "archive_sha256": "d" * 64,
}
STACK = "QuantReason-dev-Endpoint"
OUT = REPO / "reports" / "infra" / "cdk-diff-dev-hf-to-lmi-vllm.txt"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="quantreason-engine-diff-") as tmp:
        root = Path(tmp)
        config, state = example_deployed_dirs(root / "dirs", ("dev",))
        stage_file = config / "stages" / "dev.yaml"
        text = stage_file.read_text().replace("  engine: hf\n", "  engine: lmi-vllm\n")
        stage_file.write_text(text.replace("  scale_to_zero: false", "  scale_to_zero: true"))
        plan = state / "dev" / "capacity.json"
        plan.write_text(
            json.dumps({**json.loads(plan.read_text()), "concurrency_target_per_copy": 5})
        )
        deploy = state / "dev" / "deploy.json"
        deploy.write_text(json.dumps({**json.loads(deploy.read_text()), "adapters": [ADAPTER]}))
        assembly = root / "cdk.out"
        build_stage_app(new_app(assembly), "dev", config_dir=config, state_root=state).app.synth()
        env = _offline_env()
        subprocess.run([sys.executable, "-m", "infra.snapshots", "mask", str(assembly)],
                       cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        template = SNAPSHOT_DIR / "dev-deployed" / f"{STACK}.template.json"
        result = subprocess.run(
            ["npx", "--no-install", "cdk", "diff", "--app", str(assembly), "--exclusively",
             "--template", str(template), STACK],
            cwd=REPO, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
    report = result.stdout + result.stderr
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report)
    print(report)
    print(f"wrote {OUT}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
