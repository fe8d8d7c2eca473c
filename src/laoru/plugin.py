"""What a parser plugin is: an outlet's description plus one layout per page design.

A plugin subclasses :class:`Parser`, is decorated with :func:`outlet`, and declares its
layouts as inner classes of :class:`HTMLLayout` or :class:`TextLayout`. Each layout is a
list of field rules (see :mod:`laoru.rules`); an outlet redesign adds a layout with a
``since`` date, and older pages keep the older layout. The core does the rest: routing,
running the rules, shared boilerplate filtering and assembling the Document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

import attrs

from laoru import clean, dates
from laoru.assemble import assemble
from laoru.model import Document
from laoru.page import Page

FIELDS: tuple[str, ...] = (
    "url", "language", "title", "subtitle", "published", "modified", "authors", "dateline",
    "paragraphs", "captions", "tags", "related", "metadata",
)
"""Fields a layout may declare, in the order they are extracted (a later rule may read
``ctx.found`` for an earlier one, e.g. a dateline resolved against ``published``)."""


@attrs.frozen
class OutletInfo:
    """What an outlet is: its slug, name, domains, languages and local time zone."""

    slug: str
    name: str
    domains: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    tz: str | None = None
    version: str = "1.0"


def outlet(slug: str, *, name: str, domains: tuple[str, ...] | list[str] = (),
           languages: tuple[str, ...] | list[str] = (), tz: str | None = None,
           version: str = "1.0") -> Callable[[type[Parser]], type[Parser]]:
    """Declare the outlet a :class:`Parser` subclass reads."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise ValueError(f"outlet slug must be lower-case letters, digits and dashes: {slug!r}")
    dates.tzinfo(tz)  # fail at import, not on the first page

    def decorate(cls: type[Parser]) -> type[Parser]:
        cls.info = OutletInfo(slug, name, tuple(domains), tuple(languages), tz, version)
        return cls

    return decorate


def required_text(regex: re.Pattern[str]) -> str | None:
    """The longest literal every match of ``regex`` contains, if it has one (else ``None``).

    A page is scored against every plugin's signatures when its domain is unknown; a plain
    ``in`` test on this literal skips the regex search (which tries every position of a
    100 kB page) for the signatures that cannot match. Read from the parsed pattern: a
    run of literal characters at its top level is in every match; case-blind patterns
    have none.
    """
    try:
        parsed = re._parser.parse(regex.pattern, regex.flags)  # type: ignore[attr-defined]
        literal = re._constants.LITERAL  # type: ignore[attr-defined]
    except Exception:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    best = run = ""
    for op, value in parsed:
        run = run + chr(value) if op is literal else ""
        best = max(best, run, key=len)
    return best or None


class Layout:
    """One page design of an outlet: a rule per field, as class attributes.

    Layouts are used as classes, never instantiated, so a custom rule is a plain function
    of the context written in the class body: ``def title(ctx): ...``.

    ``since``/``until`` (ISO dates, ``until`` exclusive) say which pages it reads when an
    outlet has several layouts of the same kind; ``detect`` (a regex on the page text)
    restricts a layout to pages that show it.
    """

    kind: ClassVar[str] = "html"
    since: ClassVar[str | None] = None
    until: ClassVar[str | None] = None
    detect: ClassVar[str | None] = None

    @classmethod
    def covers(cls, published: str | None) -> bool:
        if not published or published.startswith("--"):
            return cls.since is None
        day = published[:10]
        return (cls.since is None or day >= cls.since) and (cls.until is None or day < cls.until)


class HTMLLayout(Layout):
    kind = "html"


class TextLayout(Layout):
    kind = "text"


@attrs.define
class Context:
    """What a rule sees: the page, the outlet, the fields found so far, and a place to warn."""

    page: Page
    info: OutletInfo
    found: dict[str, Any] = attrs.field(factory=dict)
    warnings: list[str] = attrs.field(factory=list)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


