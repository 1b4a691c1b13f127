"""A part of the scope's text (casefree.scope_part) reads as the same lowercase as the part lowered alone."""

from wowdesk.coaching import casefree


def test_a_part_of_the_scope_has_its_own_lowercase():
    text = "Hej ANNA, İstanbul-KONTORET svarer. ΟΔΟΣ Å. Vi sender DEN i dag.\nMvh Mette"
    casefree.scope(text)
    body = text[: text.index("\nMvh")]
    parts = [(body, 0)] + [(text[start:end], start) for start, end in ((0, 9), (10, 35), (36, 43), (44, 64))]
    for part, start in parts:
        assert text[start : start + len(part)] == part
        casefree.scope_part(part, start)
        assert casefree.lower(part) == casefree._lower(part), part


def test_a_part_of_a_scope_of_two_texts_has_its_own_lowercase():
    text, masked = "Skriv 'Hej' i feltet. Så er DU klar.", "Skriv '___' i feltet. Så er DU klar."
    casefree.scope(text, masked)
    casefree.scope_part(masked, len(text) + 1)
    casefree.scope_part(masked[22:], len(text) + 1 + 22)
    assert casefree.lower(masked) == casefree._lower(masked)
    assert casefree.lower(masked[22:]) == "så er du klar."


def test_a_scope_of_the_turn_then_the_turn_and_its_masked_text_reads_as_both_read_at_once():
    """scope(text, masked) right after scope(text) reads only the masked text (the turn's flags are known):
    the same lowercase and flags as lowering and reading the two joined, on every seed and train agent turn
    with a quote or a typographic apostrophe."""
    from tests.coaching.measure import load
    from wowdesk.coaching import analyze, prefilter
    from wowdesk.coaching.clauses import mask_quotes

    analyze({"language": "da", "turns": [{"speaker": "agent", "text": "Hej"}]})  # (the automaton built)
    texts = [t["text"] for c in load("seed") + load("train") for t in c["turns"] if t["speaker"] == "agent"]
    pairs = [(t, mask_quotes(t).replace("’", "'")) for t in texts]
    pairs = [(t, m) for t, m in pairs if m != t] + [("Skriv 'ΣΟΦΙΑ' her. ΣΑΣ", "Skriv '_____' her. ΣΑΣ")]
    assert len(pairs) > 50
    for text, masked in pairs:
        casefree.scope(text)
        casefree.scope(text, masked)
        joined = casefree._lower(text + "\n" + masked)
        assert casefree._scope[0] == joined
        assert casefree._scope[1] == prefilter.active(joined)
