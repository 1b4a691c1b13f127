"""The prefilter (wowdesk/coaching/prefilter.py) only saves time: the coach's output is the same without it.

The prefilter here is the anchors (a pattern none of whose anchors occurs in the turn is not run) and the
heads (a match() at a position where the text starts with none of the pattern's heads is not run). Every
labelled conversation (seed, train, held-out, fresh, unseen, unseen2, unseen3) and every demo conversation
(every scenario in every style, language given and detected) is analysed with the prefilter on and off and the full JSON
compared. Comparing against the code itself rather than a stored snapshot keeps the check valid while the
rules change. The held-out texts are only analysed here, never printed.
"""

import json
import re

import pytest

from tests.coaching.measure import coach_input, load
from wowdesk.coaching import analyze, casefree, prefilter
from wowdesk.coaching.prefilter import anchors, heads
from wowdesk.demo.scenarios import SCENARIOS, conversation


def _conversations() -> list[dict]:
    out = [
        coach_input(c)
        for part in ("seed", "train", "heldout", "fresh", "unseen", "unseen2", "unseen3")
        for c in load(part)
    ]
    for language, scenarios in SCENARIOS.items():
        for scenario in scenarios:
            for style in ("bala", "jump", "weak"):
                turns = conversation(language, scenario, style, "Anna", "Anna Jensen", "Mette")
                for given in (language, None):
                    out.append(
                        {
                            "language": given,
                            "sent_at": "2026-11-20T10:00:00+01:00",
                            "turns": [{"speaker": s, "text": t} for s, t in turns],
                        }
                    )
    return out


def _outputs(conversations, enabled: bool, monkeypatch) -> list[str]:
    monkeypatch.setattr(prefilter, "ENABLED", enabled)
    return [json.dumps(analyze(c), sort_keys=True, ensure_ascii=False) for c in conversations]


def test_the_prefilter_changes_no_output(monkeypatch):
    conversations = _conversations()
    assert len(conversations) > 500
    with_prefilter = _outputs(conversations, True, monkeypatch)
    without = _outputs(conversations, False, monkeypatch)
    differ = [i for i, (a, b) in enumerate(zip(with_prefilter, without, strict=True)) if a != b]
    assert not differ, f"{len(differ)} conversations differ, the first: #{differ[0]}"


def test_the_prefilter_skips_patterns():
    """It does skip work: in an ordinary turn most phrase patterns cannot match."""
    low = casefree.lower("Hej Anna, tak for din besked. Jeg sender dig en ny kode i morgen.")
    mask = prefilter.mask(low)
    skipped = sum(1 for found in prefilter._bits if not mask & prefilter._bits[found])
    assert skipped > len(prefilter._bits) / 2


def _texts_by_language() -> dict[str, list[str]]:
    """Every agent and customer turn, and its sentences (a split at end marks is enough here), lowercased."""
    out: dict[str, set] = {}
    for c in load("seed") + load("train"):
        for turn in c["turns"]:
            low = casefree.lower(turn["text"])
            texts = out.setdefault(c["language"], set())
            texts.add(low)
            texts.update(part.strip() for part in re.split(r"(?<=[.!?\n])\s", low) if part.strip())
    return {lang: sorted(texts) for lang, texts in out.items()}


def test_every_match_holds_one_of_its_anchors():
    """The derived anchors are sound on real text: wherever a pattern matches, one of its anchors occurs."""
    by_language = _texts_by_language()
    texts = [t for lang in sorted(by_language) for t in by_language[lang]]
    assert prefilter.REGISTERED
    for source, flags, found in prefilter.REGISTERED:
        pattern = re.compile(source, flags)
        for text in texts:
            if pattern.search(text):
                assert any(a in text for a in found), (source[:80], text[:80])


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<![\w-])(?:ab|c(?:d|e)f)x?\b", {"ab", "cdf", "cef"}),
        (r"jeg (?:kigger|ser) på", {"jeg kigger på", "jeg ser på"}),
        (r"\w+ede", {"ede"}),
        (r"(?:a|\w+)b", {"b"}),  # one alternative has no anchor, so the literal after the group is taken
        (r"x(?=yz)", {"yz"}),  # a lookahead's text is in the string too (the longer requirement is taken)
        (r"(?<=ab)c", {"ab"}),
        (r"a(?!bc)", {"a"}),  # a negative lookahead is not
        (r"[’']ll", {"'ll", "’ll"}),
        (r"ab{2}c", {"abbc"}),
        (r"(?:x|y)*z", {"z"}),
        (r"(?:ab)?c", {"c"}),
        (r"(a)b\1", None),  # a backreference: not read
        (r"(?i:abc)d", {"d"}),  # a case-insensitive part is not read, the rest is
        (r"(?i)abc", None),
        (r"\w+|abc", None),  # one alternative without anchors: the pattern always runs
        (r"a|ab|abc", {"a"}),  # "ab" and "abc" hold "a": one of them occurs only where "a" does
    ],
)
def test_anchors(pattern, expected):
    found = anchors(pattern)
    assert (None if found is None else set(found)) == expected


