"""Field rules for text captures: where a field stands among a capture's lines.

The text twin of the HTML vocabulary in :mod:`laoru.rules`: a capture layout names the
lines a field comes from (the headline, the printed date, the story from its lead to a
closing marker) instead of looping over ``ctx.page.lines`` itself. The chrome that any
capture carries (:mod:`laoru.clean`, :mod:`laoru.headline`) is left out here; what is
chrome on one outlet only is the plugin's ``boilerplate``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from laoru import clean, dates, headline
from laoru.model import Dateline, Paragraph

if TYPE_CHECKING:
    from laoru.plugin import Context
    from laoru.rules import Rule


WIRE_AGENCIES = r"(?:ТАСС|РИА Новости|«?Интерфакс»?|ПРАЙМ|Sputnik|Спутник|RT)"
"""The wire agencies a reprint credits by name."""
_TRAILING_SOURCE = re.compile(r"\s\((?:[\w-]+\.)+[a-z]{2,6}\)$|(?<=[.!?»”\"])\s*[-–—]\s?[A-Z]{2,5}$"
                              rf"|(?<=[.!?»”\"])\s+Об этом (?:сообщает|сообщило|сообщили|пишет) (?:агентство )?"
                              rf"{WIRE_AGENCIES}\.$")
"""A source credit closing a paragraph: a site (``… для СМИ. (rbc.ru)``), an agency's code
after a dash (``… ChoummalySayasone. -AVI``), or a reprint's credit to a wire agency
(``… в столице азиатской страны Вьентьяне. Об этом сообщает ТАСС.``, 311_other.txt)."""
_CREDIT = re.compile(r"^(?:Фото|Photo|Foto)\s*:", re.IGNORECASE)


REPRINT_PREFIX, REPRINT_WINDOW = 60, 8
"""A lead printed again within this many lines, its first this many characters the same."""


def _reprinted_lead(lines: Sequence[str], lead: int) -> int:
    """The lead's second print when the page shows it first as a teaser, with the photo's caption,
    and then prints the article (227_sputnik.txt): the story starts at the second print, and the
    teaser and caption between are not body. Compared on a prefix: the teaser's wording may end
    otherwise ("… diplomatic department reports." / "… Foreign Ministry reports.")."""
    head = clean.paragraph_key(lines[lead])[:REPRINT_PREFIX]
    if len(head) < REPRINT_PREFIX:
        return lead
    for index in range(lead + 1, min(len(lines), lead + REPRINT_WINDOW)):
        if clean.paragraph_key(lines[index]).startswith(head):
            return index
    return lead


def _compiled(patterns: Sequence[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _lead(ctx: Context, opener: re.Pattern[str] | None) -> int | None:
    """The story's first line: the first line matching ``opener`` (a dateline), else the first prose line."""
    lines = ctx.page.lines
    if opener is not None:
        found = next((i for i, text in enumerate(lines) if opener.search(text)), None)
        if found is not None:
            return found
    return headline.lead_index(lines)


def title_line(*, opener: str | None = None, skip: Sequence[str] = (), topmost: bool = False) -> Rule[str]:
    """The headline above the story's lead (``opener``, e.g. a dateline), skipping the outlet's
    own chrome lines ``skip``; empty, with a warning, when the capture shows none. ``topmost``:
    the outlet prints a standfirst under its headline, so the first candidate line is the headline."""
    opener_re, skip_re = (re.compile(opener) if opener else None), _compiled(skip)

    def rule(ctx: Context) -> str | None:
        lines = ctx.page.lines
        lead = _lead(ctx, opener_re)
        view = [text if skip_re is None or not skip_re.search(text) else "" for text in lines]
        index = headline.headline_index([text or "-" for text in view], lead, topmost=topmost)
        if index is None:
            ctx.warn("no headline line in the capture; title left empty")
            return None
        return headline.headline_text(lines, index, lead)

    return rule


def printed_date_line(*, window: int = headline.WINDOW) -> Rule[str]:
    """The first line of the top ``window`` lines that prints a date as its subject
    (``10 Jan 2019 10:02``, ``2025-09-04T10:29+0000``), at the outlet's zone when timed."""

    def rule(ctx: Context) -> str | None:
        lead = headline.lead_index(ctx.page.lines)
        top = ctx.page.lines[:window]
        published = headline.printed_published(top, headline.headline_index(top, lead), lead, ctx.info.tz)
        if published:
            return published
        for text in top:
            if (found := dates.printed_date(text, ctx.info.tz)) and not (found.clock or found.weekday):
                return found.value
        return None

    return rule


