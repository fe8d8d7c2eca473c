"""A language guess from the script, for pages that do not declare one.

The outlets laoru reads publish in English, Russian and Lao, which differ by script, so
counting letters per script is enough and costs nothing; a page's own ``lang`` wins.
"""

from __future__ import annotations

import re

_LAO = re.compile(r"[\u0e80-\u0eff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def guess_language(text: str) -> str | None:
    """BCP-47 code of the dominant script in ``text``: ``lo``, ``ru``, ``zh`` or ``en``."""
    sample = text[:5000]
    counts = {
        "lo": len(_LAO.findall(sample)),
        "ru": len(_CYRILLIC.findall(sample)),
        "zh": len(_CJK.findall(sample)),
        "en": len(_LATIN.findall(sample)),
    }
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None


def normalise_language(value: str | None) -> str | None:
    """``en_US``/``EN-us`` → ``en-US``; empty → ``None``."""
    if not value:
        return None
    parts = value.replace("_", "-").split("-")
    head = parts[0].lower()
    return "-".join([head, *(p.upper() if len(p) == 2 else p for p in parts[1:])]) if head else None
