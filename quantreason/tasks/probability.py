"""Placeholder: the families of this module are being written."""

from __future__ import annotations

from quantreason.tasks.base import Family

FAMILIES: tuple[Family, ...] = ()
