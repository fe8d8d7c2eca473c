"""A deterministic corpus of any size, built from real article sentences, for tests and benchmarks.

Real collections repeat themselves: wires syndicate, outlets re-run, crawls fetch a page
twice. So each generated document belongs to a *story*; most stories are told once, some
are copied exactly, some with a sentence changed, some republished with a
``Source: Lao News Agency`` credit. A story's text is a function of its number only
(sentences drawn from the bundled seed captures, or any bodies given), so the same
arguments always give the same corpus, whatever writes it.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from laoru.warc import write_warc

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_CITIES = ("Vientiane", "Moscow", "Luang Prabang", "Saint Petersburg", "Pakse", "Kazan", "Savannakhet", "Sochi")
_TOPICS = ("energy", "education", "health", "trade", "defence", "transport", "agriculture", "tourism", "culture")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def sentences_from_documents(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Body sentences (40+ characters) of parsed captures: the raw material of the corpus."""
    from laoru.api import parse_paths

    out: list[str] = []
    for doc in parse_paths(paths):
        for paragraph in doc.paragraphs:
            out.extend(s for s in _SENTENCE.split(paragraph.text) if len(s) >= 40)
    return sorted(set(out))


def sentences_from_ground_truth(path: str | os.PathLike[str], limit: int | None = None) -> list[str]:
    """Sentences of the ``body`` fields of a ground-truth JSON file (the shared bench pages)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out: list[str] = []
    for entry in list(data.values())[:limit]:
        out.extend(s for s in _SENTENCE.split(entry.get("body") or "") if 40 <= len(s) <= 400)
    return sorted(set(out))


def story(number: int, pool: list[str], seed: int = 0) -> tuple[str, list[str]]:
    """Title and paragraphs of story ``number``: a dated lead of its own, then pooled sentences."""
    rng = random.Random(f"{seed}:{number}")
    city, topic = rng.choice(_CITIES), rng.choice(_TOPICS)
    day = f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(2015, 2026)}"
    title = f"Laos and Russia discuss {topic} cooperation ({number})"
    lead = (f"{city.upper()}, {day} -- Lao and Russian officials met in {city} on {day} to discuss "
            f"{topic} cooperation under programme number {number}.")
    body = [lead]
    picked = rng.sample(pool, k=min(len(pool), rng.randint(4, 8)))
    for start in range(0, len(picked), 2):
        body.append(" ".join(picked[start:start + 2]))
    return title, body


def documents(count: int, pool: list[str], seed: int = 0) -> Iterator[tuple[str, str]]:
    """``(name, capture text)`` for ``count`` documents: ~70% new stories, the rest copies of recent ones."""
    stories = 0
    for index in range(count):
        rng = random.Random(f"{seed}:doc:{index}")
        roll = rng.random()
        if stories == 0 or roll < 0.7:
            number, kind = stories, "original"
            stories += 1
        else:
            number = max(0, stories - 1 - rng.randrange(min(stories, 50)))
            kind = ("exact", "near", "syndicated")[int((roll - 0.7) / 0.1) % 3]
        title, body = story(number, pool, seed)
        if kind == "near":
            body = [*body[:-1], f"The talks on programme {number} were held in a friendly atmosphere."]
        elif kind == "syndicated":
            body = [*body, "Source: Lao News Agency"]
        yield f"doc-{index:07d}-{kind}", "\n\n".join([title, *body]) + "\n"


def write_files(folder: str | os.PathLike[str], count: int, pool: list[str], seed: int = 0) -> list[Path]:
    """One ``.txt`` capture per document, 1000 to a sub-folder."""
    out = []
    for index, (name, text) in enumerate(documents(count, pool, seed)):
        path = Path(folder) / f"{index // 1000:04d}" / f"{name}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def write_warcs(folder: str | os.PathLike[str], count: int, pool: list[str], seed: int = 0,
                per_file: int = 1000) -> list[Path]:
    """The documents as gzip'd WARC response records (``text/plain``), ``per_file`` to a file."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    batch: list[tuple[str, bytes, str]] = []

    def flush() -> None:
        path = Path(folder) / f"crawl-{len(out):05d}.warc.gz"
        write_warc(path, batch)
        out.append(path)
        batch.clear()

    for name, text in documents(count, pool, seed):
        batch.append((f"https://example.org/news/{name}", text.encode("utf-8"), "text/plain; charset=utf-8"))
        if len(batch) >= per_file:
            flush()
    if batch:
        flush()
    return out


_OUTLETS = ("kpl", "tass", "vientiane-times", "laotian-times", "rfa")


def document_records(count: int, pool: list[str], seed: int = 0) -> Iterator[dict]:
    """The same corpus as already-parsed Document records (no page parsing: fast, for dedup at scale)."""
    from laoru.model import Document, Paragraph

    for index, (name, text) in enumerate(documents(count, pool, seed)):
        title, *body = text.strip().split("\n\n")
        rng = random.Random(f"{seed}:meta:{index}")
        published = f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        outlet = _OUTLETS[index % len(_OUTLETS)] if name.endswith("syndicated") else rng.choice(_OUTLETS)
        doc = Document(outlet=outlet, source=name, url=f"https://example.org/{outlet}/{name}", language="en",
                       title=title, published=published, paragraphs=[Paragraph(p) for p in body],
                       parser="synthetic")
        yield doc.to_dict()


def write_document_jsonl(folder: str | os.PathLike[str], count: int, pool: list[str], seed: int = 0,
                         per_file: int = 1000) -> list[Path]:
    """Document records as JSONL files, ``per_file`` to a file (inputs ``laoru run`` reads as units)."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    handle = None
    for index, record in enumerate(document_records(count, pool, seed)):
        if index % per_file == 0:
            if handle:
                handle.close()
            out.append(Path(folder) / f"documents-{len(out):05d}.jsonl")
            handle = open(out[-1], "w", encoding="utf-8")  # noqa: SIM115 - closed on the next file or below
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return out
