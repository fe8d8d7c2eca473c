"""``laoru dedup``: pages in, clusters of copies of the same story out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from laoru.commands.common import add_format_option, add_input_options, documents_from_args, output_stream
from laoru.output import write_records

TABLE_COLUMNS = ("cluster_id", "doc_id", "outlet", "relation", "similarity", "source")


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 < number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], got {value}")
    return number


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return number


def register(subparsers: argparse._SubParsersAction) -> None:
    from laoru.dedup import DEFAULT_CONTAINMENT, DEFAULT_THRESHOLD

    parser = subparsers.add_parser(
        "dedup",
        help="find exact, near-duplicate and syndicated copies of the same story",
        description="Parse pages and print clusters of copies of the same story: the canonical document "
        "first, then each copy with its relation (exact, near, contains, syndicated) and similarity.",
    )
    add_input_options(parser)
    add_format_option(parser, default="jsonl", choices=("jsonl", "json", "table"))
    parser.add_argument("--threshold", type=_fraction, default=DEFAULT_THRESHOLD,
                        help=f"Jaccard similarity for a near duplicate (default {DEFAULT_THRESHOLD})")
    parser.add_argument("--containment", type=_fraction, default=DEFAULT_CONTAINMENT,
                        help=f"share of a short text found in a long one (default {DEFAULT_CONTAINMENT})")
    parser.add_argument("--index", metavar="DIR",
                        help="keep the index in DIR: opened if it exists, new documents added, saved back "
                        "(so a daily crawl is checked against earlier ones; its settings then apply)")
    parser.add_argument("--all", action="store_true", help="also print documents that have no copy")
    parser.add_argument("--workers", type=_count, default=1, help="processes for shingling (default 1)")
    parser.set_defaults(func=run)


def _open_index(args: argparse.Namespace) -> Any:
    from laoru.dedup import Deduplicator

    if args.index and (Path(args.index) / "index.json").exists():
        return Deduplicator.open(args.index)
    return Deduplicator(directory=args.index, threshold=args.threshold, containment=args.containment)


def _table_rows(clusters: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for cluster in clusters:
        for member in cluster.members:
            row = member.to_dict()
            row["cluster_id"] = cluster.cluster_id
            row["similarity"] = f"{member.similarity:.3f}"
            rows.append(row)
    return rows


def run(args: argparse.Namespace) -> int:
    documents, report = documents_from_args(args)
    dedup = _open_index(args)
    try:
        dedup.extend(documents, workers=args.workers)
        clusters = dedup.clusters(include_singletons=args.all)
        if args.index:
            dedup.save(args.index)
    finally:
        dedup.close()
    with output_stream(args) as stream:
        if args.format == "table":
            write_records(_table_rows(clusters), "table", stream, columns=TABLE_COLUMNS)
        else:
            write_records((c.to_dict() for c in clusters), args.format, stream)
    return report.exit_code
