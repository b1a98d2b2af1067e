"""Checkpoints written by two simulated nodes, each syncing its own folder to S3 on its own.

Each of two ranks (one per "node") saves to its own folder, as each SageMaker instance does to its
own ``/opt/ml/checkpoints``; the test then builds what S3 holds when node 0 has uploaded its
newest files (its ``latest`` pointer too) and node 1 has not yet.
"""

from __future__ import annotations

import shutil
from contextlib import nullcontext
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.slow  # two torch processes with gloo: ~15-20 s

from quantreason.training import checkpoint  # noqa: E402
from quantreason.training.environment import RankInfo  # noqa: E402
from quantreason.training.state import TrainState  # noqa: E402

CONFIG = {"train": {"learning_rate": 0.1}}


def _save_on_two_nodes(rank: int, world: int, init_file: str, nodes: list[str]) -> None:
    import torch.distributed as dist
    from torch.distributed.device_mesh import init_device_mesh
    from torch.distributed.fsdp import fully_shard

    torch.set_num_threads(1)
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=world)
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.Linear(16, 4))
    fully_shard(model, mesh=init_device_mesh("cpu", (world,)))  # each rank owns a shard
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda _: 1.0)
    state = TrainState(model, None, optimizer, scheduler, torch.device("cpu"), nullcontext())
    # local_rank 0 on both: each node writes its own `latest` pointer.
    ranks = RankInfo(rank=rank, world_size=world, local_rank=0)
    for _ in range(2):
        model(torch.randn(4, 8)).sum().backward()
        optimizer.step()
        optimizer.zero_grad()
        state.step += 1
        checkpoint.save_checkpoint(Path(nodes[rank]), state, CONFIG, ranks, keep_last=3)
    # Both ranks finish their collectives before either closes its gloo pairs, as the trainer
    # does (distributed.py); without it a loaded machine once saw a rank abort at teardown.
    dist.barrier()
    dist.destroy_process_group()


@pytest.fixture(scope="module")
def nodes(tmp_path_factory) -> list[Path]:
    import torch.multiprocessing as mp

    tmp = tmp_path_factory.mktemp("two-nodes")
    folders = [tmp / "node0", tmp / "node1"]
    mp.spawn(
        _save_on_two_nodes,
        args=(2, str(tmp / "rendezvous"), [str(f) for f in folders]),
        nprocs=2,
        join=True,
    )
    return folders


def _sync(source: Path, s3: Path, skip: str | None = None) -> None:
    """Copy a node's folder into the shared "S3" folder (what its own sync uploads)."""
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if path.is_dir() or (skip and relative.parts[0] == skip):
            continue
        (s3 / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, s3 / relative)


def test_each_node_holds_only_its_own_ranks_files(nodes):
    node0, node1 = (n / "step_000002" for n in nodes)
    assert (node0 / "extra_rank0.pt").is_file() and not (node0 / "extra_rank1.pt").exists()
    assert (node1 / "extra_rank1.pt").is_file() and not (node1 / ".metadata").exists()
    # On its own, a node's folder is never a complete checkpoint.
    assert checkpoint.latest_checkpoint(nodes[0]) is None
    assert checkpoint.latest_checkpoint(nodes[1]) is None


def test_resume_skips_a_checkpoint_whose_shards_have_not_all_arrived(nodes, tmp_path):
    s3 = tmp_path / "s3"
    _sync(nodes[0], s3)  # node 0 uploaded step 2 and its pointer
    _sync(nodes[1], s3, skip="step_000002")  # node 1 has not uploaded step 2 yet
    assert (s3 / checkpoint.LATEST).read_text() == "step_000002"  # the pointer runs ahead
    assert checkpoint.latest_checkpoint(s3) == s3 / "step_000001"

    _sync(nodes[1], s3)  # node 1's upload lands
    assert checkpoint.latest_checkpoint(s3) == s3 / "step_000002"


def test_a_truncated_shard_is_not_complete(nodes, tmp_path):
    s3 = tmp_path / "s3"
    _sync(nodes[0], s3)
    _sync(nodes[1], s3)
    shard = next(p for p in (s3 / "step_000002").glob("*.distcp") if p.stat().st_size > 0)
    shard.write_bytes(shard.read_bytes()[:-1])
    assert not checkpoint.is_complete(s3 / "step_000002")
    assert checkpoint.latest_checkpoint(s3) == s3 / "step_000001"


def test_ranks_agree_on_the_newest_checkpoint_all_of_them_see():
    seen = [["step_000001", "step_000002"], ["step_000001"]]
    assert checkpoint.newest_common(seen) == "step_000001"
    assert checkpoint.newest_common([["step_000002"], []]) is None
    assert checkpoint.newest_common([["step_000003", "step_000002"]] * 2) == "step_000003"
