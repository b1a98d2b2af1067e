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
