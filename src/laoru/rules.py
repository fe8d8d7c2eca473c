"""Field rules: the small vocabulary a plugin describes its outlet's page with.

A rule is any callable ``rule(ctx) -> value``; these factories cover what outlets have
in common (a CSS selector, a meta tag, a JSON-LD key, a line pattern in a text capture,
a date in a given format) so that a plugin is a list of fields, not a program.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from lxml import html

from laoru import dates
from laoru.clean import is_caption, normalise_space
from laoru.model import Paragraph
from laoru.selectors import compiled

if TYPE_CHECKING:
    from laoru.plugin import Context

T = TypeVar("T")
Rule = Callable[["Context"], T | None]
"""A field rule giving a ``T`` or ``None`` (nothing found): ``Rule[str]``, ``Rule[list[Paragraph]]``."""

HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
PARAGRAPH_TAGS = frozenset({"p", "div", "blockquote", "li", "pre", "h2", "h3", "h4", "h5", "h6", "td"})


def node_text(node: html.HtmlElement) -> str:
    """Visible text of a node, spaces normalised, ``<br>`` kept as a space."""
    return normalise_space(" ".join(node.itertext()) if len(node) else (node.text or ""))


def _select(ctx: Context, selector: str) -> list[html.HtmlElement]:
    tree = ctx.page.tree
    return [] if tree is None else compiled(selector)(tree)


def css(selector: str, attr: str | None = None) -> Rule[str]:
    """Text (or ``attr``) of the first non-empty node matching ``selector``."""

    def rule(ctx: Context) -> str | None:
        for node in _select(ctx, selector):
            value = node.get(attr) if attr else node_text(node)
            if value and value.strip():
                return normalise_space(value)
        return None

    return rule


def css_all(selector: str, attr: str | None = None) -> Rule[list[str]]:
    """Texts (or ``attr`` values) of every node matching ``selector``, empty ones left out."""

    def rule(ctx: Context) -> list[str]:
        values = (node.get(attr) if attr else node_text(node) for node in _select(ctx, selector))
        return [normalise_space(v) for v in values if v and v.strip()]

    return rule


def meta(*keys: str) -> Rule[str]:
    """The first of ``keys`` present among the page's meta tags (``og:title``, ``article:tag``)."""

    def rule(ctx: Context) -> str | None:
        for key in keys:
            value = ctx.page.meta.get(key.lower())
            if value:
                return normalise_space(value)
        return None

    return rule


def jsonld(*path: str) -> Rule[Any]:
    """A value from the page's JSON-LD article, following ``path`` (``"author", "name"``)."""

    def rule(ctx: Context) -> Any:
        value: Any = ctx.page.jsonld_article()
        for key in path:
            if isinstance(value, list):
                items = [v.get(key) if isinstance(v, dict) else None for v in value]
                value = [v for v in items if v]
            elif isinstance(value, dict):
                value = value.get(key)
            else:
                return None
        return value or None

    return rule


def first(*rules: Rule[T]) -> Rule[T]:
    """The first rule that gives a non-empty value."""

    def rule(ctx: Context) -> T | None:
        for candidate in rules:
            value = candidate(ctx)
            if value:
                return value
        return None

    return rule


def constant(value: T) -> Rule[T]:
    """Always ``value``: a field every page of the outlet shares (its language, say)."""
    return lambda ctx: value


def line(pattern: str, group: int | str = 0) -> Rule[str]:
    """In a text capture: ``group`` of the first line matching ``pattern``."""
    regex = re.compile(pattern)

    def rule(ctx: Context) -> str | None:
        for text in ctx.page.lines:
            match = regex.search(text)
            if match:
                return match.group(group)
        return None

    return rule


def first_line(skip: Sequence[str] = ()) -> Rule[str]:
    """In a text capture: the first line that is not one of the ``skip`` patterns (the title)."""
    skipping = [re.compile(p) for p in skip]

    def rule(ctx: Context) -> str | None:
        for text in ctx.page.lines:
            if not any(p.search(text) for p in skipping):
                return text
        return None

    return rule


