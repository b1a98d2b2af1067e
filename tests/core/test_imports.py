"""The core's import graph: what the walker follows, and that the core has no import circle."""

from __future__ import annotations

from pathlib import Path

import pytest

from quantreason.imports import (
    ImportGraphError,
    find_cycles,
    import_closure,
    module_closure,
    module_graph,
)


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "quantreason" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_the_closure_follows_lazy_imports_and_parent_packages(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "import json\n\ndef f():\n    from quantreason.sub import b\n",
            "sub/__init__.py": "import numpy\n",
            "sub/b.py": "from quantreason import c\n",
            "c.py": "X = 1\n",
            "unused.py": "import quantreason.a\n",
        },
    )
    files = module_closure("quantreason.a", package_root=root)
    names = sorted(p.relative_to(root / "quantreason").as_posix() for p in files)
    assert names == ["__init__.py", "a.py", "c.py", "sub/__init__.py", "sub/b.py"]
    _, third_party = import_closure(root / "quantreason" / "a.py", package_root=root)
    assert third_party == {"numpy"}  # json is the standard library's


def test_relative_imports_and_unknown_modules_are_refused(tmp_path: Path) -> None:
    root = _package(tmp_path, {"__init__.py": "", "a.py": "from . import b\n"})
    with pytest.raises(ImportGraphError, match="relative import"):
        module_closure("quantreason.a", package_root=root)
    with pytest.raises(ImportGraphError, match="unknown module"):
        module_closure("quantreason.nope", package_root=root)


def test_cycles_are_found_lazy_or_not(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from quantreason import b\n",
            "b.py": "def f():\n    import quantreason.a\n",  # lazy: still a circle
            "c.py": "from quantreason import a\n",
        },
    )
    assert find_cycles(module_graph(root)) == [["quantreason.a", "quantreason.b"]]
    assert find_cycles(module_graph(root, top_level_only=True)) == []


def test_the_core_package_has_no_import_circle() -> None:
    """Every import counts, function-level ones too: dependencies point one way."""
    assert find_cycles(module_graph()) == []
