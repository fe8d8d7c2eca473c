"""``laoru fetch``: pages, feeds and sitemaps into a WARC archive, politely and resumably."""

from __future__ import annotations

import argparse
import sys

from laoru.errors import LaoruError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fetch", help="fetch pages (URLs, feeds, sitemaps, an outlet's feeds) into a WARC archive",
        description="Fetch pages into a gzip'd WARC archive, obeying robots.txt with a pause between requests "
                    "to one host; run again with the same archive to fetch only what it does not hold yet. "
                    "Parse the archive with `laoru run ARCHIVE --out DIR` or `laoru parse ARCHIVE`.")
    parser.add_argument("urls", nargs="*", metavar="URL", help="page URLs")
    parser.add_argument("--urls", dest="url_file", metavar="FILE",
                        help="file with one URL a line ('-' for stdin; blank lines and # comments skipped)")
    parser.add_argument("--feed", action="append", default=[], metavar="URL", help="RSS/Atom feed (repeatable)")
    parser.add_argument("--sitemap", action="append", default=[], metavar="URL",
                        help="sitemap or sitemap index, gzip'd or not (repeatable)")
    parser.add_argument("--outlet", metavar="SLUG", help="use the feeds and sitemaps this outlet's plugin declares")
    parser.add_argument("--plugin", metavar="FILE", action="append", default=[],
                        help="load a plugin from a .py file or folder (repeatable)")
    parser.add_argument("--since", metavar="DATE", help="only feed/sitemap entries dated on or after DATE")
    parser.add_argument("-o", "--output", required=True, metavar="ARCHIVE",
                        help="WARC file to append to (.warc.gz); created if missing")
    _add_politeness_options(parser)
    parser.set_defaults(func=run)


_POLITENESS: tuple[tuple[str, str, str], ...] = (
    ("delay", "S", "seconds between requests to one host (default {default:g}; robots.txt may ask more)"),
    ("concurrency", "N", "requests in flight over all hosts (default {default})"),
    ("timeout", "S", "seconds to connect or to wait for more bytes (default {default:g})"),
    ("deadline", "S", "seconds one response may take in all (default {default:g})"),
    ("retries", "N", "retries after 429, 5xx, timeouts, broken connections (default {default})"),
    ("backoff", "S", "first wait before a retry, doubled each time (default {default:g})"),
    ("max_wait", "S", "longest Retry-After or Crawl-delay accepted (default {default:g})"),
    ("max_redirects", "N", "redirects followed per URL (default {default})"),
    ("max_bytes", "N", "largest body kept, as sent and decompressed (default {default})"),
    ("user_agent", "TEXT", "User-Agent header (default {default!r}; add a contact address)"),
)
"""The politeness options: a :class:`~laoru.fetch.settings.Settings` field each (``--max-wait`` is
``max_wait``), its metavar and help; type and default are the field's."""


def _add_politeness_options(parser: argparse.ArgumentParser) -> None:
    from laoru.fetch.settings import Settings

    defaults = Settings()
    group = parser.add_argument_group("politeness and patience")
    for field, metavar, help_text in _POLITENESS:
        default = getattr(defaults, field)
        group.add_argument("--" + field.replace("_", "-"), type=type(default), default=default, metavar=metavar,
                           help=help_text.format(default=default))


def _settings(args: argparse.Namespace):
    from laoru.fetch.settings import Settings

    numbers = (args.delay, args.timeout, args.deadline, args.backoff, args.max_wait)
    if min(numbers) < 0 or args.concurrency < 1 or args.retries < 0 or args.max_redirects < 0 or args.max_bytes < 1:
        raise LaoruError("politeness options must be positive (--concurrency and --max-bytes at least 1)")
    return Settings(**{field: getattr(args, field) for field, _metavar, _help in _POLITENESS})


def _seeds(args: argparse.Namespace) -> tuple[list[str], list[str], list[str]]:
    """URLs, feeds and sitemaps named on the command line, in a list file and by ``--outlet``."""
    from laoru.fetch.urls import read_url_list

    urls, feeds, sitemaps = list(args.urls), list(args.feed), list(args.sitemap)
    if args.url_file:
        try:
            with (sys.stdin if args.url_file == "-" else open(args.url_file, encoding="utf-8")) as handle:
                urls += read_url_list(handle)
        except (OSError, UnicodeDecodeError) as exc:
            raise LaoruError(f"{args.url_file}: cannot read the URL list ({exc})") from None
    if args.outlet:
        from laoru.api import registry

        parser = registry(args.plugin).get(args.outlet)
        if not (parser.feeds or parser.sitemaps):
            raise LaoruError(f"outlet {args.outlet} declares no feeds or sitemaps; use --feed or --sitemap")
        feeds += parser.feeds
        sitemaps += parser.sitemaps
    if not (urls or feeds or sitemaps):
        raise LaoruError("nothing to fetch: give URLs, --urls FILE, --feed, --sitemap or --outlet")
    return urls, feeds, sitemaps


def run(args: argparse.Namespace) -> int:
    try:
        from laoru.fetch import Outcome, fetch, parse_since
    except ImportError as exc:
        raise LaoruError(f"laoru fetch needs the fetch extra: pip install 'laoru[fetch]' ({exc})") from None
    try:
        since = parse_since(args.since) if args.since else None
    except ValueError as exc:
        raise LaoruError(str(exc)) from None
    settings = _settings(args)
    urls, feeds, sitemaps = _seeds(args)

    def tell(outcome: Outcome) -> None:
        if outcome.status == "failed":
            from tqdm import tqdm

            tqdm.write(f"laoru: {outcome.url}: {outcome.detail or outcome.kind}", file=sys.stderr)

    summary = fetch(urls, args.output, feeds=feeds, sitemaps=sitemaps, since=since, settings=settings,
                    on_outcome=tell, progress=sys.stderr.isatty())
    print(f"laoru: fetch: {summary.line()}", file=sys.stderr)
    if summary.interrupted:
        print("laoru: interrupted; run the same command again to go on", file=sys.stderr)
        return 130
    return summary.exit_code