def test_every_match_starts_with_one_of_its_heads():
    """The derived heads are sound on real text: wherever a match() succeeds, the text starts with a head."""
    by_language = _texts_by_language()
    texts = [t for lang in sorted(by_language) for t in by_language[lang]]
    assert len(casefree.HEADED) > 50
    for headed in casefree.HEADED:
        pattern = re.compile(headed._pattern.pattern, headed._pattern.flags)
        for text in texts:
            if pattern.match(text):
                assert text.startswith(tuple(headed._heads)), (pattern.pattern[:80], text[:80])


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^(?:og|men)\b", {"og", "me"}),
        (r"(?<![\w-])(?:hej|hallo|god dag)", {"hej", "hal", "god"}),  # a look behind takes no character
        (r"(?:og|så)+\s", {"og", "så"}),  # a repeat, at least once: its first repetition
        (r"x?yz", {"xy", "yz"}),
        (r"(?:a|)b", {"a", "b"}),
        (r"(?:kan|kunne) (?:du|i)", {"kan", "kun"}),
        (r"\w+er", None),
        (r"^\W*(?:ja|nej)", None),
        (r"(?:ab)?c", {"a", "c"}),
        (r"(?i:abc)", None),
        (r"(?:ab|\d)c", None),
    ],
)
def test_heads(pattern, expected):
    found = heads(pattern)
    assert (None if found is None else set(found)) == expected


def test_a_scan_without_some_alternatives_keeps_its_groups():
    """A scan over a text drops the alternatives that cannot match in it; groups keep numbers and names."""
    scan = casefree.compile(r"(?<![\w-])(?:(?P<first>alpha(x)?)|(?P<second>beta(y)?)|(?P<third>gamma))")
    text = "Beta y, betay and gamma."
    casefree.scope(text)
    found = [(m.lastgroup, m.lastindex, m.span(), m.groups()) for m in scan.finditer(text)]
    assert found == [
        ("second", 3, (0, 4), (None, None, "beta", None, None)),
        ("second", 3, (8, 13), (None, None, "betay", "y", None)),
        ("third", 5, (18, 23), (None, None, None, None, "gamma")),
    ]


def test_the_clause_split_read_by_its_first_character_splits_as_before():
    """_CLAUSE_SPLIT reads the character a split starts with first; it splits as the plain alternation of the
    splits does, on every seed and train text and on the sentences written to try it."""
    from wowdesk.coaching.analyzer import _CLAUSE_SPLIT, _SPLIT_STARTS, CLAUSE_SPLITS

    assert all(start in _SPLIT_STARTS for start, _rest in CLAUSE_SPLITS)
    plain = re.compile("|".join(start + rest for start, rest in CLAUSE_SPLITS), _CLAUSE_SPLIT.flags)
    texts = [t["text"] for c in load("seed") + load("train") for t in c["turns"]] + [
        "Jeg har krediteret beløbet, og du får en kreditnota; den kommer i morgen",
        "Pakken er sendt  og vil være fremme på fredag - ok? Your pizza left, it'll be there soon, so the rest.",
        "derfor gikk den i retur. sjåføren henter den. kl. 10, så vil jeg ringe;; og  og du",
    ]
    for text in texts:
        assert [m.span() for m in _CLAUSE_SPLIT.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_sentiment_without_a_sentiment_word_is_neutral():
    from wowdesk.coaching.sentiment import sentiment

    assert sentiment("Ikke helt, jeg har ordrenummer 4411!", "da") == 0.0
    assert sentiment("Det er ikke godt!", "da") < 0


def test_interjections_read_by_their_heads_strip_as_the_pattern_does():
    """A sentence that opens with a letter but none of the interjections' heads is left as it is without
    running the pattern: on real text that is what the pattern's (empty) match leaves too."""
    from wowdesk.coaching.clauses import CLAUSE_RULES

    by_language = _texts_by_language()
    for lang, texts in by_language.items():
        interjections = CLAUSE_RULES[lang].interjections
        assert interjections._heads
        pattern = re.compile(interjections._pattern.pattern, interjections._pattern._flags)
        for text in texts + ["Okay, så gør vi det", "1) Hvad", "- Hej", "🙂 ok, fint"]:
            m = pattern.match(casefree.lower(text))
            assert interjections.strip(text) == text[m.end() :], text[:80]


def test_the_spaces_listed_are_those_of_backslash_s():
    from wowdesk.coaching.analyzer import SPACES

    listed = re.compile(f"[{SPACES}]")
    assert [c for c in range(0x110000) if listed.match(chr(c))] == [
        c for c in range(0x110000) if re.match(r"\s", chr(c))
    ]


def test_a_sentence_left_unsplit_by_the_gate_has_no_split():
    """_clauses runs _CLAUSE_SPLIT only on a sentence that holds one of what a split needs: on every seed and
    train sentence the split finds nothing where the gate says so."""
    from wowdesk.coaching.analyzer import _CLAUSE_SPLIT, _SPLIT_NEEDS, _may_split

    assert _SPLIT_NEEDS
    texts = [t["text"] for c in load("seed") + load("train") for t in c["turns"]]
    sentences = [p.strip() for t in texts for p in re.split(r"(?<=[.!?\n])\s", t) if p.strip()]
    gated = [s for s in sentences if not _may_split(s)]
    assert len(gated) > len(sentences) / 10
    for sentence in gated + [s + " " for s in gated]:
        assert not _CLAUSE_SPLIT.search(sentence), sentence


def test_alternatives_grouped_by_first_character_match_as_before():
    """The first alternative that matches at a position is the same: an alternative that cannot start with a
    plain character is kept in its place, and no group reaches across it."""
    source = r"det x|(?:du|de) y|\w+er|det xy|d?et z|(?:jeg|vi) (?:kan|må)"
    grouped = casefree.first_character_groups(source)
    assert grouped == r"d(?:et x|u y|e y)|\w+er|d(?:et xy|et z)|et z|jeg (?:kan|må)|vi (?:kan|må)"
    texts = ["det xy", "de y", "dværer", "et z", "vi må", "jeg kan", "du y det x"]
    for text in texts:
        for pos in range(len(text)):
            a, b = re.compile(source).match(text, pos), re.compile(grouped).match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)
