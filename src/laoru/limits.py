"""A wall-clock bound per document, so that one pathological page cannot stall a whole batch.

The input caps bound the bytes; this bounds the time. It uses a real-time interval timer,
so it applies where signals can be delivered: the main thread of a process on POSIX (the
command line, the local engine, scripts). Elsewhere (Dask or Spark worker threads) pages
run unbounded, as before.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from laoru.errors import InputError

SECONDS_PER_DOCUMENT = 120.0
"""Generous: a 20 MB page parses in seconds; only a runaway rule or extractor reaches it."""


class _Expired(BaseException):
    """Raised by the timer: a BaseException, so that no ``except Exception`` in a library swallows it."""


@contextmanager
def time_limit(source: str, seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`InputError` for ``source`` if the block runs longer than ``seconds``.

    Nested or concurrent use (a timer already running) leaves the outer bound in charge.
    """
    seconds = SECONDS_PER_DOCUMENT if seconds is None else seconds
    if (seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise InputError(source, f"took longer than {seconds:g} s to parse; skipped") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
