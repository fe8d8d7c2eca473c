"""Multi-article captures: one saved page holding several articles → one span per article.

A user saves a browser session or a search-results page as one text file: articles from
several outlets with menus, teasers, result lists and a repeated query line between them.
The splitter reads the capture as a sequence of lines of four kinds:

* prose: a sentence-ended line of five words or more (or any line of 25+ words);
* heading: any other short line (a headline, a subhead, a menu entry, a date);
* list: a bulleted or numbered line, and the indented lines that continue it;
* transparent: shared boilerplate (``Share``), captions and credits, and short lines the
  capture repeats three times or more (a search query printed between pages).

A *run* is prose with at most single headings between paragraphs (subheads): a list line
or two headings in a row end it, and the heading just above its first prose line is its
headline. Where each outlet's article begins and ends is not guessed from outlet names
here: every plugin declares it in :attr:`laoru.plugin.Parser.bounds` (``head``, ``lead``,
``end``). An anchored article runs from its start to its ``end`` line when the outlet
declares one (absorbing the outlet's own related lists), else to the end of its prose; a
run no plugin claims is an article of an unknown outlet only if it is long. Everything
outside the articles is chrome: dropped, and counted in a warning on the next article.

Captures with fewer than two articles, HTML pages and forced outlets are returned whole.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from laoru.clean import is_boilerplate, is_caption, is_prose, normalise_space
from laoru.page import Page

if TYPE_CHECKING:
    from laoru.registry import Registry

PROSE, HEADING, LIST, CLEAR = "prose", "heading", "list", "transparent"
REPEATED_LINE_COUNT = 3
REPEATED_LINE_MAX_WORDS = 8
MIN_ANCHORED = (2, 50)
"""An anchored article needs two prose lines or 50 prose words (else it is a teaser)."""
MIN_UNANCHORED = (3, 80)
"""An article no plugin claims needs three prose lines and 80 prose words."""
ROLES = ("head", "lead", "end")

_LIST_ITEM = re.compile(r"^\s*(?:[•·▪►]\s*|[*–—-]\s+|\d{1,2}[.)]\s+)\S")
_INDENTED = re.compile(r"^(?:\s{2,}|\t)\S")
_DATE_LINE = re.compile(r"^(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}"
                        r"|\d{1,2} [A-Z][a-z]{2,8} \d{4})(?:,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$")


@attrs.frozen
class Part:
    """One article's span of a capture, as a page of its own, with what splitting noticed."""

    page: Page
    warnings: tuple[str, ...] = ()


@attrs.frozen
class Line:
    number: int
    """1-based line number in the capture."""
    raw: str
    text: str
    kind: str
    repeated: bool = False


@attrs.frozen
class Anchor:
    index: int
    """Position in the list of non-empty lines."""
    outlet: str
    role: str


@attrs.frozen
class Span:
    first: int
    last: int
    outlet: str | None


def split_page(page: Page, plugins: Registry, *, outlet: str | None = None) -> list[Part]:
    """The articles in ``page``. A forced ``outlet`` or an HTML page is always one article."""
    if outlet or page.is_html:
        return [Part(page)]
    try:
        lines = classify(page.text.splitlines())
        spans = find_articles(lines, find_anchors(lines, plugins))
    except re.error:  # a plugin's bad ``bounds`` regex must not lose the page
        return [Part(page)]
    if len(spans) < 2 or not any(span.outlet for span in spans):
        return [Part(page)]
    return _parts(page, lines, spans)


def classify(raw_lines: Sequence[str]) -> list[Line]:
    """The capture's non-empty lines with their kind (see the module docstring)."""
    texts = [(number, raw, normalise_space(raw)) for number, raw in enumerate(raw_lines, start=1)]
    texts = [(number, raw, text) for number, raw, text in texts if text]
    counts = Counter(text.casefold() for _, _, text in texts)
    lines: list[Line] = []
    for number, raw, text in texts:
        repeated = (counts[text.casefold()] >= REPEATED_LINE_COUNT
                    and len(text.split()) <= REPEATED_LINE_MAX_WORDS and not is_prose(text))
        if _LIST_ITEM.match(raw) or (_INDENTED.match(raw) and lines and lines[-1].kind == LIST):
            kind = LIST
        elif repeated or is_boilerplate(text) or is_caption(text):
            kind = CLEAR
        elif is_prose(text):
            kind = PROSE
        else:
            kind = HEADING
        lines.append(Line(number, raw, text, kind, repeated))
    return lines


