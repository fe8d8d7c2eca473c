"""``laoru dedup``: pages in, clusters of copies of the same story out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from laoru.commands.common import (
    add_format_option,
    add_input_options,
    documents_from_args,
    fraction,
    output_stream,
    positive_int,
)
from laoru.inputs import label
from laoru.output import write_records

TABLE_COLUMNS = ("cluster_id", "doc_id", "outlet", "relation", "similarity", "source")


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
    parser.add_argument("--threshold", type=fraction, default=DEFAULT_THRESHOLD,
                        help=f"Jaccard similarity for a near duplicate (default {DEFAULT_THRESHOLD})")
    parser.add_argument("--containment", type=fraction, default=DEFAULT_CONTAINMENT,
                        help=f"share of a short text found in a long one (default {DEFAULT_CONTAINMENT})")
    parser.add_argument("--index", metavar="DIR",
                        help="keep the index in DIR: opened if it exists, new documents added, saved back "
                        "(so a daily crawl is checked against earlier ones; its settings then apply)")
    parser.add_argument("--all", action="store_true", help="also print documents that have no copy")
    parser.add_argument("--workers", type=positive_int, default=1, help="processes for shingling (default 1)")
    parser.set_defaults(func=run)


def _open_index(args: argparse.Namespace) -> Any:
    """The saved index in ``--index`` (checked), or a new one; a folder that is not an index is refused.

    A new index is built in a temporary folder and saved to ``--index`` only at the end.
    """
    from laoru.dedup import DedupError, Deduplicator

    if not args.index:
        return Deduplicator(threshold=args.threshold, containment=args.containment)
    folder = Path(args.index)
    if folder.exists() and not folder.is_dir():
        raise DedupError(f"--index {label(folder)} is a file, not a folder")
    if (folder / "index.json").exists():
        return Deduplicator.open(folder)
    if folder.is_dir() and any(folder.iterdir()):
        raise DedupError(f"--index {label(folder)} holds files but no index.json: not a dedup index "
                         "(left untouched; name a new or empty folder)")
    return Deduplicator(threshold=args.threshold, containment=args.containment)


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
        added = dedup.extend(documents, workers=args.workers)
        clusters = dedup.clusters(include_singletons=args.all)
        if args.index and (added or not (Path(args.index) / "index.json").exists()):
            dedup.save(args.index)  # nothing new: the saved index is left byte for byte as it was
    finally:
        dedup.close()
    with output_stream(args) as stream:
        if args.format == "table":
            write_records(_table_rows(clusters), "table", stream, columns=TABLE_COLUMNS)
        else:
            write_records((c.to_dict() for c in clusters), args.format, stream)
    return report.exit_code
