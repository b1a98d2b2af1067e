"""Load another run's frozen rule (``runXX/decide.py``) as a module, for the rules written
from session 43 on; the earlier ones each carry their own copy of this loader, kept as
written."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

EXPERIMENTS = Path(__file__).resolve().parent


def load_rule(run: str, name: str) -> ModuleType:
    """``EXPERIMENTS/<run>/decide.py`` as the module ``name``."""
    spec = importlib.util.spec_from_file_location(name, EXPERIMENTS / run / "decide.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labels_then_report(change: str, baseline: str, targets: tuple[str, ...], least: int) -> bool:
    """Run BS's rule A for ``change`` against ``baseline`` with ``targets`` as the changed
    families, then (only where A holds) run BQ's ten conditions with ``change`` in run BQ's
    place against run BL; True where ``change`` replaces the committed report (runs BY's
    and BX's rules spell this out in their own frozen files)."""
    bq = load_rule("runBQ", "run_bq_rule")
    kept = load_rule("runBS", "run_bs_rule").labels_rule(
        bq, change, targets, least=least, baseline=baseline
    )
    name = change[3:]
    print()
    print(
        f"B. run {name} against run BL under run BQ's conditions (lines saying 'run BQ' mean it):"
    )
    bq.CHANGE = change
    adopted = kept and bq.main()
    print(
        f"run {name}:",
        "ADOPTED as the committed report" if adopted else "not adopted as the report",
    )
    return adopted
