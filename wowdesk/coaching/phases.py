"""BALA phases decoded over the whole conversation, not turn by turn.

Most sentences have their phase whatever the context: a greeting, an open question (need), an instruction,
a thing done, a cause or a promise (solution), the closing question or a farewell (closing). A closed
question does not: "Så du har fået låst din telefon op?" confirms the solution after one was given and the
customer said it works, while "Så du kan ikke komme videre?" after the customer described the problem
confirms the need. So each closed question gets a score per phase it may have (need, need_accept,
solution_accept) from its form (verb first: gathering facts; a statement with "?", "så...", a tag:
checking understanding; "virker det nu?": checking a result), and the customer's replies add evidence
(the turn before: a problem described, or "det virker"; the turn after: "ja", "det virker nu").

The decoder is a small state model (Viterbi) over the agent turns. Its state is the turn's phase plus
whether a solution has been given: a solution can only be confirmed after one, and going back to the need
after a solution costs a little, so the best path over the whole conversation decides.
"""

import re
from itertools import product

PHASES = ("greeting", "need", "need_accept", "solution", "solution_accept", "closing")
PHASE_RANK = {name: rank for rank, name in enumerate(PHASES)}
PHASE_RANK["other"] = -1
BACK_TO_NEED = -0.6  # a need question after a solution: possible (a new need), less likely
CUSTOMER_WORKS_BEFORE = 1.6
CUSTOMER_WORKS_AFTER = 1.0
CUSTOMER_YES_AFTER = 0.3
CUSTOMER_DESCRIBED = 0.6
CUSTOMER_ACCEPTED_BEFORE = 1.8  # right after a turn that gave the solution; see decode()
SOLVED_IN_TURN = (
    0.8  # a plain statement with "?" after the turn's own solution: "..., og du har det fredag. Passer det?"
)
CUSTOMER_ASKED_BEFORE = 1.0  # a plain yes/no question that answers the customer's question with a question
_ACCEPT_WORDS = 10


def _turn_phase(phases: list) -> str:
    """The highest-ranked phase of the turn's sentences (the first of equals), else greeting, else other. One loop
    without a list and max(key=) (it runs for every reading of every turn)."""
    best = None
    best_rank = -2  # below "other" (-1), which counts as a phase here
    greeting = False
    for p in phases:
        if not p:
            continue
        if p == "greeting":
            greeting = True
            continue
        rank = PHASE_RANK[p]
        if rank > best_rank:
            best, best_rank = p, rank
    if best is not None:
        return best
    return "greeting" if greeting else "other"


_CLAUSE = re.compile(r"[.,;:!?]+|\s(?:men|but|though|although|selv om|selvom)\s", re.IGNORECASE)


def _works(text: str | None, rules) -> bool:
    """The customer says it works: "Nu virker det", "I can see it now", in a clause without a negation or a
    problem ("jeg kan se, at den stadig fejler", "it works in Chrome but not in Safari" do not count)."""
    if not text or not rules.customer_works.search(text):
        return False
    return any(rules.customer_works.search(c) and not rules.problem.search(c) for c in _CLAUSE.split(text))


def _accepts(text: str | None, rules) -> bool:
    """The customer accepts what was said or done: a short reply that opens with "okay/fint/greit/sounds good"
    and holds no problem and no question ("Okay, lånebil er fint", "OK, I've sent it")."""
    if not text or "?" in text or text.count(" ") >= _ACCEPT_WORDS:
        return False
    return bool(rules.customer_accepts.search(text)) and not rules.problem.search(text)


def _answered(sentences) -> bool:
    """A sentence before the question gives something: a solution, or a statement of substance (not a
    greeting, a holding line or a short acknowledgement, "Helt fint.", "Da rekker det godt")."""
    return any(
        s.fixed == "solution"
        or (s.fixed is None and not s.kind and not s.holding and not s.greeting and s.text.count(" ") > 3)
        for s in sentences
    )


