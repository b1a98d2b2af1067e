"""The core package's import graph, read from the source (``ast``; nothing is imported).

One walker serves three jobs:

- packaging: ``model.tar.gz`` ships exactly what the serving entry point can import
  (:func:`import_closure` of ``inference/code/inference.py``);
- the pipeline: a stage's cache key covers exactly the code it runs (the closure of the
  modules that stage calls), so editing a template regenerates data and editing the trainer
  retrains, with no hand-kept list of files;
- a test that the core has no import circle (:func:`module_graph`, :func:`find_cycles`).

Every import counts, function-level and ``TYPE_CHECKING`` ones included: a lazy import is still
a dependency.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable
from pathlib import Path

PACKAGE_NAME = "quantreason"
PACKAGE_DIR = Path(__file__).resolve().parent


class ImportGraphError(ValueError):
    """Source the walker cannot follow (a relative import: the core uses absolute ones)."""


def module_file(dotted: str, package_root: Path = PACKAGE_DIR.parent) -> Path | None:
    """File of ``quantreason.x.y`` under ``package_root`` (the directory holding quantreason/)."""
    path = package_root.joinpath(*dotted.split("."))
    if (path / "__init__.py").is_file():
        return path / "__init__.py"
    if path.with_suffix(".py").is_file():
        return path.with_suffix(".py")
    return None


def imported_names(source: Path) -> Iterable[str]:
    """Every absolute module name an ``import`` / ``from ... import`` in ``source`` may load."""
    for node in ast.walk(ast.parse(source.read_text(), filename=str(source))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                raise ImportGraphError(f"{source}: relative import; the core uses absolute imports")
            if node.module:
                yield node.module
                # `from quantreason import naming` imports the submodule quantreason.naming.
                yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _core_files(name: str, package_root: Path) -> list[Path]:
    """The files importing ``name`` runs: each parent package's ``__init__`` and the module."""
    parts = name.split(".")
    files = [
        module_file(".".join(parts[:depth]), package_root) for depth in range(1, len(parts) + 1)
    ]
    return [file for file in files if file is not None]


def import_closure(
    *entry_points: Path, package_root: Path = PACKAGE_DIR.parent
) -> tuple[list[Path], set[str]]:
    """``(core module files, third-party top-level names)`` reachable from ``entry_points``.

    Follows every import of a ``quantreason`` module (each parent package's ``__init__`` too,
    since importing ``a.b`` runs ``a/__init__``); other names are returned by their top level
    (standard library left out).
    """
    seen: set[Path] = set()
    third_party: set[str] = set()
    pending = list(entry_points)
    while pending:
        for name in imported_names(pending.pop()):
            top = name.split(".")[0]
            if top != PACKAGE_NAME:
                if top not in sys.stdlib_module_names:
                    third_party.add(top)
                continue
            for module in _core_files(name, package_root):
                if module not in seen:
                    seen.add(module)
                    pending.append(module)
    return sorted(seen), third_party


def module_closure(*modules: str, package_root: Path = PACKAGE_DIR.parent) -> list[Path]:
    """Core files that importing and running ``modules`` (dotted names) may execute."""
    unknown = [name for name in modules if module_file(name, package_root) is None]
    if unknown:
        raise ImportGraphError(f"unknown module(s) {unknown}")
    entries = [file for name in modules for file in _core_files(name, package_root)]
    closure, _ = import_closure(*entries, package_root=package_root)
    return sorted(set(closure) | set(entries))


def module_name(file: Path, package_root: Path = PACKAGE_DIR.parent) -> str:
    """``quantreason/a/b.py`` -> ``quantreason.a.b``; a package's ``__init__`` -> the package."""
    parts = list(file.relative_to(package_root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_graph(
    package_root: Path = PACKAGE_DIR.parent, *, top_level_only: bool = False
) -> dict[str, set[str]]:
    """``{module: core modules it imports}`` for every module of the core package.

    ``top_level_only``: only imports that run when the module itself is imported (module body,
    not inside functions or ``if TYPE_CHECKING``) — the edges along which a circle would break
    an import.
    """
    graph: dict[str, set[str]] = {}
    for file in sorted((package_root / PACKAGE_NAME).rglob("*.py")):
        tree = ast.parse(file.read_text(), filename=str(file))
        nodes = _top_level_imports(tree) if top_level_only else ast.walk(tree)
        targets: set[str] = set()
        for node in nodes:
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            for name in names:
                if name.split(".")[0] == PACKAGE_NAME and module_file(name, package_root):
                    targets.add(name)
        graph[module_name(file, package_root)] = targets
    return graph


def _top_level_imports(tree: ast.Module) -> Iterable[ast.stmt]:
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif (
            isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test)
        ) or isinstance(node, ast.Try):
            yield from (n for n in node.body if isinstance(n, ast.Import | ast.ImportFrom))


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (each one a circle), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)
