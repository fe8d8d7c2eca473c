"""Batch feature extraction equals the article-by-article reference, exactly.

``features.extract`` runs a whole batch as one NumPy array (texts separated by a sentinel,
NFKC by table, rolling hashes in log2(n) passes); every value it returns must be what the
plain per-article functions give, or saved indexes and the scaled engines would disagree.
"""

from __future__ import annotations

import numpy as np
import pytest

from laoru.dedup.backend import make_backend
from laoru.dedup.features import extract, extract_one
from laoru.dedup.normalise import _nfkc_codes, nfkc
from laoru.dedup.shingles import rolling_hashes, shingle_set

TRICKY = [
    "", " ", "   \n\n  ", "ab", "abcdef", "abcdefg", " a\u00adb  c ", "\u200b", "\ufeff", "x" * 6,
    "Hello, World!! \U0001f600 ok", "ຂປລ ລາວ ຳ ໜ", "  lead  \n\n trail  ", "１２３４５６７８ ＭＯＵ",
    "a\uffffb c d e f g h", "e\u0301 cafe\u0301… ½ ⑩ ﬁ", "…", "x\u00a0\u00a0y", "\U0001f600…１２", "tail  ",
    "Путин встретился с Тхонглуном Сисулитом в Москве 30 июля.", "老挝 俄罗斯 合作 ２０２５ 年",
    "“Quoted” – dashed — text ‘here’ ﹘ and －", "A\u0308\u0301 Å Å", "ﾊﾝｶｸ ｶﾀｶﾅ",
]


@pytest.mark.parametrize("backend", ["rensa", "datasketch"])
def test_batch_extract_equals_one_by_one(backend):
    engine = make_backend(backend)
    texts = TRICKY + [" ".join(TRICKY[i:] + TRICKY[:i]) for i in range(len(TRICKY))]
    plain = [text for text in texts if "\uffff" not in text]
    for batch in (plain, texts):  # batch-wide, then article by article (a text holds the sentinel)
        for text, got in zip(batch, extract(batch, engine), strict=True):
            want = extract_one(text, engine)
            assert got.body_hash == want.body_hash, text
            assert got.shingles.dtype == want.shingles.dtype and np.array_equal(got.shingles, want.shingles), text
            assert (got.signature is None) == (want.signature is None), text
            if want.signature is not None:
                assert np.array_equal(got.signature, want.signature), text


def test_nfkc_by_table_equals_unicodedata():
    for text in TRICKY:
        if "\U0001f600" in text:
            continue
        assert _nfkc_codes(text).tobytes().decode("utf-32-le") == nfkc(text)


@pytest.mark.parametrize("ngram", [1, 2, 3, 5, 7, 8])
def test_rolling_hashes_equal_the_loop(ngram):
    values = np.random.default_rng(ngram).integers(0, 0x10000, 400).astype(np.uint64)
    assert np.array_equal(np.unique(rolling_hashes(values, ngram)), shingle_set(values.astype(np.uint32), ngram))