def find_anchors(lines: Sequence[Line], plugins: Iterable[object]) -> list[Anchor]:
    """Every line a plugin's ``bounds`` claim, in capture order."""
    patterns: list[tuple[re.Pattern[str], str, str]] = []
    for parser in plugins:
        bounds = getattr(parser, "bounds", None) or {}
        slug = parser.info.slug  # type: ignore[attr-defined]
        patterns.extend((re.compile(bounds[role]), slug, role) for role in ROLES if bounds.get(role))
    return [Anchor(index, slug, role) for index, line in enumerate(lines)
            for regex, slug, role in patterns if regex.search(line.text)]


def find_articles(lines: Sequence[Line], anchors: Sequence[Anchor]) -> list[Span]:
    """The article spans of a capture (indices into ``lines``), in order, without overlaps."""
    starts = sorted(_starts(lines, anchors), key=lambda s: (s.first, s.outlet is None))
    ends = [a for a in anchors if a.role == "end"]
    spans: list[Span] = []
    cursor = 0
    for start in starts:
        if start.first < cursor:
            continue
        later = [s for s in starts if s.first > start.first]
        other = min((s.first for s in later if s.outlet is None or s.outlet != start.outlet), default=len(lines))
        if start.role == "end":
            last = start.anchor
        else:
            end = next((a.index for a in ends if a.outlet == start.outlet and start.first < a.index < other), None)
            last = end if end is not None else _last_prose(lines, start.first,
                                                           min((s.first for s in later), default=len(lines)))
        span = Span(start.first, last, start.outlet)
        if last >= start.first and _long_enough(lines, span, MIN_UNANCHORED if start.outlet is None else MIN_ANCHORED):
            spans.append(span)
            cursor = last + 1
    return spans


@attrs.frozen
class Start:
    first: int
    outlet: str | None
    role: str | None = None
    anchor: int = -1


def _starts(lines: Sequence[Line], anchors: Sequence[Anchor]) -> Iterable[Start]:
    """Candidate article starts: from anchors, and from long prose runs no anchor touches."""
    for anchor in anchors:
        if anchor.role == "head":
            yield Start(anchor.index, anchor.outlet, "head", anchor.index)
        elif anchor.role == "lead" and not _follows_prose(lines, anchor.index):
            yield Start(_headline_above(lines, anchor.index), anchor.outlet, "lead", anchor.index)
        elif (first := _prose_block_above(lines, anchor.index)) is not None:
            yield Start(first, anchor.outlet, "end", anchor.index)
    anchored = {a.index for a in anchors}
    for first, last in _runs(lines):
        touching = {first, last, _previous(lines, first), _next(lines, last)}
        if anchored.isdisjoint(touching) and not any(first <= i <= last for i in anchored) \
                and _long_enough(lines, Span(first, last, None), MIN_UNANCHORED):
            yield Start(first, None)


def _headline_above(lines: Sequence[Line], index: int) -> int:
    """The line a body opening at ``index`` starts from: the heading just above it (a date line
    between the two is stepped over), else ``index`` itself."""
    above = _previous(lines, index)
    if above is not None and _DATE_LINE.match(lines[above].text):
        above = _previous(lines, above)
    return above if above is not None and lines[above].kind == HEADING else index


def _follows_prose(lines: Sequence[Line], index: int) -> bool:
    """A body opening right after prose is running text of some article, not a new one."""
    above = _previous(lines, index)
    return above is not None and lines[above].kind == PROSE


def _prose_block_above(lines: Sequence[Line], index: int) -> int | None:
    """For an ``end`` line: the headline (or first line) of the prose block ending at it."""
    first = None
    position = index if lines[index].kind == PROSE else _previous(lines, index)
    while position is not None and lines[position].kind == PROSE:
        first = position
        position = _previous(lines, position)
    if first is None:
        return None
    return position if position is not None and lines[position].kind == HEADING else first


