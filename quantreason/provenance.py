"""What a result was produced with: the versions of the packages that decide the figures."""

from __future__ import annotations

import platform
from importlib import metadata

VERSIONED_PACKAGES = ("quantreason", "torch", "transformers", "peft", "accelerate")


def package_versions(names: tuple[str, ...] = VERSIONED_PACKAGES) -> dict[str, str]:
    """``{"python": ..., name: version or "not installed"}`` for each package."""
    found = {"python": platform.python_version()}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found
