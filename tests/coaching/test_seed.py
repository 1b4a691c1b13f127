"""The seed article's BALA example ("BALA-modellen i praksis", Steffen and Jørgen), read as the article
labels it, line by line: tests/coaching/conversations/seed.json holds the dialogue and its labels."""

from tests.coaching.measure import coach_input, load
from wowdesk.coaching import analyze


def test_the_seed_bala_dialogue_is_read_as_the_article_labels_it():
    [conversation] = load("seed")
    result = analyze(coach_input(conversation))
    agent = [
        (gold, got)
        for gold, got in zip(conversation["turns"], result["turns"], strict=True)
        if gold["speaker"] == "agent"
    ]
    assert len(agent) == 10
    assert (
        [got["phase"] for _, got in agent]
        == [gold["phase"] for gold, _ in agent]
        == [
            "need",
            "need",
            "need",
            "need_accept",
            "need_accept",
            "solution",
            "solution",
            "solution_accept",
            "closing",
            "closing",
        ]
    )
    for gold, got in agent:
        assert [(q["text"], q["kind"]) for q in got["questions"]] == [(q["text"], q["kind"]) for q in gold["questions"]]
    assert result["bala"] == {
        "need": True,
        "need_accept": True,
        "solution": True,
        "solution_accept": True,
        "in_order": True,
    }
    assert result["conversation_findings"] == []
    assert result["promises"] == []
    assert result["mail"] is None
    assert result["score"] >= 85
