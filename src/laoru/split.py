"""Multi-article captures: one saved page holding several articles → one span per article.

This first version passes every page through whole; the segmentation of browser-session
and search-result captures is tracked in its own issue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from laoru.page import Page

if TYPE_CHECKING:
    from laoru.registry import Registry


@attrs.frozen
class Part:
    """One article's span of a capture, as a page of its own, with what splitting noticed."""

    page: Page
    warnings: tuple[str, ...] = ()


def split_page(page: Page, plugins: Registry, *, outlet: str | None = None) -> list[Part]:
    """The articles in ``page``. A forced ``outlet`` or an HTML page is always one article."""
    return [Part(page)]