def _previous(lines: Sequence[Line], index: int) -> int | None:
    """The nearest line above ``index`` that is not transparent."""
    for position in range(index - 1, -1, -1):
        if lines[position].kind != CLEAR:
            return position
    return None


def _next(lines: Sequence[Line], index: int) -> int | None:
    """The nearest line below ``index`` that is not transparent."""
    for position in range(index + 1, len(lines)):
        if lines[position].kind != CLEAR:
            return position
    return None


def _runs(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Runs of prose with single subheads: ``(first, last)``, ``first`` being the headline if any."""
    runs: list[tuple[int, int]] = []
    headline: int | None = None
    first: int | None = None
    last = -1  # the run's last prose line, set with its first
    pending: list[int] = []  # headings since the last prose line
    for index, line in enumerate(lines):
        if line.kind == CLEAR:
            continue
        if line.kind == PROSE:
            if first is None:
                first = headline if headline is not None else index
            elif len(pending) > 1:
                runs.append((first, last))
                first = pending[-1]
            last, pending, headline = index, [], None
            continue
        if line.kind == HEADING:
            pending.append(index)
            headline = index
            if first is not None and len(pending) < 2:
                continue
        if first is not None:
            runs.append((first, last))
        first = None
        pending = [index] if line.kind == HEADING else []
        headline = index if line.kind == HEADING else None
    if first is not None:
        runs.append((first, last))
    return runs


def _last_prose(lines: Sequence[Line], first: int, limit: int) -> int:
    """Where an article without an ``end`` line stops: its run's last prose line before ``limit``."""
    for run_first, run_last in _runs(lines):
        if run_first <= first <= run_last or first < run_first < limit:
            stop = min(run_last, limit - 1)
            while stop > first and lines[stop].kind != PROSE:
                stop -= 1
            return stop
    return first - 1


def _long_enough(lines: Sequence[Line], span: Span, minimum: tuple[int, int]) -> bool:
    """Enough prose to be an article: both minimums for an unclaimed run, either for a claimed one."""
    prose = [lines[i].text for i in range(span.first, span.last + 1) if lines[i].kind == PROSE]
    count, words = len(prose) >= minimum[0], sum(len(text.split()) for text in prose) >= minimum[1]
    return (count and words) if minimum == MIN_UNANCHORED else (count or words)


def _parts(page: Page, lines: Sequence[Line], spans: Sequence[Span]) -> list[Part]:
    parts: list[Part] = []
    previous_last = -1
    for number, span in enumerate(spans, start=1):
        kept = [line for line in lines[span.first:span.last + 1] if not line.repeated]
        removed = [line for line in lines[span.first:span.last + 1] if line.repeated]
        first, last = lines[span.first].number, lines[span.last].number
        warnings = [f"split from a multi-article capture: article {number} of {len(spans)}, lines {first}–{last}"]
        warnings.extend(_chrome_note(lines[previous_last + 1:span.first], "before"))
        if number == len(spans):
            warnings.extend(_chrome_note(lines[span.last + 1:], "after"))
        if removed:
            warnings.append(f"{len(removed)} line(s) the capture repeats between pages removed inside this "
                            f"article ({removed[0].text!r})")
        text = "\n\n".join(line.raw.rstrip() for line in kept) + "\n"
        part_page = Page(source=f"{page.source}#L{first}-L{last}", text=text, is_html=False,
                         raw=text.encode("utf-8"), charset=page.charset)
        parts.append(Part(part_page, tuple(warnings)))
        previous_last = span.last
    return parts


def _chrome_note(chrome: Sequence[Line], where: str) -> list[str]:
    if not chrome:
        return []
    lines = "line" if len(chrome) == 1 else "lines"
    return [f"{len(chrome)} {lines} of capture chrome {where} this article dropped "
            f"(lines {chrome[0].number}–{chrome[-1].number}, from {chrome[0].text[:80]!r})"]
