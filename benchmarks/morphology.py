"""Russian name morphology on the real captures: pymorphy3 against natasha, accuracy and speed.

    python benchmarks/morphology.py [--repeat 3]

Items: every occurrence, in a Russian capture of ../shared/captures, of a one-word Cyrillic
name form the annotators listed in gold.json's ``name_variants`` (Путиным, Сипхандоном,
Коммаситом, Лаврова, …), with its sentence. The expected lemma is the gazetteer's Russian
spelling of that person (the alias word sharing the longest stem with the form), else the
listed variant the form declines ("Лакхамфонг" for "Лакхамфонгом"); a form with neither is
left out (organisations, "Фокина" with no nominative printed). Lemmatisers, all in this run:

* ``pymorphy3``: the dictionary's best parse of the word alone;
* ``laoru``: what laoru does (``russian.nominative_name``): a name after a title is brought
  to the nominative by the title's case (``министром … Коммаситом`` → instrumental →
  ``Коммасит``); with no title, a word pymorphy3 knows as a name takes its lemma, any other
  stays as printed;
* ``natasha``: natasha's pipeline on the sentence (segmenter, slovnet morphology tagger,
  NER); a word inside a PER span takes the span's normal form, any other its token lemma.
  natasha's lemmas come from ``MorphVocab``, which needs pymorphy2; pymorphy2 finds its
  dictionaries through ``pkg_resources`` (gone from recent setuptools), so the run points it
  at ``pymorphy2_dicts_ru`` directly. Skipped with a note when natasha is not installed
  (``pip install natasha``).

Reported per lemmatiser: correct / items, and names per second (best of ``--repeat``
runs, after one warm-up run that loads the models; laoru's per-word caches are cleared
before each timed run), with the ratio against pymorphy3.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from laoru.events.gazetteer import bundled_data
from laoru.events.lexicon import load_lexicon
from laoru.events.russian import case_of, is_name_like, lemma, nominative_name

CAPTURES = Path(__file__).resolve().parent.parent.parent / "shared" / "captures"
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_CYRILLIC_WORD = re.compile(r"^[А-ЯЁ][а-яё-]+$")

Item = tuple[str, int, str, str]  # sentence, offset of the word in it, the word, expected lemma
Lemmatiser = Callable[[list[Item]], list[str]]


def _russian_spellings() -> dict[str, list[str]]:
    """English person name → the words of its Russian aliases as the gazetteer file prints them
    (the nominative; the loaded gazetteer adds declined forms)."""
    spellings: dict[str, list[str]] = {}
    for entry in bundled_data()["entities"]:
        aliases = entry.get("aliases") or {}
        if entry.get("kind") == "person" and isinstance(aliases, dict):
            spellings[entry["name"]] = [w for a in aliases.get("ru", ()) for w in a.split() if _CYRILLIC_WORD.match(w)]
    return spellings


def _expected(key: str, form: str, variants: list[str], spellings: dict[str, list[str]]) -> str | None:
    """The nominative of ``form``: the gazetteer's spelling, else a listed variant it declines
    ("Лакхамфонг" of "Лакхамфонгом"; "Сонсай" of "Сонсаем"); None when neither is known."""
    low = form.lower()
    words = [w.lower() for name, ws in spellings.items() if key.lower() in name.lower() for w in ws]
    known = [w for w in words if low.startswith(w[:-1])]
    if known:
        return max(known, key=len)  # the fullest stem the form declines
    stems = [v.lower() for v in variants if v != form and (low.startswith(v.lower()) or low.startswith(v.lower()[:-1]))]
    return min(stems, key=len) if stems else None


def items() -> list[Item]:
    """Every occurrence of a one-word name variant in its Russian capture, with the expected lemma."""
    spellings = _russian_spellings()
    found: list[Item] = []
    for entry in json.loads((CAPTURES / "gold.json").read_text(encoding="utf-8")):
        if entry["language"] != "ru":
            continue
        text = (CAPTURES / entry["file"]).read_text(encoding="utf-8")
        for key, variants in (entry.get("name_variants") or {}).items():
            for form in {v for v in variants if _CYRILLIC_WORD.match(v)}:
                expected = _expected(key, form, variants, spellings)
                if expected is None:
                    continue  # a form whose nominative nobody printed ("Фокина": Fokin's or Fokina's?)
                for sentence in _SENTENCE.finditer(text):
                    for word in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", sentence.group()):
                        found.append((sentence.group(), word.start(), form, expected))
    return found


def by_pymorphy3(batch: list[Item]) -> list[str]:
    return [lemma(word.lower()) for _s, _o, word, _e in batch]


_TITLE_BEFORE = 12  # words a title may stand before the name ("министром иностранных дел Лаоса Салемсаем")


def by_laoru(batch: list[Item]) -> list[str]:
    lexicon = load_lexicon("ru")
    titles = frozenset(w for t in (lexicon.titles if lexicon else ()) for w in t.split())
    out = []
    for sentence, offset, word, _e in batch:
        before = re.findall(r"[^\W\d_][\w-]*", sentence[:offset])[-_TITLE_BEFORE:]
        title = next((w for w in reversed(before) if lemma(w.lower()) in titles), None)
        case = case_of(title.lower()) if title else None
        out.append(nominative_name(word, case).lower())
    return out


def natasha_lemmatiser() -> Lemmatiser | None:
    """natasha's pipeline as a lemmatiser, or None when natasha is not installed."""
    try:
        import pymorphy2.analyzer
        import pymorphy2_dicts_ru
        from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
    except ImportError:
        return None
    pymorphy2.analyzer._lang_dict_paths = lambda: {"ru": pymorphy2_dicts_ru.get_path()}
    embedding = NewsEmbedding()
    segmenter, tagger, ner, vocab = Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding), MorphVocab()

    def run(batch: list[Item]) -> list[str]:
        docs: dict[str, Doc] = {}  # each sentence through the pipeline once per run
        out = []
        for sentence, offset, word, _e in batch:
            doc = docs.get(sentence)
            if doc is None:
                doc = docs[sentence] = Doc(sentence)
                doc.segment(segmenter)
                doc.tag_morph(tagger)
                doc.tag_ner(ner)
            out.append(_natasha_word(doc, offset, word, vocab))
        return out

    return run


