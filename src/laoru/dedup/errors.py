"""The one exception dedup raises for bad input or a bad index: the CLI prints it, no traceback."""

from __future__ import annotations

from ..errors import LaoruError


class DedupError(LaoruError):
    """Bad parameters, an unreadable or incompatible saved index, or bad input to dedup."""
