"""Speed path: CSS selectors compiled to XPath that libxml2 evaluates faster.

Kept under issue 14's rule (a speed path stays only if its win is at least 10% of a page's
time on ``benchmarks/extraction.py``): against lxml's stock ``CSSSelector`` it saves 12% of
the outlet pages' CPU time, 20% on the one real full-size page (tass.ru, 100 kB), measured
2026-11-27 on the shared 2-core machine (docs/performance.md). ``tests/test_speed_paths.py``
checks that every selector the plugins use selects the same elements, in the same order, as
cssselect's own translation.
"""

from __future__ import annotations

import functools
import re

from cssselect.xpath import XPathExpr, is_non_whitespace
from lxml import etree
from lxml.cssselect import CSSSelector, LxmlHTMLTranslator


class _Translator(LxmlHTMLTranslator):
    """cssselect's HTML translation, with ``.cls``, ``[a~=v]`` and ``[a*=v]`` one step shorter.

    cssselect writes ``@class and contains(@class, 'v') and contains(concat(…), ' v ')``;
    the leading ``@class and`` is implied by ``contains(@class, 'v')`` (an absent attribute
    is the empty string, which contains no non-empty ``v``), and libxml2 evaluates the
    predicate on every candidate element, so dropping it makes class selectors cheaper.
    """

    def xpath_attrib_includes(self, xpath: XPathExpr, name: str, value: str | None) -> XPathExpr:
        if value and is_non_whitespace(value):
            xpath.add_condition(f"contains({name}, {self.xpath_literal(value)}) and contains(concat(' ', "
                                f"normalize-space({name}), ' '), {self.xpath_literal(' ' + value + ' ')})")
            return xpath
        return super().xpath_attrib_includes(xpath, name, value)

    def xpath_attrib_substringmatch(self, xpath: XPathExpr, name: str, value: str | None) -> XPathExpr:
        """``[a*=v]``: ``contains(@a, 'v')`` alone, for the same reason."""
        if value:
            xpath.add_condition(f"contains({name}, {self.xpath_literal(value)})")
            return xpath
        return super().xpath_attrib_substringmatch(xpath, name, value)


_TRANSLATOR = _Translator()

_NAME = r"[A-Za-z_][\w.-]*"
_LITERAL = r"'[^']*'"
_ONE_ATTRIBUTE_TEST = re.compile(
    rf"(?:(?<=::)|(?<=/)|(?<=\| )|^)(?P<test>\*|{_NAME})\["
    rf"(?:contains\(@(?P<inc>{_NAME}), (?P<inc_v>{_LITERAL})\) and contains\(concat\(' ', "
    rf"normalize-space\(@(?P=inc)\), ' '\), (?P<inc_w>{_LITERAL})\)"
    rf"|contains\(@(?P<sub>{_NAME}), (?P<sub_v>{_LITERAL})\)"
    rf"|@(?P<eq>{_NAME}) = (?P<eq_v>{_LITERAL})"
    rf"|@(?P<has>{_NAME}))\]"
)


def _attribute_step(match: re.Match[str]) -> str:
    test = match["test"]
    if match["inc"]:
        return (f"{test}/@{match['inc']}[contains(., {match['inc_v']}) and contains(concat(' ', "
                f"normalize-space(.), ' '), {match['inc_w']})]/parent::*")
    if match["sub"]:
        return f"{test}/@{match['sub']}[contains(., {match['sub_v']})]/parent::*"
    if match["eq"]:
        return f"{test}/@{match['eq']}[. = {match['eq_v']}]/parent::*"
    return f"{test}/@{match['has']}/parent::*"


def attribute_steps(path: str) -> str:
    """``div[@id = 'x']`` → ``div/@id[. = 'x']/parent::*``: the same elements, found faster.

    A step whose only test is on one attribute (``#id``, ``.class``, ``[a=v]``, ``[a*=v]``,
    ``[a]``) is rewritten to select that attribute and step back to its element. libxml2
    then tests only the elements that have the attribute, and a plain attribute node,
    instead of evaluating the predicate on every element (on a 100 kB page: about 1.4× faster
    for a class, 5× for an id).
    Each element has one attribute of a name, so the result is the same set, in document order.
    """
    return _ONE_ATTRIBUTE_TEST.sub(_attribute_step, path)


class Selector(CSSSelector):
    """A :class:`CSSSelector` built with :class:`_Translator` and :func:`attribute_steps`."""

    def __init__(self, css: str) -> None:
        etree.XPath.__init__(self, attribute_steps(_TRANSLATOR.css_to_xpath(css)))
        self.css = css


@functools.lru_cache(maxsize=1024)
def compiled(selector: str) -> CSSSelector:
    """A CSS selector compiled to XPath once per process (compiling costs more than matching)."""
    return Selector(selector)
