"""``laoru report PATH... -o report.html``: the timeline, who met whom, every entry with its
evidence and who republished whom, as one self-contained HTML file that works offline."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from laoru.commands.common import add_input_options, documents_from_args, output_stream


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help="write an offline HTML report: timeline, network, evidence",
                                   description=__doc__)
    add_input_options(parser)
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the HTML file to write")
    parser.add_argument("--title", default="Laos–Russia relations", help="the report's heading")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from laoru import report
    from laoru.report import page

    documents, failures = documents_from_args(args)
    data = report.collect(documents, title=args.title)
    html = page.render(data)
    with output_stream(args) as stream:
        stream.write(html)
    print(f"laoru: wrote {args.output} ({len(data.documents)} documents, {len(data.entries)} timeline entries)",
          file=sys.stderr)
    return failures.exit_code
