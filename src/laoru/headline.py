"""The headline and the printed date of a text capture, found by where they stand.

A capture keeps the page's visible lines: site chrome (a clock, a language switcher, a
menu, a site name), the headline, maybe a date line or a standfirst, photo credits, and
the story's first paragraph (the *lead*). The headline is a short line without final
punctuation above the lead that is not chrome; a line the page prints twice at its top
(the page title and the ``<h1>``) is the headline whatever its length. When no line
qualifies, there is no headline: the caller leaves the title empty and warns, never guesses.

Shared by the generic reader and by every plugin that has no stronger rule of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from laoru import clean, dates

WINDOW = 12
"""Lines from the top of a capture in which a headline is looked for."""
MIN_WORDS, MAX_WORDS, PREFERRED_WORDS = 3, 40, 5
_FINAL_PUNCTUATION = re.compile(r"[.,:;…]$|\.\.$")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp][Mm]|UTC[+-]?\d*|GMT[+-]?\d*|МСК))?$")
MAX_NUMBER_TOKENS = 3
"""A line of bare numbers this short is a counter or a reading ("0 711", "28.8 C"), not text."""
_NUMBERS = re.compile(r"^[\d\s.,:/%°CF+-]+$")
_CUT_SHORT = re.compile(r"\w\.\.$")
"""A title the site cut short with two dots (``… historical ties and..``)."""
_VARIATION = re.compile("[\ufe0e\ufe0f]")
_SITE_SUFFIX = re.compile(r"^\s[|–—-]\s\S")
_SOCIAL = re.compile(r"@\w{2,}|pic\.twitter\.com|\bt\.me/|#\w+\s*$")
_CLOSING_CREDIT = re.compile(r"^(?:Additional )?(?:Reporting|Writing|Editing) by\s", re.IGNORECASE)
"""A wire story's closing credit (``Reporting by Reuters, editing by …``): the end of an article."""


def is_chrome(line: str) -> bool:
    """A line that is page furniture, never a headline: shared boilerplate, a caption or
    credit, a date or clock, bare numbers (views, temperature), a social handle or tweet."""
    text = clean.normalise_space(line)
    return (clean.is_normalised_boilerplate(text) or clean.is_normalised_caption(text)
            or bool(_CLOCK.match(text) or _SOCIAL.search(text))
            or (len(text.split()) <= MAX_NUMBER_TOKENS and bool(_NUMBERS.match(text)))
            or dates.printed_date(text) is not None)


def story_floor(lines: Sequence[str], start: int = 0) -> int:
    """Where this capture's story can begin: after another article's closing credit that stands
    above any paragraph of prose (a page that frames a scraped story in another outlet's article
    prints that article's headline, furniture, credit and promos first: 266_other.txt), else ``start``.
    A bulleted line (``• This content was produced in Russia …``) is furniture, not a paragraph."""
    for index in range(start, min(len(lines), start + 2 * WINDOW)):
        text = lines[index]
        if _CLOSING_CREDIT.match(text):
            return index + 1
        if clean.is_prose(text) and not text.startswith("•") and not is_chrome(text):
            break
    return start


def lead_index(lines: Sequence[str], start: int = 0) -> int | None:
    """The story's first paragraph: the first prose line from ``start`` that is not chrome
    (never above another article's closing credit, :func:`story_floor`)."""
    for index in range(story_floor(lines, start), len(lines)):
        if clean.is_prose(lines[index]) and not is_chrome(lines[index]):
            return index
    return None


def _key(text: str) -> str:
    return clean.paragraph_key(text).rstrip(".!… ")


