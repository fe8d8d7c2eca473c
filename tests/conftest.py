"""Shared test helpers: where the bundled data lives."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seed():
    """Path of a bundled seed capture by its number prefix ("001")."""

    def find(prefix: str) -> Path:
        (path,) = EXAMPLES.glob(f"{prefix}_*.txt")
        return path

    return find
