"""(being written: new task families, see /work/notes/s22/new_families_spec.md)"""

from __future__ import annotations

from quantreason.tasks.base import Family

FAMILIES: tuple[Family, ...] = ()