def _doubled(lines: Sequence[str], start: int = 0) -> int | None:
    """A line the top of the page (from ``start``, the story's floor) prints twice (page title and
    heading, or the heading then the same words closing with a full stop), or once more with the
    site's name after a separator (``Title | Site``, ``Title - Agency, date``): the headline's index."""
    top = [_key(text) for text in lines[start:start + WINDOW]]
    for offset, key in enumerate(top[:5]):
        index = start + offset
        ended = _FINAL_PUNCTUATION.search(lines[index]) and not _CUT_SHORT.search(lines[index])
        if len(key.split()) < MIN_WORDS or ended or is_chrome(lines[index]):
            continue  # a paragraph the capture repeats is not a heading; a title cut short ("… and..") is
        others = top[:offset] + top[offset + 1:]
        if any(other == key or (_SITE_SUFFIX.match(other[len(key):]) and other.startswith(key)) for other in others):
            return index
    return None


def _candidate(text: str) -> bool:
    words = len(text.split())
    return (MIN_WORDS <= words <= MAX_WORDS and not _FINAL_PUNCTUATION.search(text)
            and not is_chrome(text) and not text.startswith(("•", "*", "[", "(")))


def headline_index(lines: Sequence[str], lead: int | None = None, *, topmost: bool = False) -> int | None:
    """Index of the headline among ``lines`` (a capture's non-empty lines), or ``None``.

    Above the lead, the first non-chrome short line of five words or more; failing that,
    the one nearest the lead (a short headline, a Lao one written with few spaces).
    ``topmost``: the first candidate whatever its length (an outlet whose headline is
    always followed by a standfirst). Below another article's closing credit
    (:func:`story_floor`), the line right above the lead: what stands between are that
    article's promos.
    """
    floor = story_floor(lines)
    doubled = _doubled(lines, floor)
    if doubled is not None:
        return doubled
    lead = lead_index(lines) if lead is None else lead
    if lead is None:
        return None
    candidates = [i for i in range(max(floor, lead - WINDOW), lead) if _candidate(lines[i])]
    if not candidates:
        return None
    if floor:
        return candidates[-1]
    if topmost:
        return candidates[0]
    preferred = [i for i in candidates if len(lines[i].split()) >= PREFERRED_WORDS]
    return preferred[0] if preferred else candidates[-1]


def headline(lines: Sequence[str], lead: int | None = None) -> str | None:
    index = headline_index(lines, lead)
    return headline_text(lines, index, lead) if index is not None else None


def _in_capitals(text: str) -> bool:
    """Letters of a cased script, all capitals (a script without case never is)."""
    return text != text.lower() and text == text.upper()


def headline_text(lines: Sequence[str], index: int, lead: int | None = None) -> str:
    """The headline at ``index`` as a title; a headline set in capitals and broken over several
    lines (a decree's subject printed over five lines, 308_other.txt) is joined with the capital
    lines that follow it, up to the lead."""
    parts = [lines[index]]
    stop = lead if lead is not None else len(lines)
    if _in_capitals(lines[index]):
        for text in lines[index + 1:stop]:
            if not _in_capitals(text) or is_chrome(text) or _FINAL_PUNCTUATION.search(parts[-1]):
                break
            parts.append(text)
    return title_text(" ".join(parts))


def title_text(line: str) -> str:
    """A headline line as a title: without the emoji variation selectors a site leaves where it
    stripped its emoji (``\ufe0f`` runs in front of the words)."""
    return clean.normalise_space(_VARIATION.sub("", line))


def printed_published(lines: Sequence[str], headline_at: int | None, lead: int | None,
                      tz: str | None = None) -> str | None:
    """The page's own date line: any date line between the headline and the lead; above the
    headline only one that does not open with a clock or a weekday (a site header's clock
    and calendar print the time of viewing, not of the story)."""
    stop = lead if lead is not None else min(len(lines), WINDOW)
    if headline_at is not None:
        for index in range(headline_at + 1, stop):
            if found := dates.printed_date(lines[index], tz):
                return found.value
    above = range(0, headline_at) if headline_at is not None else range(0, stop)
    for index in above:
        found = dates.printed_date(lines[index], tz)
        if found and not found.clock and not found.weekday:
            return found.value
    return None
