"""Command-line recipe behind ``training/train.py``: arguments + environment → config → run.

The same code runs locally (``--data``/``--out`` given) and in a SageMaker training container
(data from ``SM_CHANNEL_TRAIN``, staged base weights from ``SM_CHANNEL_BASE`` in place of the
profile's ``model.name``, adapter to ``SM_MODEL_DIR``, logs to ``SM_OUTPUT_DATA_DIR``,
checkpoints in ``/opt/ml/checkpoints``, resumed automatically after a spot interruption).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from quantreason.settings import parse_flag
from quantreason.training.config import ConfigError, TrainConfig, load_config, parse_overrides
from quantreason.training.environment import (
    RankInfo,
    SageMakerEnv,
    check_launch,
    read_rank_info,
    read_sagemaker_env,
)
from quantreason.training.trainer import RunPaths

log = logging.getLogger("quantreason.train")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Known arguments; unknown ones (SageMaker passes every hyperparameter) are ignored."""
    parser = argparse.ArgumentParser(description="LoRA + FSDP2 fine-tuning (quantreason).")
    parser.add_argument("--profile", help="config/train/<profile>.yaml, or a YAML path")
    parser.add_argument("--data", type=Path, help="directory holding train.jsonl")
    parser.add_argument("--out", type=Path, help="run directory (adapter/, train_log.jsonl, ...)")
    parser.add_argument("--checkpoint-dir", type=Path, help="default: <out>/checkpoints")
    parser.add_argument(
        "--resume",
        nargs="?",
        const="true",
        default=None,
        help="continue from the latest checkpoint",
    )
    parser.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="override a config value (repeatable)",
    )
    args, _unknown = parser.parse_known_args(argv)
    return args


def resolve(
    args: argparse.Namespace, sm: SageMakerEnv | None
) -> tuple[TrainConfig, RunPaths, bool]:
    """Config, paths and the resume flag from arguments and (in SageMaker) the environment."""
    hps = sm.hyperparameters if sm else {}
    profile = args.profile or hps.get("profile")
    if not profile:
        raise ConfigError("no training profile: pass --profile NAME (SageMaker: hyperparameter)")
    # SageMaker may deliver hyperparameter values as strings: read them as YAML scalars.
    overrides: dict[str, Any] = {
        k: yaml.safe_load(v) if isinstance(v, str) else v
        for k, v in (sm.overrides if sm else {}).items()
    }
    if sm is not None and sm.channel_base is not None:
        # The job's 'base' channel holds the staged weights: load them, never the hub id.
        overrides["model.name"] = str(sm.channel_base)
    overrides.update(parse_overrides(args.overrides))  # the command line wins
    config = load_config(str(profile), overrides)
    if sm is not None:
        data = args.data or sm.channel_train
        if data is None:
            raise ConfigError("SM_CHANNEL_TRAIN is not set: the job needs a 'train' input channel")
        out = args.out or sm.output_data_dir or sm.model_dir
        paths = RunPaths(data, out, sm.model_dir, args.checkpoint_dir or sm.checkpoint_dir)
    else:
        if args.data is None or args.out is None:
            raise ConfigError("pass --data DIR and --out DIR (outside SageMaker)")
        paths = RunPaths(
            args.data,
            args.out,
            args.out / "adapter",
            args.checkpoint_dir or args.out / "checkpoints",
        )
    # In SageMaker a restarted job (spot interruption) continues whenever a checkpoint exists.
    resume = sm is not None
    if "resume" in hps:
        resume = _flag(hps["resume"], "hyperparameter resume")
    if args.resume is not None:
        resume = _flag(args.resume, "--resume")
    return config, paths, resume


def _flag(value: Any, key: str) -> bool:
    try:
        return parse_flag(value, key)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the process exit code (2 for a configuration error)."""
    ranks = RankInfo()
    try:
        ranks = read_rank_info()
        logging.basicConfig(
            level=logging.INFO if ranks.is_main else logging.WARNING,
            format=f"%(asctime)s rank{ranks.rank} %(levelname)s %(name)s: %(message)s",
        )
        sm = read_sagemaker_env()
        check_launch(ranks, sm)
        config, paths, resume = resolve(parse_args(argv), sm)
        paths.out_dir.mkdir(parents=True, exist_ok=True)
        from quantreason.training.trainer import run

        summary = run(config, paths, ranks, resume=resume)
    except ConfigError as exc:
        if ranks.is_main:
            print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        from quantreason.training.distributed import shutdown

        shutdown()
    if ranks.is_main:
        log.info(
            "done: loss %.4f -> %.4f over %d steps, %.0f tok/s, %.0f s; adapter in %s",
            summary["first_loss"],
            summary["last_loss"],
            summary["steps"],
            summary["tokens_per_s"],
            summary["wall_s"],
            summary["adapter_dir"],
        )
    return 0
