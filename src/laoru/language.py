"""A language guess from the script, for pages that do not declare one.

The outlets laoru reads publish in English, Russian and Lao, which differ by script, so
counting letters per script is enough and costs nothing; a page's own ``lang`` wins.
"""

from __future__ import annotations

_NOT_LATIN = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_CJK_PREFIXES = (*(bytes([0xE4, b]) for b in range(0xB8, 0xC0)), *(bytes([b]) for b in range(0xE5, 0xEA)))


def guess_language(text: str) -> str | None:
    """BCP-47 code of the dominant script in ``text``: ``lo``, ``ru``, ``zh`` or ``en``."""
    sample = text[:5000]
    counts = script_counts(sample)
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None


def script_counts(sample: str) -> dict[str, int]:
    """Letters of each script in ``sample``, counted on its UTF-8 bytes.

    Each range is a set of lead bytes (or lead + second byte) in UTF-8, and bytes.count is
    far cheaper than a regex over Cyrillic or Lao text: same counts as ``_LAO`` & co.
    """
    data = sample.encode("utf-8", "surrogatepass")
    return {
        "lo": data.count(b"\xe0\xba") + data.count(b"\xe0\xbb"),  # U+0E80–U+0EFF
        "ru": sum(data.count(lead) for lead in (b"\xd0", b"\xd1", b"\xd2", b"\xd3")),  # U+0400–U+04FF
        "zh": sum(data.count(prefix) for prefix in _CJK_PREFIXES),  # U+4E00–U+9FFF
        "en": len(data.translate(None, _NOT_LATIN)),  # A–Z, a–z
    }


def normalise_language(value: str | None) -> str | None:
    """``en_US``/``EN-us`` → ``en-US``; empty → ``None``."""
    if not value:
        return None
    parts = value.replace("_", "-").split("-")
    head = parts[0].lower()
    return "-".join([head, *(p.upper() if len(p) == 2 else p for p in parts[1:])]) if head else None
