"""A language guess from the script, for pages that do not declare one.

The outlets laoru reads publish in English, Russian and Lao, which differ by script, so
counting letters per script is enough and costs nothing; a page's own ``lang`` wins.
"""

from __future__ import annotations

import re

_SCRIPTS = {"lo": re.compile(r"[\u0e80-\u0eff]"), "ru": re.compile(r"[\u0400-\u04ff]"),
            "zh": re.compile(r"[\u4e00-\u9fff]"), "en": re.compile(r"[A-Za-z]")}
"""The letters of each script laoru's outlets publish in (Lao, Cyrillic, CJK, Latin)."""


def guess_language(text: str) -> str | None:
    """BCP-47 code of the dominant script in ``text``: ``lo``, ``ru``, ``zh`` or ``en``."""
    sample = text[:5000]
    counts = script_counts(sample)
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None


def script_counts(sample: str) -> dict[str, int]:
    """Letters of each script in ``sample``."""
    return {name: len(regex.findall(sample)) for name, regex in _SCRIPTS.items()}


def normalise_language(value: str | None) -> str | None:
    """``en_US``/``EN-us`` → ``en-US``; empty → ``None``."""
    if not value:
        return None
    parts = value.replace("_", "-").split("-")
    head = parts[0].lower()
    return "-".join([head, *(p.upper() if len(p) == 2 else p for p in parts[1:])]) if head else None
