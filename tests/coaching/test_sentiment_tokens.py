"""Latin-1 text is split into sentiment tokens with bytes.translate() and split(); it gives _TOKEN's tokens."""

import re

from tests.coaching.measure import load
from wowdesk.coaching import sentiment as s


def _as_token_pattern_reads(tokens: list) -> list:
    # every punctuation mark is read as "." (they all end a clause alike)
    return ["." if t in ",;:!?" else t for t in tokens]


def test_every_latin1_character_is_split_as_the_token_pattern_splits_it():
    for c in map(chr, range(256)):
        assert len(c.lower()) == 1 and ord(c.lower()) < 256, repr(c)  # lowering keeps Latin-1 Latin-1
    text = "".join(map(chr, range(256))) + " Ikke GODT!! virker-ikke, ÆØÅ's 3½ µ ß x_y..."
    expected = _as_token_pattern_reads(s._TOKEN.findall(text.lower()))
    assert [t.decode("latin-1") for t in s._tokens(text, "da")[0]] == expected


def test_every_corpus_text_is_split_as_the_token_pattern_splits_it():
    texts = [t["text"] for c in load("seed") + load("train") for t in c["turns"]]
    latin1 = 0
    for text in texts:
        tokens, table, _scored = s._tokens(text, "da")
        if table is s._TABLES["da"]:  # (not Latin-1: read by the pattern itself)
            assert not re.fullmatch(r"[\x00-\xff]*", text)
            continue
        latin1 += 1
        assert [t.decode("latin-1") for t in tokens] == _as_token_pattern_reads(s._TOKEN.findall(text.lower()))
    assert latin1 > len(texts) * 0.9
