"""Shared test helpers: where the bundled data lives."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from laoru.model import Document, Paragraph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "data"
SHARED = ROOT.parent / "shared"
BENCHMARKS = ROOT / "benchmarks"


def benchmark_module(name: str) -> ModuleType:
    """A helper module of ``benchmarks/`` (a corpus generator tests share with the benchmarks)."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


@pytest.fixture
def seed():
    """Path of a bundled seed capture by its number prefix ("001")."""

    def find(prefix: str) -> Path:
        (path,) = EXAMPLES.glob(f"{prefix}_*.txt")
        return path

    return find


def paragraphs_document(*paragraphs: str, **fields: Any) -> Document:
    """A Document of these paragraphs (capture lines, in the event tests), its other fields from ``fields``."""
    return Document(outlet="test", paragraphs=[Paragraph(p) for p in paragraphs], **fields)