def story(*, opener: str | None = None, end: str | None = None, drop: Sequence[str] = (),
          teaser: bool = False) -> Rule[list[str]]:
    """The story's lines: from its lead (the ``opener`` line, else the first prose line) up to
    the ``end`` marker, keeping prose and lines that introduce a quote or list (``…:``).

    ``drop``: the outlet's chrome that the capture runs into a paragraph (a sponsor line, a
    follow prompt), cut out of the line; a source credit closing a line (``… (rbc.ru)``) is
    cut on every outlet. ``teaser``: the outlet prints its lead first as a teaser with the
    photo's caption, then the article (:func:`_reprinted_lead`).
    """
    opener_re, end_re = (re.compile(opener) if opener else None), (re.compile(end) if end else None)
    drop_re = re.compile("|".join([*(f"(?:{p})" for p in drop), _TRAILING_SOURCE.pattern]))

    def rule(ctx: Context) -> list[str]:
        lines = ctx.page.lines
        lead = _lead(ctx, opener_re)
        if lead is None:
            return []
        if teaser:
            lead = _reprinted_lead(lines, lead)
        if lead > 0 and lines[lead - 1].endswith(":") and is_story_line(lines[lead - 1]):
            lead -= 1  # the line introducing the quote the story opens with ("… говорится:")
        out: list[str] = []
        for index in range(lead, len(lines)):
            text = lines[index]
            if end_re is not None and out and end_re.search(text):
                break
            credited = index + 1 < len(lines) and _CREDIT.match(lines[index + 1])
            cut = clean.normalise_space(drop_re.sub(" ", text))  # "… militar. – VNA" is prose once cut
            if is_story_line(cut) and not credited:  # a line over a photo credit is its caption
                out.append(cut)
        return out

    return rule


def is_story_line(text: str) -> bool:
    """Prose, or a line of three words or more introducing a quote or list, that is not chrome."""
    body_like = clean.is_prose(text) or (text.endswith(":") and len(text.split()) >= 3)
    return body_like and not headline.is_chrome(text)


# --- Positional line rules: what a capture layout names instead of looping over the lines ---


def line_at(index: int) -> Rule[str]:
    """The line at ``index`` (``0`` the first, ``-1`` the last), or ``None`` past the end."""

    def rule(ctx: Context) -> str | None:
        lines = ctx.page.lines
        return lines[index] if -len(lines) <= index < len(lines) else None

    return rule


def after_title(*, until: Marker | None = None, skip_leading: Marker | None = None) -> Rule[list[str]]:
    """The lines after the title line (``ctx.found["title"]``; every line when the title is not
    one of them): leading lines matching ``skip_leading`` dropped, then up to the first line
    matching ``until``."""
    ending = _test(until) if until is not None else None
    skipping = _test(skip_leading) if skip_leading is not None else None

    def rule(ctx: Context) -> list[str]:
        lines = ctx.page.lines
        title = ctx.found.get("title")
        rest = lines[lines.index(title) + 1:] if title in lines else list(lines)
        start = 0
        while skipping is not None and start < len(rest) and skipping(rest[start]):
            start += 1
        stop = next((i for i in range(start, len(rest)) if ending is not None and ending(rest[i])), len(rest))
        return rest[start:stop]

    return rule


BULLET = re.compile(r"^•\s*")


def bullets(source: Rule[list[str]] | None = None, *, leading: bool = False) -> Rule[list[str]]:
    """The first run of bulleted lines (``• item``) among the lines ``source`` gives (default: all
    lines), without their bullets: a related list or a tag list after the story. ``leading``:
    only a run that starts at the first line."""

    def rule(ctx: Context) -> list[str]:
        items: list[str] = []
        for text in (source(ctx) or []) if source is not None else ctx.page.lines:
            if BULLET.match(text):
                items.append(clean.normalise_space(BULLET.sub("", text)))
            elif items or leading:
                break
        return items

    return rule


def with_subheads(source: Rule[list[str]], is_subhead: Callable[[str], bool]) -> Rule[list[Paragraph]]:
    """Paragraphs from the lines ``source`` gives; a line ``is_subhead`` accepts after the first
    one is a ``heading`` (a capture keeps subheads as short lines between paragraphs)."""

    def rule(ctx: Context) -> list[Paragraph]:
        out: list[Paragraph] = []
        for text in source(ctx) or ():
            out.append(Paragraph(clean.normalise_space(text), "heading" if out and is_subhead(text) else "text"))
        return out

    return rule


# --- Lines placed by a marker line (a date line under the title, a byline closing the story) ---

Marker = str | re.Pattern[str] | Callable[[str], bool]
"""A line marker: a regex (searched), or a predicate on the line."""


def _test(marker: Marker) -> Callable[[str], bool]:
    if callable(marker) and not isinstance(marker, re.Pattern):
        return marker
    regex = re.compile(marker) if isinstance(marker, str) else marker
    return lambda text: bool(regex.search(text))


def _find(lines: Sequence[str], test: Callable[[str], bool], window: int | None) -> int | None:
    return next((i for i, text in enumerate(lines[:window]) if test(text)), None)


