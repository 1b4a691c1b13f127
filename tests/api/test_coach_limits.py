"""POST /api/v1/coach/analyze has limits (issue 13, item 14): text per turn, turns and text per request
(422 naming the field), and a rate per token of its own (429 with Retry-After)."""

import time

from wowdesk.api.coach import MAX_CONVERSATION_CHARS, MAX_TURN_CHARS

URL = "/api/v1/coach/analyze"


def _turns(n, text="Hvordan kan jeg hjælpe?"):
    return [{"speaker": "agent" if i % 2 else "customer", "text": text} for i in range(n)]


def test_a_turn_or_a_conversation_over_the_limit_is_a_named_422(token_for, agent):
    api = token_for(agent, "read")
    too_long_turn = api.post(URL, {"turns": [{"speaker": "customer", "text": "x" * (MAX_TURN_CHARS + 1)}]})
    assert too_long_turn.status_code == 422
    assert too_long_turn.json()["detail"][0]["loc"][-3:] == ["turns", 0, "text"]
    per_turn = MAX_TURN_CHARS
    too_much = api.post(URL, {"turns": _turns(MAX_CONVERSATION_CHARS // per_turn + 1, "y" * per_turn)})
    assert too_much.status_code == 422
    assert too_much.json()["detail"][0]["loc"][-1] == "turns"
    assert str(MAX_CONVERSATION_CHARS) in too_much.json()["detail"][0]["msg"]
    five_megabytes = api.post(URL, {"turns": [{"speaker": "agent", "text": "z" * 5_000_000}]})
    assert five_megabytes.status_code == 422
    assert api.post(URL, {"turns": _turns(4)}).status_code == 200


def test_each_token_has_its_own_rate_for_analyses(token_for, agent, lead, settings):
    settings.COACH_ANALYSES_PER_MINUTE = 2
    api, other = token_for(agent, "read"), token_for(lead, "read")
    if time.time() % 60 > 55:  # windows are calendar minutes: start in a fresh one, not across the boundary
        time.sleep(60.5 - time.time() % 60)
    codes = [api.post(URL, {"turns": _turns(2)}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    limited = api.post(URL, {"turns": _turns(2)})
    assert 0 < int(limited["Retry-After"]) <= 60
    assert other.post(URL, {"turns": _turns(2)}).status_code == 200, "another token has its own count"
    assert api.get("/api/v1/teams").status_code == 200, "other endpoints are not limited by it"
