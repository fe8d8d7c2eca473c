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
from laoru.model import Paragraph

if TYPE_CHECKING:
    from laoru.plugin import Context
    from laoru.rules import Rule


_TRAILING_SOURCE = re.compile(r"\s\((?:[\w-]+\.)+[a-z]{2,6}\)$|(?<=[.!?»”\"])\s*[-–—]\s?[A-Z]{2,5}$")
"""A source credit closing a paragraph: a site (``… для СМИ. (rbc.ru)``) or an agency's code
after a dash (``… ChoummalySayasone. -AVI``)."""
_CREDIT = re.compile(r"^(?:Фото|Photo|Foto)\s*:", re.IGNORECASE)


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
        return lines[index]

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


def story(*, opener: str | None = None, end: str | None = None, drop: Sequence[str] = ()) -> Rule[list[str]]:
    """The story's lines: from its lead (the ``opener`` line, else the first prose line) up to
    the ``end`` marker, keeping prose and lines that introduce a quote or list (``…:``).

    ``drop``: the outlet's chrome that the capture runs into a paragraph (a sponsor line, a
    follow prompt), cut out of the line; a source credit closing a line (``… (rbc.ru)``) is
    cut on every outlet.
    """
    opener_re, end_re = (re.compile(opener) if opener else None), (re.compile(end) if end else None)
    drop_re = re.compile("|".join([*(f"(?:{p})" for p in drop), _TRAILING_SOURCE.pattern]))

    def rule(ctx: Context) -> list[str]:
        lines = ctx.page.lines
        lead = _lead(ctx, opener_re)
        if lead is None:
            return []
        if lead > 0 and lines[lead - 1].endswith(":") and is_story_line(lines[lead - 1]):
            lead -= 1  # the line introducing the quote the story opens with ("… говорится:")
        out: list[str] = []
        for index in range(lead, len(lines)):
            text = lines[index]
            if end_re is not None and out and end_re.search(text):
                break
            credited = index + 1 < len(lines) and _CREDIT.match(lines[index + 1])
            if is_story_line(text) and not credited:  # a line over a photo credit is its caption
                out.append(clean.normalise_space(drop_re.sub(" ", text)))
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


def after_title(*, until: str | None = None, skip_leading: str | None = None) -> Rule[list[str]]:
    """The lines after the title line (``ctx.found["title"]``; every line when the title is not
    one of them): leading lines matching ``skip_leading`` dropped, then up to the first line
    matching ``until``."""
    until_re = re.compile(until) if until else None
    skip_re = re.compile(skip_leading) if skip_leading else None

    def rule(ctx: Context) -> list[str]:
        lines = ctx.page.lines
        title = ctx.found.get("title")
        rest = lines[lines.index(title) + 1:] if title in lines else list(lines)
        start = 0
        while skip_re is not None and start < len(rest) and skip_re.search(rest[start]):
            start += 1
        stop = next((i for i in range(start, len(rest)) if until_re is not None and until_re.search(rest[i])),
                    len(rest))
        return rest[start:stop]

    return rule


BULLET = re.compile(r"^•\s*")


def bullets(source: Rule[list[str]] | None = None) -> Rule[list[str]]:
    """The first run of bulleted lines (``• item``) among the lines ``source`` gives (default: all
    lines), without their bullets: a related list or a tag list after the story."""

    def rule(ctx: Context) -> list[str]:
        items: list[str] = []
        for text in (source(ctx) or []) if source is not None else ctx.page.lines:
            if BULLET.match(text):
                items.append(clean.normalise_space(BULLET.sub("", text)))
            elif items:
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
