"""Accuracy on the labelled conversations (tests/coaching/conversations/, see tests/coaching/measure.py).

train/ is what the rules were tuned on; heldout/ was written by other writers and is only ever measured.
The issue's targets for held-out conversations are question kind >= 97 %, phase >= 92 %, findings F1 >= 92 %,
promises found >= 90 % with precision >= 90 % and due time within an hour >= 90 %; these floors guard
what the coach reaches today (docs/coaching.md has the numbers) so that no change makes it worse.
"""

import pytest

from tests.coaching.measure import load, measure, summary

FLOORS = {
    "train": {
        "question_kind": 0.97,
        "phase": 0.90,
        "findings_f1": 0.90,
        "promises_found": 0.90,
        "promises_precision": 0.80,
        "promises_due_within_hour": 0.90,
    },
    "heldout": {
        "question_kind": 0.93,
        "phase": 0.83,
        "findings_f1": 0.84,
        "promises_found": 0.78,
        "promises_precision": 0.72,
        "promises_due_within_hour": 0.88,
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


@pytest.mark.parametrize("part", list(FLOORS))
def test_accuracy_floors(results, part):
    row = results[part]["all"]
    misses = {name: round(row[name], 3) for name, floor in FLOORS[part].items() if row[name] < floor}
    assert not misses, f"{part} below its floor: {misses}"
