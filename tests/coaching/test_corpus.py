"""Accuracy on the labelled corpus (targets: question kind >= 95 %, phase >= 90 %)."""

import pytest

from tests.coaching import corpus, heldout
from wowdesk.coaching import analyze

PRIOR_SOLUTION = {"da": "Tryk på Gem.", "nb": "Trykk på Lagre.", "en": "Press Save."}


def _score(rows):
    kinds_ok = phases_ok = total = 0
    misses = []
    for lang, phase, kinds, after, text in rows:
        turns = [{"speaker": "agent", "text": text}]
        if after:
            turns = [{"speaker": "agent", "text": PRIOR_SOLUTION[lang]}, {"speaker": "customer", "text": "ok"}, *turns]
        last = analyze({"language": lang, "sent_at": None, "turns": turns})["turns"][-1]
        total += 1
        got = [q["kind"] for q in last["questions"]]
        kinds_ok += got == kinds
        phases_ok += last["phase"] == phase
        if got != kinds or last["phase"] != phase:
            misses.append((lang, text, kinds, got, phase, last["phase"]))
    return total, kinds_ok / total, phases_ok / total, misses


def test_corpus_is_large_and_covers_every_language_and_phase():
    rows = list(corpus.rows())
    assert len(rows) >= 300
    assert {r[0] for r in rows} == {"da", "nb", "en"}
    assert {r[1] for r in rows} == {
        "greeting",
        "need",
        "need_accept",
        "solution",
        "solution_accept",
        "closing",
        "other",
    }
    assert sum(1 for r in rows if r[2]) >= 150, "plenty of questions to classify"


def test_question_kind_and_phase_accuracy_on_the_corpus():
    total, kinds, phases, misses = _score(corpus.rows())
    assert kinds >= 0.95, misses
    assert phases >= 0.90, misses


@pytest.mark.parametrize("language", ["da", "nb", "en"])
def test_accuracy_per_language(language):
    _, kinds, phases, misses = _score(r for r in corpus.rows() if r[0] == language)
    assert kinds >= 0.95, misses
    assert phases >= 0.90, misses


def test_held_out_utterances_the_rules_were_not_tuned_on():
    _, kinds, phases, misses = _score(heldout.rows())
    assert kinds >= 0.95, misses
    assert phases >= 0.90, misses
