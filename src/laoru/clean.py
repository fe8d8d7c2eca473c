"""Boilerplate filters every plugin shares.

These are the strings that appear on many outlets' pages and never belong in a body:
share bars, print/e-mail buttons, search boxes, cookie and newsletter prompts, photo
credits. Outlet-specific strings stay in the outlet's plugin (``Parser.boilerplate``);
whatever two plugins need lives here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from laoru.literals import any_search

BOILERPLATE_LINES: tuple[str, ...] = (
    r"Email Print(?: \d+)?",
    r"Top",
    r"Share(?: this)?(?: article| story)?:?",
    r"(?:Share on |Tweet|Print|E-?mail|Facebook|Twitter|WhatsApp|Telegram|LinkedIn|VK)(?:\s*\|?\s*"
    r"(?:Facebook|Twitter|WhatsApp|Telegram|LinkedIn|VK|Print|E-?mail))*",
    r"Search",
    r"Close this search box\.?",
    r"Search for:?",
    r"(?:RECENT|LATEST|RELATED|MORE|TOP) (?:NEWS|POSTS|ARTICLES|STORIES)",
    r"Read more:?",
    r"Read also:?",
    r"Advertisement",
    r"Sign up here\.?",
    r"Subscribe(?: now| to our newsletter)?\.?",
    r"NEWSLETTER",
    r"Join the [\w. ]+ mailing list",
    r"\|",
    r"(?:We use|This (?:site|website) uses) cookies.*",
    r"Accept(?: all)? cookies",
    r"(?:All rights reserved|Copyright|©).{0,120}",
    r"Medium Text",
    r"Previous(?: article| post)?",
    r"Next(?: article| post)?",
    r"Back to top",
    r"Comments?",
    r"(?:Pictures?|Photos?) of the (?:day|week)",  # a gallery promo and its teaser (002: Reuters chrome)
    r"A selection of (?:some of )?our (?:top |best )?(?:photography|photos|pictures|images)\b.*",
)
"""Whole lines (after trimming) that are chrome on any outlet."""

# --- Capture chrome: what text captures of any outlet keep around a story ---------------------
CAPTURE_BOILERPLATE_LINES: tuple[str, ...] = (
    r"Show original|Показать оригинал|Translate|Перевести",
    r"(?:[A-Z]{2,3}|中文|عربي)(?:\s*[|/·]\s*(?:[A-Z]{2,3}|中文|عربي)){1,8}",  # language switcher: RU | ENG | 中文
    r"Read more\s*(?:\.{3}|…|>+|»)?",
    r"Читать (?:далее|также|полностью|этот материал в источнике)\.?",
    r"(?:Еще|Ещё|Больше|Другие) новост(?:и|ей)\s*(?:>+|»)?|Новости партн[её]ров",
    r"(?:Подписывайтесь|Подпишитесь) на .{1,80}|Follow (?:us|[A-Z]\w+’s live feed).{0,60}",
    r"Join our (?:Telegram|WhatsApp|Facebook) (?:channel|group).{0,80}",
    r"Suivez[- ]no\w+ sur\s*:?|Zum Kurzlink|Перейти в медиабанк",
    r"[TТ]екст\s*:\s*\S.{0,60}",  # a text credit line ("Текст: …", often with a Latin T)
    r"(?:Источник|Source|Fuente|Quelle|Fonte|المصدر)(?: и фото)?\s*[:–-]\s*[^.]{1,60}",
    r"Ссылка на (?:новость|источник|материал)\s*:.*",
    r"\[(?:…|\.\.\.)\]|(?:\*\s*){3}",
    r"During the download an error has occurred\.?",
    r"\[(?:youtube|video|embed|audio)\b[^\]]*\]",  # a CMS shortcode left in the text
)
"""Capture chrome of any outlet: "Show original", language switchers, "Read more", share and
follow prompts, credits of text and source, a player's error line, section breaks."""

CAPTURE_CAPTION_PATTERNS: tuple[str, ...] = (
    r"(?:^|\s)©\s*\S",  # a credit: "© AP Photo/Hau Dinh", "… Сергей Шойгу © Дмитрий Астахов/ POOL/ ТАСС"
    r"^(?:Фото|Foto|Fotos|Фотография)\s*:|\s/\s*(?:Фото|Photo|Foto)\s*:|--\s*Photo\b",
    r"\[[^\[\]]{2,80}/[^\[\]]{2,80}\]$",  # a bracketed credit closing a caption: "[Name/Pool/AFP]"
    r"(?:Архивное фото|Archive photo|File photo)\.?$",
)
"""Photo captions and credits as captures print them (Russian and English labels)."""

BOILERPLATE_LINES = BOILERPLATE_LINES + CAPTURE_BOILERPLATE_LINES

