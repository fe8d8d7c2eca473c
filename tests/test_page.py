"""The Page: one safe parse, lazily built views."""

from __future__ import annotations

import pytest

from laoru.errors import InputError
from laoru.page import MAX_TREE_DEPTH, Page


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    html = (f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e SYSTEM "file://{secret}">]>'
            "<html><body><p>before &e; after</p></body></html>")
    page = Page.from_text(html)
    assert "TOP-SECRET-CONTENT" not in " ".join(page.lines)


def test_depth_is_capped():
    html = "<html><body>" + "<div>" * (MAX_TREE_DEPTH + 50) + "deep" + "</div>" * (MAX_TREE_DEPTH + 50)
    page = Page.from_text(html + "</body></html>", source="deep.html")
    with pytest.raises(InputError) as info:
        page.tree  # noqa: B018
    assert "deeper" in info.value.reason and info.value.source == "deep.html"


def test_meta_jsonld_and_lines():
    html = """<html lang="en"><head>
      <meta property="og:title" content="Title A"><link rel="canonical" href="https://www.example.la/a">
      <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "H"}]}</script>
      <script type="application/ld+json">{broken</script>
      <style>p {color: red}</style></head>
      <body><h1>Head</h1><p>One <b>two</b></p><script>var x = 1;</script><p>Three</p></body></html>"""
    page = Page.from_text(html)
    assert page.meta["og:title"] == "Title A"
    assert page.meta["lang"] == "en"
    assert page.url == "https://www.example.la/a" and page.domain == "example.la"
    assert page.jsonld_article()["headline"] == "H"
    assert page.lines == ["Head", "One two", "Three"]


def test_text_capture_has_no_tree():
    page = Page.from_text("Title\n\n  Body line  \n")
    assert page.tree is None and page.lines == ["Title", "Body line"] and page.meta == {}
