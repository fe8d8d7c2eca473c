"""``laoru new-plugin``: a plugin module, a fixture folder and a test, from the template.

A newcomer starts from something that already runs and passes: the generated plugin
parses its synthetic fixtures, and their expected output is written by the plugin
itself, so the first edit to a selector shows up as a diff in ``laoru check-plugin``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from importlib import resources
from pathlib import Path
from string import Template

import attrs

from laoru import fixtures
from laoru.errors import LaoruError
from laoru.registry import Registry

FIXTURE_PAGES = {"synthetic_article.html": "fixture.html.tmpl", "synthetic_capture.txt": "fixture.txt.tmpl"}
ORIGIN = "SYNTHETIC: written by `laoru new-plugin` from its template; replace with real saved pages"


@attrs.frozen
class Names:
    """Every spelling of the new outlet's name the templates need."""

    slug: str
    name: str
    module: str
    class_name: str

    @classmethod
    def from_argument(cls, text: str, display: str | None = None, *, package: bool = False) -> Names:
        slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
        if not slug or not slug[0].isalnum():
            raise LaoruError(f"cannot make an outlet slug from {text!r}")
        name = display or " ".join(part.capitalize() for part in slug.split("-"))
        if re.search(r"[\"\\\n]", name):
            raise LaoruError(f"the outlet name may not contain quotes, backslashes or newlines: {name!r}")
        module = slug.replace("-", "_")
        if module[0].isdigit():
            module = "outlet_" + module
        class_name = "".join(part.capitalize() for part in re.split(r"[-_]", module))
        if package:  # a top-level module of its own: prefixed so it cannot shadow another
            module = "laoru_" + module
        return cls(slug, name, module, class_name)


@attrs.frozen
class Plan:
    """Where each generated file goes under ``root``; a package also gets a pyproject."""

    root: Path
    names: Names
    package: bool = False

    @property
    def plugin(self) -> Path:
        return self.root / ("src" if self.package else "plugins") / f"{self.names.module}.py"

    @property
    def fixture_dir(self) -> Path:
        return self.root / "tests" / "fixtures" / self.names.slug

    @property
    def test(self) -> Path:
        return self.root / "tests" / f"test_{self.names.slug.replace('-', '_')}.py"

    def pages(self) -> dict[Path, str]:
        return {self.fixture_dir / page: template for page, template in FIXTURE_PAGES.items()}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new-plugin", help="start a plugin for a new outlet: module, fixtures and test",
        description="Write a plugin module, a fixture folder with synthetic pages and their expected "
                    "output, and a pytest file, from laoru's template.")
    parser.add_argument("name", metavar="NAME", help="the outlet's slug or name, e.g. vientiane-times")
    parser.add_argument("--domain", action="append", required=True, metavar="DOMAIN",
                        help="a domain the outlet publishes on (repeatable), e.g. example.la")
    parser.add_argument("--title", metavar="TEXT", help='display name (default from NAME: "Vientiane Times")')
    parser.add_argument("--language", action="append", metavar="CODE",
                        help="ISO 639-1 code of a language the outlet writes in (repeatable; default en)")
    parser.add_argument("--tz", default="+07:00", help="UTC offset of the outlet's local time (default +07:00)")
    parser.add_argument("--root", default=".", metavar="DIR",
                        help="project folder: writes DIR/plugins/, DIR/tests/fixtures/<slug>/, DIR/tests/")
    parser.add_argument("--package", action="store_true",
                        help="make DIR an installable package: DIR/pyproject.toml with a laoru.parsers entry "
                             "point, the module in DIR/src/")
    parser.add_argument("--force", action="store_true", help="overwrite files that already exist")
    parser.set_defaults(func=run)


def _template(name: str) -> Template:
    return Template((resources.files("laoru") / "templates" / "plugin" / name).read_text(encoding="utf-8"))


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def render(plan: Plan, domains: list[str], languages: list[str], tz: str) -> dict[Path, str]:
    """The text of every file to write, keyed by path."""
    names = plan.names
    values = {
        "slug": names.slug, "name": names.name, "module": names.module,
        "name_regex": re.escape(names.name).replace("\\ ", " "),
        "class_name": names.class_name, "domain": domains[0], "tz": tz, "language": languages[0],
        "domains": ", ".join(json.dumps(d) for d in domains),
        "languages": ", ".join(json.dumps(code) for code in languages),
        "plugin_file": _relative(plan.plugin, plan.root), "fixture_dir": _relative(plan.fixture_dir, plan.root),
        "plugin_rel": _relative(plan.plugin, plan.test.parent),
        "fixture_rel": _relative(plan.fixture_dir, plan.test.parent),
    }
    files = {plan.plugin: _template("plugin.py.tmpl").substitute(values),
             plan.test: _template("test_plugin.py.tmpl").substitute(values)}
    if plan.package:
        files[plan.root / "pyproject.toml"] = _template("pyproject.toml.tmpl").substitute(values)
        files[plan.root / "README.md"] = _template("README.md.tmpl").substitute(values)
    for page, template in plan.pages().items():
        files[page] = _template(template).substitute(values)
        spec = {"origin": ORIGIN, "outlet": None, "url": None}
        if page.suffix == ".html":
            spec["url"] = f"https://{domains[0]}/news/laos-russia-education"
        files[page.with_suffix(".json")] = (
            json.dumps({"input": spec, "documents": []}, indent=2, sort_keys=True) + "\n")
    return files


def create(plan: Plan, domains: list[str], languages: list[str], tz: str, *, force: bool = False) -> list[Path]:
    """Write the files and the fixtures' expected output; return the paths written."""
    files = render(plan, domains, languages, tz)
    existing = [p for p in files if p.exists()]
    if existing and not force:
        raise LaoruError("would overwrite " + ", ".join(map(str, existing)) + " (use --force)")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    plugins = Registry.discover([plan.plugin], environ=False)
    for fixture in fixtures.find(plan.fixture_dir.parent):
        if fixture.page.parent == plan.fixture_dir:
            fixtures.regenerate(fixture, plugins)
    return list(files)


def _as_path(path: Path) -> str:
    """A path pip reads as a folder, not as a package name on an index."""
    text = path.as_posix()
    return text if path.is_absolute() or text.startswith(".") else "./" + text


def run(args: argparse.Namespace) -> int:
    plan = Plan(Path(args.root), Names.from_argument(args.name, args.title, package=args.package), args.package)
    written = create(plan, args.domain, args.language or ["en"], args.tz, force=args.force)
    for path in written:
        print(f"wrote {path}")
    plugin, fixture_dir, test = plan.plugin, plan.fixture_dir, plan.test
    print(f"""
Next steps:
  1. Save a real page of the outlet into {fixture_dir}/ and edit the selectors in {plugin}.
  2. Try it:            laoru parse --plugin {plugin} {fixture_dir} -f table
  3. Compare:           laoru check-plugin {plugin} --fixture {fixture_dir}
     Accept changes:    laoru check-plugin {plugin} --fixture {fixture_dir} --update
  4. Test:              python -m pytest {test}
  5. {"Install it:        pip install " + _as_path(plan.root) if plan.package else
         "Publish it as a package: laoru new-plugin ... --package writes the pyproject"}
     (see the plugin guide, and examples/plugin-package/ in the laoru repository).""")
    return 0