CAPTION_PATTERNS: tuple[str, ...] = (
    r"\((?:L|R|C|left|right|center|centre|front|first|second|third|2nd|3rd|[1-9](?:st|nd|rd|th)) ?"
    r"(?:from )?(?:L|R|left|right)?\)",
    # a short credit closing a caption or standing alone ("… 2023. Credit: Tran Viet Duc/RFA"): it
    # follows a sentence end and names at most six words, so prose that merely ends with the word
    # "credit" or "image" stays body text
    r"(?:^|[.)]\s+)(?:Photo|Credit|Image|Source: Getty Images)\s*:?\s*:?\s*(?:[\w&/'-]+(?:[ .]+|$)){1,6}$",
    r"^(?:Photo|Picture|Image)\s*:",
)
"""A paragraph matching one of these is a photo caption, not body text."""

class _HasText(Protocol):
    @property
    def text(self) -> str: ...


T = TypeVar("T", bound="str | _HasText")

_BOILERPLATE_RE = re.compile(r"^(?:" + "|".join(BOILERPLATE_LINES) + r")$", re.IGNORECASE)
CAPTION_PATTERNS = CAPTION_PATTERNS + CAPTURE_CAPTION_PATTERNS
_ANY_CAPTION = any_search(CAPTION_PATTERNS, re.IGNORECASE)
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BULLET_RE = re.compile(r"^[•·▪►»*\-–—]\s+")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200e\u200f\ufeff\u00ad]")
_ODD_ASCII = "\x0b\x0c\x1c\x1d\x1e\x1f"
_ODD = _ODD_ASCII + "\x85\u1680\u2028\u2029\u200b\u200c\u200e\u200f\ufeff\u00ad"
"""Characters ``str.split()`` treats differently from :func:`normalise_space`: whitespace it
splits on but the rule keeps inside a line, and the invisible characters the rule deletes."""


def normalise_space(text: str) -> str:
    """One space between words, no invisible characters, trimmed; line breaks become spaces.

    Speed path (kept: issue 14's rule is a win of at least 10% of a page's time on
    ``benchmarks/extraction.py``; this one is 12–24% of the outlet pages' CPU time, every
    text of a page passes here): without the odd characters the rule is exactly
    ``str.split()`` + join, several times faster than the two regexes below.
    ``tests/test_speed_paths.py`` checks it against the regex rule.
    """
    for char in _ODD_ASCII if text.isascii() else _ODD:
        if char in text:
            break
    else:
        return " ".join(text.split())
    text = _INVISIBLE_RE.sub("", text) if _INVISIBLE_RE.search(text) else text
    return _SPACE_RE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def strip_bullet(line: str) -> str:
    return _BULLET_RE.sub("", line)


def is_boilerplate(line: str, extra: re.Pattern[str] | None = None) -> bool:
    """True for a line that is chrome: shared patterns, or the plugin's ``extra`` pattern."""
    return is_normalised_boilerplate(normalise_space(line), extra)


def is_normalised_boilerplate(text: str, extra: re.Pattern[str] | None = None) -> bool:
    """:func:`is_boilerplate` for a line :func:`normalise_space` has already been through."""
    if not text:
        return True
    return bool(_BOILERPLATE_RE.match(text) or (extra is not None and extra.search(text)))


def is_caption(text: str) -> bool:
    """True for a photo caption or credit line (``… (L) meets …``, ``Credit: X/RFA``)."""
    return is_normalised_caption(normalise_space(text))


def is_normalised_caption(text: str) -> bool:
    """:func:`is_caption` for a text :func:`normalise_space` has already been through.

    The answer of one search of the joined :data:`CAPTION_PATTERNS`; each pattern is searched
    only when the text holds one of its words (speed path, :mod:`laoru.literals`).
    """
    return _ANY_CAPTION(text)


def compile_patterns(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One alternation for a plugin's own boilerplate lines (each anchored to the whole line)."""
    patterns = list(patterns)
    if not patterns:
        return None
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$", re.IGNORECASE)


def paragraph_key(text: str) -> str:
    """What makes two paragraphs 'the same' for repeat detection: case, width and spacing folded."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return normalise_space(text).casefold()


def drop_repeated_paragraphs(paragraphs: Sequence[T]) -> tuple[list[T], int]:
    """Keep the first of each repeated paragraph; return the kept ones and how many were dropped.

    The one implementation of the rule: the parser applies it to every body, dedup again to
    Documents from elsewhere. Works on strings or on anything with a ``text`` attribute
    (``Paragraph``). A capture that lists the article twice (seed ``000``) keeps one copy.
    """
    seen: set[str] = set()
    kept: list[T] = []
    for paragraph in paragraphs:
        key = paragraph_key(paragraph if isinstance(paragraph, str) else paragraph.text)
        if key in seen:
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept, len(paragraphs) - len(kept)


_SENTENCE_END = re.compile(r"[.!…:;\"”’)»]$")


def is_prose(text: str, *, min_words: int = 5, long_words: int = 25) -> bool:
    """A body-like line of a text capture: sentence-ended and ``min_words`` long, or very long.

    Headlines (a question only when it is three times ``min_words`` long), menu entries and
    dates are not; the capture splitter and the line-based text layouts tell a body from the
    chrome around it with this.
    """
    text = normalise_space(text)
    words = len(text.split())
    if words >= long_words:
        return True
    return words >= (3 * min_words if text.endswith("?") else min_words) and (
        text.endswith("?") or bool(_SENTENCE_END.search(text)))