def line_matching(marker: Marker, *, window: int | None = None) -> Rule[str]:
    """The first line (of the top ``window``) that ``marker`` accepts."""
    test = _test(marker)

    def rule(ctx: Context) -> str | None:
        index = _find(ctx.page.lines, test, window)
        return ctx.page.lines[index] if index is not None else None

    return rule


def line_before(marker: Marker, *, window: int | None = None, otherwise: int | None = None) -> Rule[str]:
    """The line just above the first ``marker`` line (a headline over its date line); when no
    line below the first is a marker, the line at ``otherwise`` (or nothing)."""
    test = _test(marker)

    def rule(ctx: Context) -> str | None:
        lines = ctx.page.lines
        index = _find(lines, test, window)
        if index:
            return lines[index - 1]
        return lines[otherwise] if otherwise is not None and -len(lines) <= otherwise < len(lines) else None

    return rule


def lines_after(marker: Marker, *, window: int | None = None, skip: Marker | None = None,
                until: Marker | None = None, otherwise: int = 0) -> Rule[list[str]]:
    """The lines after the first ``marker`` line (from line ``otherwise`` when there is none): one
    ``skip`` line right after it dropped (a document number), up to the first ``until`` line."""
    test, skipping = _test(marker), _test(skip) if skip is not None else None
    ending = _test(until) if until is not None else None

    def rule(ctx: Context) -> list[str]:
        lines = ctx.page.lines
        index = _find(lines, test, window)
        start = index + 1 if index is not None else otherwise
        if skipping is not None and start < len(lines) and skipping(lines[start]):
            start += 1
        stop = next((i for i in range(start, len(lines)) if ending is not None and ending(lines[i])), len(lines))
        return lines[start:stop]

    return rule


def _prose_block(lines: Sequence[str], closer: Callable[[str], bool]) -> tuple[int, int | None] | None:
    """Start of the prose block the first ``closer`` line ends, and that line's index; without
    a closer, the first prose line and ``None``."""
    end = _find(lines, closer, None)
    if end is None:
        start = next((i for i, text in enumerate(lines) if clean.is_prose(text)), None)
        return None if start is None else (start, None)
    start = end
    while start > 0 and clean.is_prose(lines[start - 1]):
        start -= 1
    return (start, end) if start < end else None


def prose_closed_by(closer: Marker) -> Rule[list[str]]:
    """The story that a closing line ends (a byline printed after the text): the run of prose
    right above the first ``closer`` line; without one, the prose lines from the first on."""
    test = _test(closer)

    def rule(ctx: Context) -> list[str]:
        lines = ctx.page.lines
        bounds = _prose_block(lines, test)
        if bounds is None:
            return []
        start, end = bounds
        return list(lines[start:end]) if end is not None else [text for text in lines[start:] if clean.is_prose(text)]

    return rule


def heading_over_prose_closed_by(closer: Marker) -> Rule[str]:
    """The line just above the story :func:`prose_closed_by` finds: its headline."""
    test = _test(closer)

    def rule(ctx: Context) -> str | None:
        bounds = _prose_block(ctx.page.lines, test)
        return ctx.page.lines[bounds[0] - 1] if bounds and bounds[0] else None

    return rule


def lines_from(marker: Marker, *, until: Marker | None = None, without: Marker | None = None,
               after: Marker | None = None) -> Rule[list[str]]:
    """The lines from the first ``marker`` line (the first one at or below the first ``after``
    line) up to the first ``until`` line after it, the ``without`` lines left out (a header
    strip repeated inside the story)."""
    test = _test(marker)
    ending = _test(until) if until is not None else None
    dropping = _test(without) if without is not None else None
    below = _test(after) if after is not None else None

    def rule(ctx: Context) -> list[str]:
        lines = ctx.page.lines
        first = 0 if below is None else _find(lines, below, None)
        start = None if first is None else next((i for i in range(first, len(lines)) if test(lines[i])), None)
        if start is None:
            return []
        stop = next((i for i in range(start, len(lines)) if ending is not None and ending(lines[i])), len(lines))
        return [text for text in lines[start:stop] if dropping is None or not dropping(text)]

    return rule


def _first_match(pattern: str) -> Callable[[Context], re.Match[str] | None]:
    compiled = re.compile(pattern)
    return lambda ctx: next((m for m in map(compiled.match, ctx.page.lines) if m), None)


def dateline_line(pattern: str) -> Rule[Dateline]:
    """The first line matching a wire dateline with ``place`` and ``date`` groups, as a Dateline."""
    match_of = _first_match(pattern)

    def rule(ctx: Context) -> Dateline | None:
        match = match_of(ctx)
        return Dateline(place=match["place"].strip(), date=match["date"]) if match else None

    return rule


def dateline_day(pattern: str) -> Rule[str]:
    """The dateline's day as a date (yearless ``--09-04`` unless the page gives a full date)."""
    match_of = _first_match(pattern)

    def rule(ctx: Context) -> str | None:
        match = match_of(ctx)
        return dates.parse_human(match["date"]) if match else None

    return rule
