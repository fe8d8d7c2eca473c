"""``laoru timeline PATH...``: parse, extract events, merge them into one entry per real event."""

from __future__ import annotations

import argparse
from typing import Any

from laoru.commands.common import add_format_option, add_input_options, documents_from_args, output_stream
from laoru.exports import EXPORT_FORMATS


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("timeline", help="merge events across documents into a dated timeline",
                                   description=__doc__)
    add_input_options(parser)
    add_format_option(parser, choices=("jsonl", "json", "csv", "table", *EXPORT_FORMATS))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from laoru import timeline
    from laoru.events import extract_events

    documents, report = documents_from_args(args)
    events = [event for doc in documents for event in extract_events(doc)]
    with output_stream(args) as stream:
        timeline.write(timeline.timeline(events), args.format, stream)
    return report.exit_code