def _options(turn, rules, before: str | None, after: str | None, works: dict):
    """(score, phases per sentence, gives a solution, needs an earlier solution, gain when the turn before gave
    the solution) for each reading. `works` keeps _works() per customer text: a customer turn is the turn after
    one agent turn and the turn before the next."""
    fixed = [s.fixed for s in turn.sentences]
    ambiguous = [i for i, s in enumerate(turn.sentences) if s.options]
    if not ambiguous:
        return [(0.0, fixed, turn.solution, False, 0.0)]
    if len(ambiguous) > 2:
        # Only the last two closed questions are weighed; earlier ones take their best reading alone.
        for i in ambiguous[:-2]:
            s = turn.sentences[i]
            fixed[i] = max((p for p in s.options if p != "solution_accept"), key=s.options.get)
        ambiguous = ambiguous[-2:]
    works_before = works.get(before)
    if works_before is None:
        works_before = works[before] = _works(before, rules)
    works_after = works.get(after)
    if works_after is None:
        works_after = works[after] = _works(after, rules)
    accepted_before = not works_before and _accepts(before, rules)
    yes_after = bool(after and rules.customer_yes.search(after))
    described = bool(before and (rules.customer_problem.search(before) or len(before.split()) > 12))
    asked_before = bool(before and "?" in before) and not works_before
    out = []
    for choice in product(*(turn.sentences[i].options.items() for i in ambiguous)):
        phases = list(fixed)
        score = 0.0
        needs_solution = False
        after_solution = 0.0
        for i, (phase, base) in zip(ambiguous, choice, strict=True):
            phases[i] = phase
            score += base
            last = i == ambiguous[-1]
            if phase == "solution_accept":
                # An earlier solution in the same turn ("Jeg har låst den op. Virker det nu?") is enough.
                if "solution" not in phases[:i]:
                    needs_solution = True
                elif turn.sentences[i].plain_statement:
                    # and a statement with "?" that follows it, not saying the problem back, asks about it:
                    # "Montøren kommer fredag kl. 10 og skifter pakningen. Passer fredag for dig?"
                    score += SOLVED_IN_TURN
                if works_before:
                    score += CUSTOMER_WORKS_BEFORE
                elif accepted_before and last and turn.sentences[i].form in ("declarative", "tag"):
                    # (a statement said back, "Så er du hjulpet?"; a verb-first question after "Ok" may ask
                    # something new, "Bruker du også...?")
                    after_solution = CUSTOMER_ACCEPTED_BEFORE
                if last and works_after:
                    score += CUSTOMER_WORKS_AFTER
                if last and yes_after:
                    score += CUSTOMER_YES_AFTER
            elif phase == "need":
                if asked_before and turn.sentences[i].plain_yes_no and not _answered(turn.sentences[:i]):
                    # The customer asked ("Kan jeg få rabatten på mobilen?", "can I change it instead?") and
                    # the agent's first words are a plain yes/no question: it gathers what the answer needs,
                    # it does not check a solution the customer has just questioned
                    score += CUSTOMER_ASKED_BEFORE
            elif phase == "need_accept":
                if described and "solution" not in phases[:i]:
                    # (with the turn's own solution in between, the description has been answered)
                    score += CUSTOMER_DESCRIBED
                if last and yes_after:
                    score += CUSTOMER_YES_AFTER
        out.append((score, phases, turn.solution, needs_solution, after_solution))
    return out


def decode(turns, rules, before: dict, after: dict) -> None:
    """Set each turn's `phase`, `phases` (per sentence, in order) and each sentence's `phase`."""
    if not turns:
        return
    # Viterbi over (turn, solution given so far): best score and back pointer per state. Whether the turn
    # before gave the solution is read from the best path into each state (kept beside it, not as a state of
    # its own: twice the states cost 3 % of the coach's time for the few turns it decides). Each reading's
    # flags and turn phase are worked out once per turn, not once per state (-1.1 % of the coach's
    # instructions, bench/coach_instructions.py).
    best = {False: (0.0, None, None, False)}  # state -> (score, previous state, reading, the turn gave the solution)
    history = []
    works: dict = {}
    for turn in turns:
        for sentence in turn.sentences:
            if sentence.options:
                break
        else:
            # No closed question to weigh (most turns): one reading, its best path per state, without the
            # readings list and the checks a weighed reading needs.
            phases = [s.fixed for s in turn.sentences]
            turn_phase = _turn_phase(phases)
            reading = (phases, turn_phase)
            solves = turn_phase == "solution"
            back_to_need = not turn.solution and ("need" in phases or "need_accept" in phases)
            solution_now = turn.solution or "solution" in phases
            nxt = {}
            for state, (score, _prev, _reading, _just_solved) in best.items():
                total = score + 0.0 + (BACK_TO_NEED if state and back_to_need else 0.0)
                new_state = state or solution_now
                current = nxt.get(new_state)
                if current is None or total > current[0]:
                    nxt[new_state] = (total, state, reading, solves)
            history.append(nxt)
            best = nxt
            continue
        readings = []
        for option in _options(turn, rules, before.get(turn.index), after.get(turn.index), works):
            gain, phases, gives_solution, needs_solution, after_solution = option
            turn_phase = _turn_phase(phases)
            readings.append(
                (
                    gain,
                    not gives_solution and ("need" in phases or "need_accept" in phases),
                    gives_solution or "solution" in phases,
                    needs_solution,
                    after_solution,
                    (phases, turn_phase),
                    turn_phase == "solution",
                )
            )
        nxt: dict = {}
        for state, (score, _prev, _reading, just_solved) in best.items():
            for gain, back_to_need, solution_now, needs_solution, after_solution, reading, solves in readings:
                if needs_solution and not state:
                    continue
                total = score + gain + (BACK_TO_NEED if state and back_to_need else 0.0)
                if after_solution and just_solved:
                    total += after_solution
                new_state = state or solution_now
                current = nxt.get(new_state)
                if current is None or total > current[0]:
                    nxt[new_state] = (total, state, reading, solves)
        if not nxt:  # cannot happen (an option without solution_accept always exists), but never lose a turn
            nxt = {st: (sc, st, readings[0][5], False) for st, (sc, _p, _o, _s) in best.items()}
        history.append(nxt)
        best = nxt
    state = max(best, key=lambda st: best[st][0])
    for turn, step in zip(reversed(turns), reversed(history), strict=True):
        _score, previous, (phases, turn_phase), _solves = step[state]
        for sentence, phase in zip(turn.sentences, phases, strict=True):
            sentence.phase = phase
        turn.phases = [p for p in phases if p]
        turn.phase = turn_phase
        state = previous