class Parser:
    """Base of every outlet plugin. Subclasses set ``info`` (via :func:`outlet`),
    ``signatures``, ``boilerplate`` and layouts."""

    info: ClassVar[OutletInfo]
    signatures: ClassVar[dict[str, float]] = {}
    """Regex → weight: how strongly a match in a text capture says "this outlet"."""
    boilerplate: ClassVar[tuple[str, ...]] = ()
    """Whole-line regexes that are chrome on this outlet only (shared ones live in ``clean``)."""
    bounds: ClassVar[dict[str, str]] = {}
    """Where one of this outlet's articles sits in a multi-article text capture (:mod:`laoru.split`):
    regexes on a whole line for ``head`` (the article's first line, e.g. a masthead), ``lead``
    (its body's first line; the headline is the line just above) and ``end`` (its last line)."""

    def __init__(self) -> None:
        self._signatures = [(regex, w, required_text(regex))
                            for regex, w in ((re.compile(p, re.MULTILINE), w) for p, w in self.signatures.items())]
        self._boilerplate = clean.compile_patterns(self.boilerplate)

    @classmethod
    def layouts(cls) -> list[type[Layout]]:
        """The layouts declared on this class and its bases, in declaration order."""
        found: list[type[Layout]] = []
        for klass in reversed(cls.__mro__):
            for value in vars(klass).values():
                if isinstance(value, type) and issubclass(value, Layout) and value not in found:
                    found.append(value)
        return found

    def _layouts_of_kind(self, kind: str) -> list[type[Layout]]:
        """:meth:`layouts` of one kind, listed once per plugin instance rather than per page."""
        cache = self.__dict__.setdefault("_layout_cache", {})
        if kind not in cache:
            cache[kind] = [layout for layout in self.layouts() if layout.kind == kind]
        return list(cache[kind])

    @property
    def name(self) -> str:
        return f"{self.info.slug}@{self.info.version}"

    def handles_domain(self, domain: str | None) -> bool:
        if not domain:
            return False
        return any(domain == d or domain.endswith("." + d) for d in self.info.domains)

    def score(self, page: Page) -> float:
        """Evidence that ``page`` is this outlet's: the summed weights of matching signatures."""
        text = page.text
        return float(sum(weight for regex, weight, needle in self._signatures
                         if (needle is None or needle in text) and regex.search(text)))

    def choose_layout(self, page: Page) -> type[Layout] | None:
        """The layout for this page: right kind, ``detect`` matching, ``published`` in range."""
        kind = "html" if page.is_html else "text"
        candidates = self._layouts_of_kind(kind)
        detected = [c for c in candidates if c.detect and re.search(c.detect, page.text, re.MULTILINE)]
        candidates = detected or [c for c in candidates if not c.detect]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        for candidate in candidates:
            rule = getattr(candidate, "published", None)
            published = rule(Context(page, self.info)) if rule else None
            if published and candidate.covers(published):
                return candidate
        return candidates[-1]

    def extract(self, page: Page) -> tuple[dict[str, Any], list[str], type[Layout] | None]:
        """Run the chosen layout's rules. A failing rule becomes a warning, never an exception."""
        layout = self.choose_layout(page)
        ctx = Context(page, self.info)
        if layout is None:
            ctx.warn(f"{self.info.slug} has no layout for {'HTML' if page.is_html else 'text'} pages")
            return ctx.found, ctx.warnings, None
        for field in FIELDS:
            rule = getattr(layout, field, None)
            if rule is None:
                continue
            try:
                ctx.found[field] = rule(ctx)
            except Exception as exc:  # a plugin bug must not lose the page
                ctx.warn(f"{field}: {type(exc).__name__}: {exc}")
        return ctx.found, ctx.warnings, layout

    def parse(self, page: Page, **route: Any) -> Document:
        """The page as a Document. ``route`` (how this plugin was chosen) goes into metadata."""
        found, warnings, layout = self.extract(page)
        return assemble(
            outlet=self.info.slug,
            parser=self.name,
            layout=layout.__name__ if layout else None,
            page=page,
            found=found,
            warnings=warnings,
            boilerplate=self._boilerplate,
            default_language=self.info.languages[0] if len(self.info.languages) == 1 else None,
            route=route,
        )
