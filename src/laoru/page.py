"""The one parse of an input that every plugin reads from.

Routing asks each plugin to score a page, and the chosen plugin then extracts from it:
building the tree, the lines, the meta tags and the JSON-LD once, lazily, means a page
is never parsed twice however many plugins look at it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs
from lxml import etree, html

from laoru.clean import normalise_space
from laoru.errors import InputError
from laoru.inputs import RawInput, decode_page, looks_like_html

if TYPE_CHECKING:
    from laoru.capture_header import CaptureHeader

MAX_TREE_DEPTH = 250
"""Below libxml2's own HTML nesting limit (256), which silently flattens deeper pages: we refuse instead."""

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head"})




@attrs.define(slots=False)
class Page:
    """A decoded input with lazily built views: ``tree``, ``lines``, ``meta``, ``jsonld``.

    ``text`` is the decoded page (HTML source or plain-text capture); ``is_html`` says which.
    A plugin reads these and never parses ``text`` again.
    """

    source: str
    text: str
    is_html: bool
    raw: bytes = b""
    charset: str = "utf-8"
    given_url: str | None = None
    header: CaptureHeader | None = None
    """The capture header read off a text page (:func:`laoru.capture_header.detach`), if any."""
    input_warnings: tuple[str, ...] = ()
    """What reading and decoding the input noticed (mojibake fixed, bytes after gzip): on every Document."""

    @classmethod
    def from_raw(cls, raw: RawInput) -> Page:
        decoded = decode_page(raw.data, raw.content_type)
        text, charset = decoded.text, decoded.charset
        page = cls(source=raw.source, text=text, is_html=looks_like_html(text), raw=raw.data,
                   charset=charset, given_url=raw.url, input_warnings=(*raw.warnings, *decoded.warnings))
        return page

    @classmethod
    def from_text(cls, text: str, source: str = "<text>", url: str | None = None) -> Page:
        """A page from a string already in memory (a notebook cell, a test)."""
        return cls(source=source, text=text, is_html=looks_like_html(text), raw=text.encode("utf-8"), given_url=url)

    @functools.cached_property
    def tree(self) -> html.HtmlElement | None:
        """The lxml tree of an HTML page (``None`` for a text capture). Depth is capped."""
        if not self.is_html:
            return None
        try:
            root = html.document_fromstring(self.text.encode("utf-8"), parser=_utf8_parser())
        except (etree.ParserError, ValueError) as exc:
            raise InputError(self.source, f"unparseable HTML ({exc})") from None
        if _TOO_DEEP(root):
            raise InputError(self.source, f"HTML nested deeper than {MAX_TREE_DEPTH} levels")
        return root

    @functools.cached_property
    def lines(self) -> list[str]:
        """Non-empty lines, whitespace-normalised: the page's visible text for HTML."""
        raw_lines = self.text.splitlines() if self.tree is None else _visible_lines(self.tree)
        # a blank or all-whitespace line normalises to "": skipped without normalising it
        return [line for line in (normalise_space(x) for x in raw_lines if x and not x.isspace()) if line]

    @functools.cached_property
    def meta(self) -> dict[str, str]:
        """``<meta name|property|itemprop>`` → content (first wins), plus ``canonical`` and ``lang``."""
        found: dict[str, str] = {}
        if self.tree is None:
            return found
        for node in self.tree.iter("meta"):
            key = node.get("property") or node.get("name") or node.get("itemprop")
            content = node.get("content")
            if key and content and key.lower() not in found:
                found[key.lower()] = content.strip()
        for node in self.tree.iter("link"):
            if (node.get("rel") or "").lower() == "canonical" and node.get("href"):
                found.setdefault("canonical", node.get("href").strip())
        lang = self.tree.get("lang") or self.tree.get("xml:lang")
        if lang:
            found.setdefault("lang", lang.strip())
        return found

    @functools.cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object on the page, ``@graph`` flattened; broken blocks are skipped."""
        objects: list[dict[str, Any]] = []
        if self.tree is None:
            return objects
        for node in self.tree.xpath('//script[@type="application/ld+json"]'):
            try:
                data = json.loads(node.text or "")
            except ValueError:
                continue
            objects.extend(_flatten_jsonld(data))
        return objects

    def jsonld_article(self) -> dict[str, Any]:
        """The first JSON-LD object that is an article (``NewsArticle``, ``Article``, …), or ``{}``."""
        for obj in self.jsonld:
            kind = obj.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                return obj
        return {}

    @property
    def url(self) -> str | None:
        """The URL the page was fetched from, else the one it declares (canonical, og:url), else the
        one its capture header gives."""
        return (self.given_url or self.meta.get("canonical") or self.meta.get("og:url")
                or (self.header.url if self.header else None))

    @property
    def domain(self) -> str | None:
        url = self.url
        if not url:
            return None
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None


def _utf8_parser() -> html.HTMLParser:
    """lxml.html's parser for the page's text encoded as UTF-8 (one per page: parsers are not
    shared across threads).

    ``no_network`` means no DTD or entity is ever fetched. ``huge_tree`` is on because
    libxml2's own limit silently drops a text node over 10 MB and everything after it; the
    input caps (``MAX_DOCUMENT_BYTES``) and the depth check bound the work instead.
    """
    return html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                           remove_pis=True, huge_tree=True, default_doctype=False)


_TOO_DEEP = etree.XPath("/*" + "/*" * (MAX_TREE_DEPTH - 1))
"""Elements at the cap's depth; evaluated level by level in C, it stops where a normal page ends."""


def _visible_lines(root: html.HtmlElement) -> list[str]:
    """Text with a line break at every block boundary, scripts and styles left out."""
    parts: list[str] = []

    def walk(node: html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _INVISIBLE_TAGS:
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    return "".join(parts).split("\n")


def _flatten_jsonld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten_jsonld(item)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten_jsonld(data["@graph"])
        else:
            yield data
