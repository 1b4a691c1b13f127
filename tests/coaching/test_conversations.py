"""Accuracy on the labelled conversations (tests/coaching/conversations/, see tests/coaching/measure.py).

train/ is what the rules were tuned on; heldout/, fresh/, unseen/ and unseen2/ were written by other writers and
were only measured until session 10, when they became tuning data too; unseen3/ and unseen4/ are only ever
measured.
The issue's targets (issue 16) are question kind >= 97 %, phase >= 92 %, findings F1 >= 92 %, promises found
>= 90 % with precision >= 90 % and due time within an hour >= 90 %. TARGETS holds them where they are met, so
a change that breaks a met target fails; FLOORS hold the other numbers just under what the coach reaches
today (docs/coaching.md has the numbers), so no change makes them worse.
"""

import pytest

from tests.coaching.measure import load, measure, summary

TARGET = {
    "question_kind": 0.97,
    "phase": 0.92,
    "findings_f1": 0.92,
    "promises_found": 0.90,
    "promises_precision": 0.90,
    "promises_due_within_hour": 0.90,
}
# The targets met today: every one on train (the rules were tuned there), only the due time on held-out.
# W8 joined train/ on 2026-11-30 and took train's promise precision to 89.3 %; promises read by structure brought it
# back to 91.1 %.
TARGETS = {
    "train": list(TARGET),
    # (findings F1 met on every held-out part and phase on unseen and unseen2 since session 9's phase and findings
    # structures: held-out F1 92.9, fresh 92.8, unseen 92.3 and phase 92.1, unseen2 92.2 and phase 94.1)
    "heldout": ["question_kind", "phase", "findings_f1", "promises_due_within_hour"],
    "fresh": ["question_kind", "phase", "findings_f1", "promises_due_within_hour"],
    "unseen": ["question_kind", "phase", "findings_f1", "promises_due_within_hour"],
    # (unseen2's question kind, 98.8 %, fell to 95.7 % when coordinated questions were labelled as two (LABELS.md
    # session 9), and is back at 98.3 % since the coach reads each clause that asks on its own as a question)
    "unseen2": ["question_kind", "phase", "findings_f1", "promises_due_within_hour"],
    # unseen3/ (writers W18, W19 and W20, 596 agent turns, written in session 9 from LABELS.md alone, kept outside
    # the repository while the rules were tuned, measured once at the end): every target met, promises 91.6 / 91.1.
    "unseen3": list(TARGET),
    # unseen4/ (writers W21, W22, W23 and W24, 852 agent turns, written in session 10 from LABELS.md alone, checked
    # by a second labeller who changed nothing, kept outside the repository while the rules were tuned, measured
    # once at the end): question kind 98.4, phase 95.9, findings F1 96.1, due 96.9 met; promises 85.7 / 88.8 not.
    "unseen4": ["question_kind", "phase", "findings_f1", "promises_due_within_hour"],
}
FLOORS = {
    "train": {},
    "heldout": {
        # (question kind 97.2 -> 98.5 and phase 93.1 -> 93.9 with the session 9 decisions in the coach)
        "question_kind": 0.98,
        # (phase 93.9 -> 94.5 and findings F1 94.2 -> 94.7 with session 10's farewells)
        "phase": 0.94,
        # (findings F1 90.0 -> 91.9 with the structure rules of session 8, 91.9 -> 92.9 with session 9's, 92.9 ->
        # 94.2 with session 10's rule phrase structures, 94.9 -> 95.2 with alternatives put after an open question)
        "findings_f1": 0.95,
        # (promises found 84.9 -> 83.3 when acts of ours 'nu'/'nå' and bookings made now were labelled as promises
        # with due null, LABELS.md session 9: labels changed, not the coach)
        # (promises 83.3/84.9 -> 86.7/87.2 with the session 9 promise rules in the coach; found 86.7 -> 87.8 with
        # session 11's)
        "promises_found": 0.875,
        # (promise precision 87.2 -> 91.3 with session 10's promise rules, 91.3 -> 91.8 with session 11's)
        "promises_precision": 0.915,
    },
    # fresh/ (writer W7, 250 agent turns) as first measured after W6 moved into train/.
    "fresh": {
        "question_kind": 0.97,
        # (phase 94.4 -> 92.8 and findings F1 92.1 -> 91.1 when offer questions were relabelled solution_accept,
        # LABELS.md session 9: labels changed, not the coach)
        # (phase back to 94.4 with offer questions read as solution_accept in the coach, session 9)
        # (phase 94.4 -> 95.2 and findings F1 91.1 -> 92.8 with session 9's phase and findings structures; F1
        # 92.8 -> 93.7 with session 10's rule phrase structures; phase 95.2 -> 95.6 and F1 93.7 -> 94.1 with its
        # farewells; F1 94.5 -> 95.8 with steps asked about by their participle, 95.8 -> 96.2 with the situation
        # named as the subject of a feeling)
        "phase": 0.95,
        "findings_f1": 0.96,
        # (promises 78.4/67.8 -> 80.4/69.5 with the clause rules of session 8; found 80.4 -> 78.8 when "Jeg bestiller
        # et nyt kort til dig nu" was labelled a promise, LABELS.md session 9: labels changed, not the coach)
        # (78.8 -> 78.4 when the state report "Regningen for januar er sat i bero" stopped being labelled a promise)
        # (promises 78.4/69.5 -> 80.8/72.4 with the session 9 promise rules in the coach)
        "promises_found": 0.805,
        # (promise precision 72.4 -> 80.8 with session 10's promise rules, 80.8 -> 82.4 with session 11's)
        "promises_precision": 0.82,
    },
    # unseen/ (writers W9 and W11, 520 agent turns): written in session 7 while the rules were tuned, kept out
    # of the repository until the tuning ended, then measured (docs/coaching.md has before and after).
    "unseen": {
        # (phase 90.0 -> 91.9 and findings F1 88.7 -> 91.5 in session 8; phase 91.9 -> 91.0 when offer questions
        # were relabelled solution_accept, LABELS.md session 9)
        # (phase 91.0 -> 91.7 with the session 9 decisions in the coach)
        # (phase 91.7 -> 92.1 and findings F1 91.3 -> 92.3 with session 9's phase and findings structures; F1
        # 92.3 -> 94.2 with session 10's rule phrase structures; phase 92.3 -> 92.7 and F1 94.3 -> 94.7 with the
        # plan said back for agreement, 94.7 -> 95.3 with the situation named as the subject of a feeling)
        "phase": 0.925,
        "findings_f1": 0.95,
        # (promises 92.9/84.0 -> 93.6/85.7 with the session 9 promise rules in the coach, found 93.6 -> 95.0 with
        # session 11's)
        "promises_found": 0.945,
        # (promise precision 85.7 -> 88.0 with session 10's promise rules, 88.0 -> 88.2 with session 11's)
        "promises_precision": 0.88,
    },
    # unseen2/ (writers W15 and W16, 543 agent turns): written in session 8, kept outside the repository while
    # that session's rules were tuned, measured once at its end (docs/coaching.md), then added here.
    "unseen2": {
        # (phase 92.4 -> 93.6 with the session 9 decisions in the coach)
        # (phase 93.6 -> 94.1 and findings F1 91.7 -> 92.2 with session 9's phase and findings structures; F1
        # 92.2 -> 92.6 with session 10's rule phrase structures; phase 94.1 -> 95.0 and F1 92.6 -> 93.7 with its
        # farewells; F1 93.8 -> 94.3 with steps asked about by their participle, 94.3 -> 95.8 with the situation
        # named as the subject of a feeling)
        "phase": 0.945,
        "findings_f1": 0.955,
        # (promises found 87.5 -> 91.0 with the session 9 promise rules in the coach, 91.0 -> 91.9 with session 11's)
        "promises_found": 0.915,
        # (precision 78.3 -> 76.7 when promises repeated in a later turn were labelled once, LABELS.md's decisions
        # after session 9: labels changed, not the coach; 76.7 -> 78.3 with repeats read as none in the coach)
        # (promise precision 78.3 -> 83.5 with session 10's promise rules, 83.5 -> 86.3 with session 11's)
        "promises_precision": 0.86,
    },
    "unseen3": {
        # (measured once at the end of session 9: question kind 98.5, phase 94.6, findings F1 95.2, promises 91.6 /
        # 91.1, due 98.2; the promise targets are met by 1-2 points, so these floors hold them within a point)
        "phase": 0.94,
        "findings_f1": 0.945,
    },
    "unseen4": {
        # (measured once at the end of session 10: promises found 85.7 %, precision 88.8 %: Danish found 79.7 %;
        # 86.1 / 89.7 with session 11's promise rules, tuned on the other parts only)
        "phase": 0.955,
        "findings_f1": 0.955,
        "promises_found": 0.855,
        "promises_precision": 0.89,
    },
}


@pytest.fixture(scope="module")
def results():
    return {part: summary(measure(load(part))["stats"]) for part in FLOORS}


def test_the_corpora_are_large_and_cover_three_languages(results):
    for part in FLOORS:
        assert set(results[part]) == {"da", "nb", "en", "all"}
    assert results["train"]["all"]["agent_turns"] + results["heldout"]["all"]["agent_turns"] >= 1500
    assert results["heldout"]["all"]["agent_turns"] >= 300


@pytest.mark.parametrize("part", list(TARGETS))
def test_the_met_targets_stay_met(results, part):
    row = results[part]["all"]
    misses = {name: round(row[name], 3) for name in TARGETS[part] if row[name] < TARGET[name]}
    assert not misses, f"{part} below the issue's target: {misses}"


@pytest.mark.parametrize("part", list(FLOORS))
def test_accuracy_floors(results, part):
    row = results[part]["all"]
    misses = {name: round(row[name], 3) for name, floor in FLOORS[part].items() if row[name] < floor}
    assert not misses, f"{part} below its floor: {misses}"
