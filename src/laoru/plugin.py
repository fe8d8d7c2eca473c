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
from typing import Any, ClassVar, TypedDict, TypeVar

import attrs

from laoru import clean, dates
from laoru.assemble import assemble
from laoru.literals import holds_any, required_words
from laoru.model import Dateline, Document, Paragraph, Related
from laoru.page import Page
from laoru.rules import Rule
from laoru.typecheck import type_error


class _RelatedDictOptional(TypedDict, total=False):
    url: str | None
    published: str | None


class RelatedDict(_RelatedDictOptional):
    """A related-news item written as a dict: ``title`` required, ``url`` and ``published`` optional."""

    title: str


FIELD_TYPES: dict[str, Any] = {
    "url": str,
    "language": str,
    "title": str,
    "subtitle": str,
    "published": str,
    "modified": str,
    "authors": str | list[str | dict[str, Any]],  # a byline to split, or names (JSON-LD person objects)
    "dateline": Dateline | tuple[str | None, str | None] | dict[str, Any],
    "paragraphs": list[Paragraph | str],
    "captions": list[str],
    "tags": str | list[str],  # a string is a comma-separated list (the ``keywords`` meta)
    "related": list[Related | str | RelatedDict],
    "metadata": dict[str, Any],
}
"""The contract: what each field's rule may return (``None`` always means "not found").
A value of another type becomes a warning naming the plugin, layout and field, and the field
stays empty: a ``paragraphs`` rule returning one string must not become a list of characters."""

FIELDS: tuple[str, ...] = tuple(FIELD_TYPES)
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


def _type_name(hint: Any) -> str:
    """``list[Paragraph | str]`` rather than ``list[laoru.model.Paragraph | str]``."""
    return re.sub(r"\b(?:[a-z_]+\.)+", "", str(hint).replace("typing.", ""))


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

    # The rules a layout may declare, with the type mypy checks them against (see FIELD_TYPES).
    url: ClassVar[Rule[str] | None] = None
    language: ClassVar[Rule[str] | None] = None
    title: ClassVar[Rule[str] | None] = None
    subtitle: ClassVar[Rule[str] | None] = None
    published: ClassVar[Rule[str] | None] = None
    modified: ClassVar[Rule[str] | None] = None
    authors: ClassVar[Rule[str | list[str]] | None] = None
    dateline: ClassVar[Rule[Dateline | tuple[str | None, str | None]] | None] = None
    paragraphs: ClassVar[Rule[list[Paragraph] | list[str]] | None] = None
    captions: ClassVar[Rule[list[str]] | None] = None
    tags: ClassVar[Rule[str | list[str]] | None] = None
    related: ClassVar[Rule[list[Related] | list[str] | list[RelatedDict]] | None] = None
    metadata: ClassVar[Rule[dict[str, Any]] | None] = None

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


T = TypeVar("T")


@attrs.define
class Context:
    """What a rule sees: the page, the outlet, the fields found so far, and a place to warn."""

    page: Page
    info: OutletInfo
    found: dict[str, Any] = attrs.field(factory=dict)
    warnings: list[str] = attrs.field(factory=list)
    computed: dict[Callable[[Context], Any], Any] = attrs.field(factory=dict)
    """What :meth:`once` computed on this page, by the function that computed it."""

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def once(self, compute: Callable[[Context], T]) -> T:
        """``compute(ctx)``, run once per page: several rules of a layout read one costly
        extraction (the generic plugin's trafilatura output) without running it again."""
        if compute not in self.computed:
            self.computed[compute] = compute(self)
        result: T = self.computed[compute]
        return result