def _natasha_word(doc: object, offset: int, word: str, vocab: object) -> str:
    for span in doc.spans:  # type: ignore[attr-defined]
        if span.type == "PER" and span.start <= offset < span.stop:
            span.normalize(vocab)
            words = span.normal.split()
            index = len(span.text[:offset - span.start].split())
            if len(words) == len(span.text.split()) and index < len(words):
                return str(words[index]).lower()
    token = next((t for t in doc.tokens if t.start == offset), None)  # type: ignore[attr-defined]
    if token is None:
        return word.lower()
    token.lemmatize(vocab)
    return str(token.lemma).lower()


def measure(run: Lemmatiser, batch: list[Item], repeat: int) -> tuple[int, float, list[str]]:
    """(correct, best items/s, the lemmas) over ``repeat`` timed runs after one warm-up."""
    lemmas = run(batch)
    best = float("inf")
    for _ in range(repeat):
        for cached in (lemma, case_of, is_name_like):  # laoru's per-word caches: time the dictionary, not the cache
            cached.cache_clear()
        start = time.perf_counter()
        run(batch)
        best = min(best, time.perf_counter() - start)
    correct = sum(got == expected for got, (_s, _o, _w, expected) in zip(lemmas, batch, strict=True))
    return correct, len(batch) / best if best else float("inf"), lemmas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--misses", action="store_true", help="list every wrong lemma")
    args = parser.parse_args()
    batch = items()
    runs: dict[str, Lemmatiser | None] = {"pymorphy3": by_pymorphy3, "laoru": by_laoru, "natasha": natasha_lemmatiser()}
    base = None
    for name, run in runs.items():
        if run is None:
            print(f"{name:10s} not installed (pip install {name})")
            continue
        correct, speed, lemmas = measure(run, batch, args.repeat)
        base = base or speed
        print(f"{name:10s} {correct:3d}/{len(batch)} correct ({correct / len(batch):.2f})  "
              f"{speed:9.0f} names/s  ({speed / base:.3f} × pymorphy3)")
        if args.misses:
            for got, (_s, _o, word, expected) in zip(lemmas, batch, strict=True):
                if got != expected:
                    print(f"    {word} → {got} (want {expected})")
    print(f"{len(batch)} name occurrences in {len({s for s, *_ in batch})} sentences of the Russian captures; "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
