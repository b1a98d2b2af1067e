"""Training end to end on the tiny random Mistral: 2-process FSDP, resume, export, SageMaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from quantreason.models import resolve_model
from quantreason.training import export, recipe

pytestmark = pytest.mark.slow
LORA_KEYS = 2 * 7 * 2  # layers x target modules x (A, B)


@pytest.fixture(scope="module")
def fsdp_run(tmp_path_factory, data_dir, train_tiny) -> Path:
    out = tmp_path_factory.mktemp("fsdp")
    result = train_tiny(data_dir, out, 2, env={"QUANTREASON_DUMP_GRADS": str(out / "grads.pt")})
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def single_run(tmp_path_factory, data_dir, train_tiny) -> Path:
    out = tmp_path_factory.mktemp("single")
    result = train_tiny(data_dir, out, 1, env={"QUANTREASON_DUMP_GRADS": str(out / "grads.pt")})
    assert result.returncode == 0, result.stderr[-3000:]
    return out


PREFIX_ARGS = ("--set", "distributed.shard_frozen_base=false", "--set", "train.shared_prefix=true")


@pytest.fixture(scope="module")
def fsdp_prefix_run(tmp_path_factory, data_dir, train_tiny) -> Path:
    """2 ranks, replicated base (root-only FSDP unit), shared prompt prefix computed once."""
    out = tmp_path_factory.mktemp("fsdp-prefix")
    env = {"QUANTREASON_DUMP_GRADS": str(out / "grads.pt")}
    result = train_tiny(data_dir, out, 2, *PREFIX_ARGS, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_two_processes_lower_the_loss_and_export_a_reloadable_adapter(fsdp_run, losses_of) -> None:
    from peft import PeftModel, get_peft_model_state_dict
    from transformers import AutoModelForCausalLM

    losses = losses_of(fsdp_run)
    assert len(losses) == 6 and losses[-1] < losses[0] - 0.1
    summary = json.loads((fsdp_run / "summary.json").read_text())
    assert summary["world_size"] == 2
    assert summary["export_logit_error"] <= export.LOGIT_TOLERANCE["fp32"]  # checked in-run
    assert (fsdp_run / "loss.png").stat().st_size > 1000
    records = [json.loads(x) for x in (fsdp_run / "train_log.jsonl").read_text().splitlines()]
    assert {"step", "loss", "lr", "tokens_per_s", "grad_norm", "world_size"} <= set(records[0])
    # the training time the pipeline's report counts: every step's, however many attempts
    assert summary["step_seconds"] == pytest.approx(sum(r["step_time_s"] for r in records))

    # Independently of the trainer: the directory is a standard PEFT adapter that changes the model.
    path = resolve_model("tiny-random")
    ids = torch.tensor([[5, 17, 42, 99, 7, 3]])
    base = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32)
    with torch.no_grad():
        base_logits = base(input_ids=ids).logits
    tuned = PeftModel.from_pretrained(base, str(fsdp_run / "adapter")).eval()
    tensors = get_peft_model_state_dict(tuned)
    assert len(tensors) == LORA_KEYS
    assert tensors["base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"].shape == (
        8,
        64,
    )
    with torch.no_grad():
        assert not torch.allclose(tuned(input_ids=ids).logits, base_logits, atol=1e-4)


def test_fsdp_and_single_process_agree_on_the_first_step(fsdp_run, single_run, losses_of) -> None:
    assert losses_of(fsdp_run)[0] == pytest.approx(losses_of(single_run)[0], rel=1e-6)
    sharded = torch.load(fsdp_run / "grads.pt")
    single = torch.load(single_run / "grads.pt")
    assert sorted(sharded) == sorted(single) and len(single) == LORA_KEYS
    assert any(float(g.abs().max()) > 0 for g in single.values())
    for name, grad in single.items():
        assert sharded[name].shape == grad.shape
        torch.testing.assert_close(sharded[name], grad, rtol=1e-4, atol=1e-7)


def test_one_rank_can_run_the_sharded_path_with_the_same_maths(
    single_run, data_dir, tmp_path, train_tiny, losses_of
) -> None:
    # What a one-GPU machine runs to check FSDP2 there: same loss, same gradients, and an
    # adapter exported from DTensors that the in-run check reloads.
    env = {"QUANTREASON_DUMP_GRADS": str(tmp_path / "grads.pt")}
    args = ("--set", "distributed.shard_single_rank=true")
    result = train_tiny(data_dir, tmp_path, 1, *args, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["sharded"] is True and summary["world_size"] == 1
    assert json.loads((single_run / "summary.json").read_text())["sharded"] is False
    assert losses_of(tmp_path)[0] == pytest.approx(losses_of(single_run)[0], rel=1e-6)
    sharded, single = torch.load(tmp_path / "grads.pt"), torch.load(single_run / "grads.pt")
    assert sorted(sharded) == sorted(single)
    for name, grad in single.items():
        torch.testing.assert_close(sharded[name], grad, rtol=1e-4, atol=1e-7)
    assert (tmp_path / "adapter" / "adapter_model.safetensors").is_file()


def test_shared_prefix_with_replicated_base_gives_the_same_first_step(
    fsdp_prefix_run, single_run, losses_of
) -> None:
    # Same data, same init: computing the shared prefix once must not change the maths.
    assert losses_of(fsdp_prefix_run)[0] == pytest.approx(losses_of(single_run)[0], rel=1e-5)
    prefixed = torch.load(fsdp_prefix_run / "grads.pt")
    single = torch.load(single_run / "grads.pt")
    assert sorted(prefixed) == sorted(single)
    for name, grad in single.items():
        torch.testing.assert_close(prefixed[name], grad, rtol=1e-3, atol=1e-6)
    assert losses_of(fsdp_prefix_run)[-1] < losses_of(fsdp_prefix_run)[0] - 0.1


def test_killed_run_resumes_to_the_same_losses(fsdp_run, data_dir, tmp_path, train_tiny, losses_of):
    out = tmp_path / "killed"
    killed = train_tiny(data_dir, out, 2, env={"QUANTREASON_FAIL_AT_STEP": "4"})
    assert killed.returncode != 0
    assert len(losses_of(out)) == 4  # steps 1-4 ran; the last checkpoint is step 3
    assert not (out / "adapter").exists()
    resumed = train_tiny(data_dir, out, 2, "--resume")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "resumed from" in resumed.stderr
    assert losses_of(out) == pytest.approx(losses_of(fsdp_run), rel=1e-6)


def test_top_layers_adapts_and_trains_only_the_upper_layers(
    data_dir, tmp_path, single_run, losses_of, monkeypatch
) -> None:
    from safetensors.torch import load_file

    monkeypatch.setenv("QUANTREASON_DUMP_GRADS", str(tmp_path / "grads.pt"))
    args = ["--profile", "tiny", "--data", str(data_dir), "--out", str(tmp_path)]
    assert recipe.main([*args, "--set", "lora.top_layers=1"]) == 0
    grads = torch.load(tmp_path / "grads.pt")
    assert len(grads) == LORA_KEYS // 2 and all(".layers.1." in name for name in grads)
    assert any(float(g.abs().max()) > 0 for g in grads.values())
    # LoRA B starts at zero, so the first forward pass is the base model's in both runs.
    losses = losses_of(tmp_path)
    assert losses[0] == pytest.approx(losses_of(single_run)[0], rel=1e-6)
    assert losses[-1] < losses[0] - 0.1
    saved = load_file(str(tmp_path / "adapter" / "adapter_model.safetensors"))
    assert len(saved) == LORA_KEYS // 2 and all(".layers.1." in key for key in saved)
    adapter_config = json.loads((tmp_path / "adapter" / "adapter_config.json").read_text())
    assert adapter_config["layers_to_transform"] == [1]


def test_only_lora_trains_and_base_weights_stay_bit_identical(
    data_dir, tmp_path, monkeypatch
) -> None:
    from safetensors.torch import load_file

    seen = {}
    real_gather = export.gather_adapter

    def spy(module, peft_model):
        seen["module"] = module
        return real_gather(module, peft_model)

    monkeypatch.setattr(export, "gather_adapter", spy)
    code = recipe.main(["--profile", "tiny", "--data", str(data_dir), "--out", str(tmp_path)])
    assert code == 0
    params = dict(seen["module"].named_parameters())
    trainable = sorted(n for n, p in params.items() if p.requires_grad)
    assert len(trainable) == LORA_KEYS and all(
        ".lora_A." in n or ".lora_B." in n for n in trainable
    )
    original = load_file(str(Path(resolve_model("tiny-random")) / "model.safetensors"))
    frozen = {n: p for n, p in params.items() if not p.requires_grad}
    assert len(frozen) == len(original)
    for name, param in frozen.items():
        key = name.removeprefix("peft_model.base_model.model.").replace(".base_layer", "")
        assert torch.equal(param.detach(), original[key]), name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "model.name=no-such-model"], "unknown model 'no-such-model'"),
        (["--set", "lora.target_modules=[q_proj,wq]"], "['wq'] match no Linear layer"),
        (["--set", "lora.top_layers=3"], "lora.top_layers 3 exceeds the 2 decoder layers"),
        (["--set", "train.global_batch_size=100"], "fewer than train.global_batch_size"),
        (
            ["--set", "train.shared_prefix=true", "--set", "train.response_only_logits=false"],
            "shared_prefix needs",
        ),
    ],
)
def test_bad_config_fails_before_training_with_one_message(
    data_dir, tmp_path, capsys, args, message
) -> None:
    code = recipe.main(
        ["--profile", "tiny", "--data", str(data_dir), "--out", str(tmp_path), *args]
    )
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not (tmp_path / "train_log.jsonl").exists()


def test_missing_data_fails_clearly(tmp_path, capsys) -> None:
    code = recipe.main(
        ["--profile", "tiny", "--data", str(tmp_path / "none"), "--out", str(tmp_path)]
    )
    assert code == 2
    assert "no train.jsonl" in capsys.readouterr().err


def test_world_size_that_does_not_divide_the_batch_fails_before_rendezvous(
    data_dir, tmp_path, capsys, monkeypatch
) -> None:
    # Rank 0 of 3 would wait forever for its peers if the check came after init_process_group.
    for key, value in {"RANK": "0", "WORLD_SIZE": "3", "MASTER_ADDR": "127.0.0.1"}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("MASTER_PORT", "1")
    code = recipe.main(["--profile", "tiny", "--data", str(data_dir), "--out", str(tmp_path)])
    assert code == 2
    assert "not divisible by world size 3" in capsys.readouterr().err


def test_runs_as_a_sagemaker_training_job(data_dir, tmp_path, monkeypatch) -> None:
    env = {
        "SM_HOSTS": '["algo-1"]',
        "SM_CURRENT_HOST": "algo-1",
        "SM_NUM_GPUS": "0",
        "SM_HPS": json.dumps({"profile": "tiny", "train.max_steps": 2}),
        "SM_CHANNEL_TRAIN": str(data_dir),
        "SM_MODEL_DIR": str(tmp_path / "model"),
        "SM_OUTPUT_DATA_DIR": str(tmp_path / "output"),
        "QUANTREASON_CHECKPOINT_DIR": str(tmp_path / "checkpoints"),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert recipe.main([]) == 0
    assert (tmp_path / "model" / "adapter_config.json").is_file()
    assert (tmp_path / "model" / "adapter_model.safetensors").is_file()
    assert len((tmp_path / "output" / "train_log.jsonl").read_text().splitlines()) == 2
    assert (tmp_path / "checkpoints" / "latest").is_file()


def test_shared_prefix_with_per_layer_units_is_refused_before_training(data_dir, tmp_path):
    from quantreason.training.config import ConfigError, load_config
    from quantreason.training.environment import RankInfo
    from quantreason.training.trainer import RunPaths, prepare

    config = load_config("tiny", ["train.shared_prefix=true"])  # tiny shards per layer
    paths = RunPaths(data_dir, tmp_path, tmp_path / "adapter", tmp_path / "ckpt")
    with pytest.raises(ConfigError, match="shard_frozen_base"):
        prepare(config, paths, RankInfo(rank=0, world_size=2, local_world_size=2))
    assert prepare(config, paths, RankInfo()).prefix_len >= 8  # one process: no FSDP units
