"""``laoru parse``: pages in, Documents out."""

from __future__ import annotations

import argparse

from laoru.commands.common import (
    add_format_option,
    add_input_options,
    documents_from_args,
    output_stream,
)
from laoru.output import write_records

TABLE_COLUMNS = ("outlet", "published", "title", "authors", "paragraphs", "warnings", "source")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("parse", help="parse pages and captures into clean Documents",
                                   description="Parse HTML pages and text captures into Documents.")
    add_input_options(parser)
    add_format_option(parser)
    parser.add_argument("--dedup", action="store_true",
                        help="drop duplicate documents, recording them on the kept one")
    parser.set_defaults(func=run)


def _table_row(record: dict) -> dict:
    row = {c: record.get(c) for c in TABLE_COLUMNS}
    row["paragraphs"] = str(len(record["paragraphs"]))
    row["warnings"] = str(len(record["warnings"]))
    return row


def run(args: argparse.Namespace) -> int:
    documents, report = documents_from_args(args)
    if args.dedup:
        from laoru.dedup import dedup_documents

        documents = iter(dedup_documents(documents))
    records = (doc.to_dict() for doc in documents)
    if args.format == "table":
        records = (_table_row(r) for r in records)
    with output_stream(args) as stream:
        write_records(records, args.format, stream, columns=TABLE_COLUMNS if args.format == "table" else None)
    return report.exit_code
