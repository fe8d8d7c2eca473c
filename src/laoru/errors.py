"""Typed errors for bad input: each names the file and the reason, so a batch can report and go on."""

from __future__ import annotations


class LaoruError(Exception):
    """Base of every error laoru raises on purpose."""


class InputError(LaoruError):
    """An input that cannot be read as a page: unreadable, empty, binary, truncated, too big."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class PluginError(LaoruError):
    """A plugin that cannot be loaded or that failed on a page."""


class UnknownOutletError(LaoruError):
    """An ``--outlet`` slug that no installed plugin declares."""


class OutputError(LaoruError):
    """An output that cannot be written where asked (missing folder, a directory, one of the inputs)."""
