"""Finding plugins and choosing one for a page.

Built-in plugins are registered through the ``laoru.parsers`` entry-point group by
laoru's own pyproject, exactly like a third-party package's, so there is one path for
all. A plugin file or folder can also be loaded directly (``--plugin``, ``LAORU_PLUGINS``).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterable, Sequence
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

import attrs

from laoru.errors import PluginError, UnknownOutletError
from laoru.page import Page
from laoru.plugin import Parser

ENTRY_POINT_GROUP = "laoru.parsers"
ENV_VAR = "LAORU_PLUGINS"
FALLBACK = "generic"
DOMAIN_SCORE = 100.0
MIN_SIGNATURE_SCORE = 3.0
"""Signature evidence a page needs to be routed to a plugin: one of the outlet's own marks
(a dateline, a masthead, a credit) weighs this much; words any story may contain ("Russian
Foreign Ministry") weigh less, and alone send the page to the generic reader."""


@attrs.frozen
class Route:
    """Which plugin reads a page, with what score, and why (``domain``, ``signature``, …)."""

    parser: Parser
    score: float
    by: str

    def to_dict(self) -> dict[str, object]:
        return {"plugin": self.parser.info.slug, "score": self.score, "by": self.by}


def _is_plugin_class(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, Parser) and "info" in vars(value)


def load_entry_point(entry: EntryPoint) -> type[Parser]:
    try:
        value = entry.load()
    except Exception as exc:
        raise PluginError(f"plugin entry point {entry.name!r} ({entry.value}) failed to load: {exc}") from exc
    if not _is_plugin_class(value):
        raise PluginError(f"entry point {entry.name!r} ({entry.value}) is not an @outlet Parser class")
    return value


def load_file(path: str | os.PathLike[str]) -> list[type[Parser]]:
    """Import a plugin module from a file (or every ``*.py`` in a folder) without installing it."""
    path = Path(path)
    if path.is_dir():
        return [cls for file in sorted(path.glob("*.py")) if not file.name.startswith("_")
                for cls in load_file(file)]
    if not path.is_file():
        raise PluginError(f"{path}: plugin file not found")
    module_name = f"laoru_user_plugin_{abs(hash(str(path.resolve())))}_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PluginError(f"{path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(module_name, None)
        raise PluginError(f"{path}: plugin failed to import: {type(exc).__name__}: {exc}") from exc
    classes = [v for v in vars(module).values() if _is_plugin_class(v) and v.__module__ == module_name]
    if not classes:
        raise PluginError(f"{path}: defines no @outlet Parser class")
    return classes


class Registry:
    """The installed plugins by slug, and the routing between them."""

    def __init__(self, parsers: Iterable[type[Parser]] = ()) -> None:
        self._parsers: dict[str, Parser] = {}
        for cls in parsers:
            self.add(cls)

    @classmethod
    def discover(cls, extra: Sequence[str | os.PathLike[str]] = (), *, environ: bool = True) -> Registry:
        """Entry-point plugins, then ``LAORU_PLUGINS`` paths, then ``extra`` files; later wins a slug."""
        registry = cls()
        for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            registry.add(load_entry_point(entry))
        paths = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p] if environ else []
        for path in [*paths, *extra]:
            for plugin in load_file(path):
                registry.add(plugin)
        return registry

    def add(self, cls: type[Parser]) -> Parser:
        parser = cls()
        self._parsers[cls.info.slug] = parser
        return parser

    def __iter__(self):
        return iter(self._parsers.values())

    def __len__(self) -> int:
        return len(self._parsers)

    def __contains__(self, slug: str) -> bool:
        return slug in self._parsers

    def get(self, slug: str) -> Parser:
        try:
            return self._parsers[slug]
        except KeyError:
            known = ", ".join(sorted(self._parsers))
            raise UnknownOutletError(f"no plugin for outlet {slug!r} (installed: {known})") from None

    @property
    def fallback(self) -> Parser:
        return self.get(FALLBACK)

    def route(self, page: Page, outlet: str | None = None) -> Route:
        """Forced outlet, else the page's domain, else the best signature score.

        A tie between the best scores, or a best score below :data:`MIN_SIGNATURE_SCORE`, goes to
        the generic fallback.
        """
        if outlet:
            return Route(self.get(outlet), 0.0, "forced")
        domain = page.domain
        for parser in self:
            if parser.handles_domain(domain):
                return Route(parser, DOMAIN_SCORE, "domain")
        scored = sorted(((p.score(page), p.info.slug, p) for p in self if p.info.slug != FALLBACK),
                        key=lambda t: (-t[0], t[1]))
        if scored and scored[0][0] >= MIN_SIGNATURE_SCORE and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return Route(scored[0][2], scored[0][0], "signature")
        best = scored[0][0] if scored else 0.0
        return Route(self.fallback, best, "tie" if best > 0 else "no-match")