def date(source: Rule[str], *formats: str, tz: str | None = None) -> Rule[str]:
    """Parse what ``source`` gives with the first matching format, at the format's precision.

    ``formats`` are ``strptime`` formats, ``"iso"`` (meta tags, JSON-LD) or ``"human"``
    (written-out months in English, Russian or Lao). ``tz`` defaults to the outlet's zone.
    """
    formats = formats or ("iso",)

    def rule(ctx: Context) -> str | None:
        text = source(ctx)
        if not text:
            return None
        zone = tz or ctx.info.tz
        for fmt in formats:
            if fmt == "iso":
                value = dates.parse_iso(text, zone)
            elif fmt == "human":
                value = dates.parse_human(text, zone)
            else:
                value = dates.parse_format(text, fmt, zone)
            if value:
                return value
        ctx.warn(f"date {text!r} matches none of the formats {list(formats)}")
        return None

    return rule


def body(container: str, *, skip: str | None = None, captions: str = "figcaption") -> Rule[list[Paragraph]]:
    """Paragraphs of the first node matching ``container``: ``p``, headings, quotes and list items.

    Nodes matching ``skip`` (share bars, embedded related lists) and ``captions`` are left
    out; captions are collected by :func:`css_all` on their own field.
    """

    def rule(ctx: Context) -> list[Paragraph]:
        roots = _select(ctx, container)
        if not roots:
            return []
        root = roots[0]
        skipped = set(compiled(skip)(root)) if skip else set()
        skipped.update(compiled(captions)(root) if captions else ())
        return list(_paragraphs(root, skipped))

    return rule


def _paragraphs(root: html.HtmlElement, skipped: set[html.HtmlElement]) -> Iterable[Paragraph]:
    """Walk ``root`` yielding the innermost text blocks, each once, with its kind."""
    pending: list[str] = []

    def flush() -> Iterable[Paragraph]:
        text = normalise_space(" ".join(pending))
        pending.clear()
        if text:
            yield Paragraph(text)

    def walk(node: html.HtmlElement) -> Iterable[Paragraph]:
        if node in skipped or not isinstance(node.tag, str) or node.tag in {"script", "style", "figure"}:
            if node.tail and node.tail.strip():
                pending.append(node.tail)
            return
        tag = node.tag
        has_block_child = any(isinstance(c.tag, str) and c.tag in PARAGRAPH_TAGS for c in node)
        if tag in PARAGRAPH_TAGS and not has_block_child:
            yield from flush()
            text = node_text(node)
            if text:
                kind = ("heading" if tag in HEADING_TAGS else "quote" if tag == "blockquote"
                        else "list" if tag == "li" else "text")
                yield Paragraph(text, kind)
        else:
            if node.text and node.text.strip():
                pending.append(node.text)
            for child in node:
                yield from walk(child)
            if tag in PARAGRAPH_TAGS or tag == "br":
                yield from flush()
        if node.tail and node.tail.strip():
            pending.append(node.tail)

    yield from walk(root)
    yield from flush()


def lines_between(start: str | None = None, end: str | None = None, *, include_start: bool = True,
                  after: str | None = None) -> Rule[list[str]]:
    """In a text capture: the lines from the first match of ``start`` up to ``end``.

    ``after`` first skips to the line after that pattern (e.g. past a header block).
    Without ``start`` the region begins at the top (or after ``after``); without ``end``
    it runs to the last line.
    """
    start_re = re.compile(start) if start else None
    end_re = re.compile(end) if end else None
    after_re = re.compile(after) if after else None

    def rule(ctx: Context) -> list[str]:
        lines = ctx.page.lines
        begin = 0
        if after_re is not None:
            begin = next((i + 1 for i, text in enumerate(lines) if after_re.search(text)), 0)
        if start_re is not None:
            found = next((i for i in range(begin, len(lines)) if start_re.search(lines[i])), None)
            if found is None:
                return []
            begin = found if include_start else found + 1
        stop = len(lines)
        if end_re is not None:
            stop = next((i for i in range(begin + 1, len(lines)) if end_re.search(lines[i])), stop)
        return lines[begin:stop]

    return rule


def captions_in(source: Rule[list[str]]) -> Rule[list[str]]:
    """The lines ``source`` gives that read as photo captions (``… (L) meets …``, ``Credit: …``)."""

    def rule(ctx: Context) -> list[str]:
        return [text for text in source(ctx) or () if is_caption(text)]

    return rule
