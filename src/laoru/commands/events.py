"""``laoru events PATH...``: parse through the plugins, then list every event with its evidence."""

from __future__ import annotations

import argparse
from typing import Any

from laoru.commands.common import add_format_option, add_input_options, documents_from_args, output_stream
from laoru.output import write_records

COLUMNS = ("start", "end", "type", "status", "actors", "counterparts", "place", "outlet", "evidence")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("events", help="extract Lao–Russian events (who, what, where, when, proof)",
                                   description=__doc__)
    add_input_options(parser)
    add_format_option(parser, choices=("jsonl", "json", "csv", "table"))
    parser.set_defaults(func=run)


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """A CSV/table row: names for people, the place name, the evidence sentence."""
    row = dict(record)
    row["actors"] = [p["name"] for p in record["actors"]]
    row["counterparts"] = [p["name"] for p in record["counterparts"]]
    row["place"] = record["place"]["name"] if record["place"] else None
    row["evidence"] = record["evidence"]["text"]
    row["plover"] = "/".join(v for v in record["plover"].values() if v)
    return row


def run(args: argparse.Namespace) -> int:
    from laoru.events import extract_events

    documents, report = documents_from_args(args)
    records = (event.to_dict() for doc in documents for event in extract_events(doc))
    with output_stream(args) as stream:
        if args.format in ("jsonl", "json"):
            write_records(records, args.format, stream)
        else:
            write_records((flat(r) for r in records), args.format, stream,
                          columns=COLUMNS if args.format == "table" else None)
    return report.exit_code