class Parser:
    """Base of every outlet plugin. Subclasses set ``info`` (via :func:`outlet`),
    ``signatures``, ``boilerplate`` and layouts."""

    info: ClassVar[OutletInfo]
    signatures: ClassVar[dict[str, float]] = {}
    """Regex → weight: how strongly a match in a text capture says "this outlet"."""
    boilerplate: ClassVar[tuple[str, ...]] = ()
    """Whole-line regexes that are chrome on this outlet only (shared ones live in ``clean``)."""
    feeds: ClassVar[tuple[str, ...]] = ()
    """RSS/Atom feeds the outlet publishes (from its own documentation): ``laoru fetch --outlet``."""
    sitemaps: ClassVar[tuple[str, ...]] = ()
    """Sitemaps or sitemap indexes the outlet publishes: ``laoru fetch --outlet``."""
    bounds: ClassVar[dict[str, str]] = {}
    """Where one of this outlet's articles sits in a multi-article text capture (:mod:`laoru.split`):
    regexes on a whole line for ``head`` (the article's first line, e.g. a masthead), ``lead``
    (its body's first line; the headline is the line just above) and ``end`` (its last line)."""

    def __init__(self) -> None:
        self._signatures = [(re.compile(pattern, re.MULTILINE), weight, required_words(pattern))
                            for pattern, weight in self.signatures.items()]
        self._boilerplate = clean.compile_patterns(self.boilerplate)
        layouts = self.layouts()
        self._layouts_by_kind: dict[str, list[type[Layout]]] = {
            kind: [layout for layout in layouts if layout.kind == kind] for kind in ("html", "text")}

    @classmethod
    def layouts(cls) -> list[type[Layout]]:
        """The layouts declared on this class and its bases, in declaration order."""
        found: list[type[Layout]] = []
        for klass in reversed(cls.__mro__):
            for value in vars(klass).values():
                if isinstance(value, type) and issubclass(value, Layout) and value not in found:
                    found.append(value)
        return found

    @property
    def name(self) -> str:
        return f"{self.info.slug}@{self.info.version}"

    def handles_domain(self, domain: str | None) -> bool:
        if not domain:
            return False
        return any(domain == d or domain.endswith("." + d) for d in self.info.domains)

    def score(self, page: Page) -> float:
        """Evidence that ``page`` is this outlet's: the summed weights of matching signatures.

        A signature is searched only when the page holds one of its words (speed path,
        :mod:`laoru.literals`: a page without a known domain is scored by every plugin).
        """
        text = page.text
        return float(sum(weight for regex, weight, words in self._signatures
                         if holds_any(words, text) and regex.search(text)))

    def choose_layout(self, page: Page, warnings: list[str] | None = None) -> type[Layout] | None:
        """The layout for this page: right kind, ``detect`` matching, ``published`` in range.

        Each candidate's ``published`` rule runs through :meth:`run_rule`: a failing rule
        is reported to ``warnings`` (the page's) and never escapes layout choice either; the
        rule's own remarks on a layout not chosen are not the page's and are dropped.
        """
        candidates = self._layouts_by_kind["html" if page.is_html else "text"]
        detected = [c for c in candidates if c.detect and re.search(c.detect, page.text, re.MULTILINE)]
        candidates = detected or [c for c in candidates if not c.detect]
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        report = warnings.append if warnings is not None else None
        for candidate in candidates:
            published = self.run_rule(candidate, "published", Context(page, self.info), report)
            if published and candidate.covers(published):
                return candidate
        return candidates[-1]

    def run_rule(self, layout: type[Layout], field: str, ctx: Context,
                 report: Callable[[str], None] | None = None) -> Any:
        """The guard every rule call goes through: ``layout``'s rule for ``field`` on ``ctx``.

        A rule that raises, or returns a value outside :data:`FIELD_TYPES`, gives ``None`` and
        a warning naming the plugin, layout and field (to ``report``, by default the page's
        warnings): a plugin bug never loses the page.
        """
        rule = getattr(layout, field, None)
        if rule is None:
            return None
        warn = report or ctx.warn
        where = f"{self.info.slug} {layout.__name__}.{field}"
        try:
            value = rule(ctx)
        except Exception as exc:  # a plugin bug must not lose the page
            warn(f"{where}: {type(exc).__name__}: {exc}")
            return None
        if value is None:
            return None
        error = type_error(value, FIELD_TYPES[field])
        if error is not None:
            warn(f"{where}: the rule gave {type(value).__name__}, not {_type_name(FIELD_TYPES[field])} "
                 f"({error}); field left empty")
            return None
        return value

    def extract(self, page: Page) -> tuple[dict[str, Any], list[str], type[Layout] | None]:
        """Run the chosen layout's rules, each through :meth:`run_rule`."""
        ctx = Context(page, self.info)
        layout = self.choose_layout(page, ctx.warnings)
        if layout is None:
            ctx.warn(f"{self.info.slug} has no layout for {'HTML' if page.is_html else 'text'} pages")
            return ctx.found, ctx.warnings, None
        for field in FIELDS:
            if getattr(layout, field, None) is not None:
                ctx.found[field] = self.run_rule(layout, field, ctx)
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
