"""The conversation coach: BALA phases, open and closed questions, word engineering, promises, sentiment.

Pure Python with precompiled patterns, so one core analyses well over 10,000 agent turns a second
(bench/coach.py). See docs/coaching.md for every rule with examples.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from . import lexicon, messages
from .detect import detect_language
from .promises import is_promise, resolve_due
from .sentiment import sentiment

PHASES = ("greeting", "need", "need_accept", "solution", "solution_accept", "closing")
PHASE_RANK = {name: rank for rank, name in enumerate(PHASES)}
_F = re.IGNORECASE | re.UNICODE

# A sentence ends at ! or ?, at a full stop followed by a capital letter or the end, or at a line break;
# so "kl. 16", "f.eks. at" and "version 4.2" stay inside their sentence.
_SENTENCE = re.compile(r"\S[^\n]*?(?:[!?]+(?=[\s\"')]|$)|\.(?=\s+[\"'(]?[A-ZÆØÅ]|[\s\"')]*$)|(?=\n)|$)", re.UNICODE)


def _alt(patterns) -> str:
    return "(?:" + "|".join(patterns) + ")"


def _phrases(patterns) -> str:
    """Alternatives that must end on a word boundary ("se" must not match inside "sende")."""
    return _alt(patterns) + r"(?!\w)"


def _words(words) -> str:
    return _alt(re.escape(w) for w in sorted(words, key=len, reverse=True))


class InputError(ValueError):
    """Invalid input; `field` names the offending part (e.g. "turns[2].speaker")."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field

    def as_dict(self) -> dict:
        return {"error": str(self), "field": self.field}


@dataclass(slots=True)
class Rules:
    """Every pattern for one language, compiled once."""

    lang: str
    question_word: re.Pattern
    open_prompt: re.Pattern
    prompt_yes_no: re.Pattern
    fillers: re.Pattern
    subordinate: re.Pattern
    tag: re.Pattern
    greeting: re.Pattern
    closing: re.Pattern
    solution_accept: re.Pattern
    need_accept: re.Pattern
    solution: re.Pattern
    imperative: re.Pattern
    suggestion: re.Pattern
    weak: re.Pattern
    weak_alternatives: list
    strong: re.Pattern
    but_opener: re.Pattern
    risky: re.Pattern
    presumptive: re.Pattern
    presumptive_statement: re.Pattern
    rule: re.Pattern
    acknowledgement: re.Pattern
    signature: re.Pattern
    scan: re.Pattern = None  # every word-level finding in one pass; see _scan()


# Word-level findings, longest phrases first: a finditer never overlaps, so "du skal snakke med en anden
# afdeling" is one rule phrase, not also the strong word "skal".
SCAN_ORDER = (
    ("rule_phrase", "rule", "improve"),
    ("risky_agreement", "risky", "improve"),
    ("acknowledgement", "acknowledgement", "good"),
    ("presumptive_question", "presumptive_statement", "improve"),
    ("weak_word", "weak", "improve"),
    ("strong_word", "strong", "good"),
)


SCAN_POLARITY = {code: polarity for code, _, polarity in SCAN_ORDER}


def _scan(rules: "Rules") -> re.Pattern:
    # Every finding starts at the beginning of a word; checking that first lets the engine skip the
    # alternatives at all other positions (three times faster than trying them everywhere).
    alternatives = "|".join(f"(?P<{code}>{getattr(rules, attr).pattern})" for code, attr, _ in SCAN_ORDER)
    return re.compile(rf"(?<![\w-])(?:{alternatives})", _F)


def _rules(lang: str) -> Rules:
    L = lexicon
    rules = Rules(
        lang=lang,
        question_word=re.compile(_words(L.QUESTION_WORDS[lang]) + r"(?![\w'])", _F),
        open_prompt=re.compile(r"^" + _alt(L.OPEN_PROMPTS[lang]) + r"\b", _F),
        prompt_yes_no=re.compile(r"\W*(?:\w+\W+){0,2}?(?:" + L.PROMPT_YES_NO[lang] + r")\b", _F),
        fillers=re.compile(r"^(?:" + _words(L.FILLERS[lang]) + r"\b[\s,.!]*)+", _F),
        subordinate=re.compile(r"^" + _words(L.SUBORDINATE[lang]) + r"\b", _F),
        tag=re.compile(L.TAG_QUESTION[lang], _F),
        greeting=re.compile(_phrases(L.GREETING[lang]), _F),
        closing=re.compile(_phrases(L.CLOSING[lang]), _F),
        solution_accept=re.compile(_phrases(L.SOLUTION_ACCEPT[lang]), _F),
        need_accept=re.compile(_phrases(L.NEED_ACCEPT[lang]), _F),
        solution=re.compile(r"\b" + _phrases(L.SOLUTION[lang]), _F),
        imperative=re.compile(r"^" + _words(L.IMPERATIVES[lang]) + r"\b", _F),
        suggestion=re.compile(_phrases(L.SUGGESTION[lang]), _F),
        weak=re.compile(r"(?<![\w-])" + _alt(L.WEAK_WORDS[lang]) + r"(?![\w-])", _F),
        weak_alternatives=[(re.compile(p + r"$", _F), alt) for p, alt in L.WEAK_WORDS[lang].items()],
        strong=re.compile(r"(?<![\w-])" + _alt(L.STRONG_WORDS[lang]) + r"(?![\w-])", _F),
        but_opener=re.compile(r"^(?:" + L.BUT_OPENER[lang] + r")\b", _F),
        risky=re.compile(_phrases(L.RISKY_AGREEMENT[lang]), _F),
        presumptive=re.compile(_phrases(L.PRESUMPTIVE[lang]), _F),
        presumptive_statement=re.compile(_phrases(L.PRESUMPTIVE_STATEMENT[lang]), _F),
        rule=re.compile(_phrases(L.RULE_PHRASES[lang]), _F),
        acknowledgement=re.compile(_phrases(L.ACKNOWLEDGEMENT[lang]), _F),
        signature=re.compile(r"^[ \t]*(?:" + L.SIGNATURE[lang] + r")\b[^\n]{0,40}$", _F | re.MULTILINE),
    )
    rules.scan = _scan(rules)
    return rules


RULES = {lang: _rules(lang) for lang in lexicon.LANGUAGES}
# A closed question that clearly checks a result, even without a solution before it.
_CHECKS_RESULT = re.compile(
    r"^(?:virker|fungerer|funker|hjalp|løste) (?:det|den)\b|^(?:does|did) (?:it|that|this) (?:work|help)"
    r"|^(?:is|are) (?:it|everything) (?:working|fixed)",
    _F,
)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    question: str | None = None  # "open" | "closed" | None
    phases: list = field(default_factory=list)


def question_kind(text: str, rules: Rules, body: str | None = None) -> str | None:
    """'open', 'closed' or None (not a question) for one sentence. `body`: the sentence without fillers."""
    stripped = text.strip()
    is_question = stripped.endswith("?")
    if body is None:
        body = rules.fillers.sub("", stripped)
    if prompt := rules.open_prompt.match(body):
        return "closed" if rules.prompt_yes_no.match(body, prompt.end()) else "open"
    if not is_question:
        return None
    if rules.tag.search(stripped):
        return "closed"
    clauses = body.split(",")
    first = clauses[0].strip()
    if len(clauses) > 1 and (rules.subordinate.match(first) or len(first.split()) <= 2):
        # "Hvis du logger ind, hvad ser du?" / "Anna, what do you see?": the question is the next clause.
        nxt = rules.fillers.sub("", clauses[1].strip())
        return "open" if rules.question_word.match(nxt) else "closed"
    return "open" if rules.question_word.match(first) else "closed"


def _sentences(body: str) -> list[Sentence]:
    return [Sentence(m.start(), m.end(), m.group()) for m in _SENTENCE.finditer(body)]


def _finding(code: str, m_start: int, m_end: int, text: str, polarity: str, lang: str, **fmt) -> dict:
    advice = messages.ADVICE[code][lang].format(text=text, **fmt)
    return {"code": code, "start": m_start, "end": m_end, "text": text, "polarity": polarity, "advice": advice}


def _weak_alternative(word: str, rules: Rules) -> str:
    for pattern, alternative in rules.weak_alternatives:
        if pattern.match(word):
            return alternative
    return ""


def analyze_agent_turn(text: str, rules: Rules, solution_seen: bool) -> dict:
    """Questions, phases and findings of one agent turn. `solution_seen`: a solution came earlier."""
    lang = rules.lang
    signature = rules.signature.search(text)
    body = text[: signature.start()] if signature and signature.start() > 0 else text
    sentences = _sentences(body)
    findings: list[dict] = []
    questions: list[dict] = []
    question_spans: list[tuple[int, int]] = []
    promises: list[str] = []
    for index, s in enumerate(sentences):
        sentence = s.text.strip()
        content = rules.fillers.sub("", sentence)
        kind = question_kind(sentence, rules, content)
        s.question = kind
        if index < 2 and rules.greeting.search(sentence):
            s.phases.append("greeting")
        if kind:
            questions.append({"text": sentence, "kind": kind})
            question_spans.append((s.start, s.end))
        imperative = None if kind else rules.imperative.match(content)
        if rules.closing.search(sentence):
            s.phases.append("closing")
        elif kind == "open":
            s.phases.append("need")
            findings.append(_finding("open_question", s.start, s.end, sentence, "good", lang))
        elif kind == "closed":
            if rules.suggestion.search(sentence):
                s.phases.append("solution")
                solution_seen = True
            elif solution_seen or _CHECKS_RESULT.search(content):
                s.phases.append("solution_accept")
            elif rules.need_accept.search(sentence) or rules.need_accept.search(content) or rules.tag.search(sentence):
                s.phases.append("need_accept")
            elif rules.solution_accept.search(sentence) and not rules.presumptive.search(content):
                s.phases.append("solution_accept")
            else:
                s.phases.append("need")
            if rules.presumptive.search(content) and "need_accept" not in s.phases:
                findings.append(_finding("presumptive_question", s.start, s.end, sentence, "improve", lang))
        elif not rules.rule.search(sentence) and (
            imperative or rules.solution.search(sentence) or rules.suggestion.search(sentence)
        ):
            s.phases.append("solution")
            solution_seen = True
        if not kind and is_promise(sentence, lang):
            promises.append(sentence)
        if m := rules.but_opener.match(sentence):
            offset = s.start + (len(s.text) - len(s.text.lstrip()))
            findings.append(_finding("but_opener", offset + m.start(), offset + m.end(), m.group(), "improve", lang))
        if imperative:
            offset = s.start + s.text.find(content)
            findings.append(
                _finding("strong_word", offset, offset + imperative.end(), imperative.group(), "good", lang)
            )
    imperative_starts = {f["start"] for f in findings if f["code"] == "strong_word"}
    for m in rules.scan.finditer(body):
        code = m.lastgroup
        start = m.start()
        if code == "strong_word":
            # Strong words count in statements only, and an imperative is reported once.
            if start in imperative_starts or any(a <= start < b for a, b in question_spans):
                continue
            findings.append(_finding(code, start, m.end(), m.group(), "good", lang))
        elif code == "weak_word":
            alternative = _weak_alternative(m.group(), rules)
            findings.append(_finding(code, start, m.end(), m.group(), "improve", lang, alt=alternative))
        else:
            findings.append(_finding(code, start, m.end(), m.group(), SCAN_POLARITY[code], lang))
    findings.sort(key=lambda f: (f["start"], f["end"]))
    phases = [p for s in sentences for p in s.phases]
    main = [p for p in phases if p != "greeting"]
    phase = max(main, key=PHASE_RANK.__getitem__) if main else ("greeting" if phases else "other")
    closing_question = any("closing" in s.phases and s.question for s in sentences)
    return {
        "phase": phase,
        "phases": phases,
        "questions": questions,
        "findings": findings,
        "promises": promises,
        "solution_seen": solution_seen,
        "closing_question": closing_question,
    }


def _parse_time(value, where: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError("must be an ISO-8601 date-time string or null", where)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"not an ISO-8601 date-time: {value!r}", where) from None


def validate(data) -> tuple[str | None, datetime | None, list[dict]]:
    if not isinstance(data, dict):
        raise InputError("the input must be a JSON object", None)
    language = data.get("language")
    if language is not None and language not in lexicon.LANGUAGES:
        raise InputError(f"must be one of {', '.join(lexicon.LANGUAGES)} or null", "language")
    sent_at = _parse_time(data.get("sent_at"), "sent_at")
    turns = data.get("turns")
    if not isinstance(turns, list):
        raise InputError("must be a list of turns", "turns")
    clean = []
    for i, turn in enumerate(turns):
        if not isinstance(turn, dict):
            raise InputError("each turn must be an object", f"turns[{i}]")
        if turn.get("speaker") not in ("agent", "customer"):
            raise InputError("must be 'agent' or 'customer'", f"turns[{i}].speaker")
        if not isinstance(turn.get("text"), str):
            raise InputError("must be a string", f"turns[{i}].text")
        clean.append(
            {
                "speaker": turn["speaker"],
                "text": turn["text"],
                "sent_at": _parse_time(turn.get("sent_at"), f"turns[{i}].sent_at") or sent_at,
            }
        )
    return language, sent_at, clean


def analyze(data: dict) -> dict:
    """Analyse a conversation given in the documented JSON shape (see wowdesk.coaching)."""
    language, _sent_at, turns = validate(data)
    lang = language or detect_language(" ".join(t["text"] for t in turns))
    rules = RULES[lang]
    out_turns, timeline, promises = [], [], []
    all_findings: list[dict] = []
    solution_seen = False
    first_agent = None
    closing_question = False
    questions = {"open": 0, "closed": 0}
    for index, turn in enumerate(turns):
        if turn["speaker"] == "customer":
            out_turns.append(
                {
                    "speaker": "customer",
                    "phase": None,
                    "questions": [],
                    "findings": [],
                    "sentiment": sentiment(turn["text"], lang),
                }
            )
            continue
        result = analyze_agent_turn(turn["text"], rules, solution_seen)
        solution_seen = result["solution_seen"]
        closing_question = closing_question or result["closing_question"]
        if first_agent is None:
            first_agent = result
        timeline.extend(result["phases"])
        all_findings.extend(result["findings"])
        for q in result["questions"]:
            questions[q["kind"]] += 1
        for text in result["promises"]:
            due = resolve_due(text, lang, turn["sent_at"])
            promises.append({"turn": index, "text": text, "due": due.isoformat() if due else None})
        out_turns.append(
            {
                "speaker": "agent",
                "phase": result["phase"],
                "questions": result["questions"],
                "findings": result["findings"],
                "sentiment": None,
            }
        )
    first = {p: timeline.index(p) for p in reversed(PHASES) if p in timeline}
    bala = {p: p in first for p in ("need", "need_accept", "solution", "solution_accept")}
    bala["in_order"] = all(bala.values()) and (
        first["need"] < first["need_accept"] < first["solution"] < first["solution_accept"]
    )
    conversation_findings = []
    if first_agent is not None:
        if bala["solution"] and (not bala["need_accept"] or first["need_accept"] > first["solution"]):
            conversation_findings.append("solution_before_need_accept")
        if bala["solution"] and not any(
            p == "solution_accept" and i > first["solution"] for i, p in enumerate(timeline)
        ):
            conversation_findings.append("no_solution_accept")
        if "greeting" not in first_agent["phases"]:
            conversation_findings.append("no_greeting")
        if not closing_question:
            conversation_findings.append("no_closing_question")
        if questions["closed"] and not questions["open"]:
            conversation_findings.append("only_closed_questions")
    score, strengths, improvements = _assess(
        lang, bala, conversation_findings, all_findings, first_agent, closing_question, questions
    )
    return {
        "language": lang,
        "turns": out_turns,
        "bala": bala,
        "conversation_findings": conversation_findings,
        "promises": promises,
        "score": score,
        "strengths": strengths,
        "improvements": improvements,
    }


# Points per achievement and per problem; the score is clamped to 0..100. Documented in docs/coaching.md.
POINTS = {
    "greeting": 10,
    "need": 15,
    "need_accept": 15,
    "solution": 10,
    "solution_accept": 15,
    "closing": 10,
    "in_order": 5,
    "acknowledgement": 5,
    "strong_words": 5,
    "base": 10,
}
PENALTY = {
    "weak_word": (3, 15),
    "but_opener": (5, 10),
    "risky_agreement": (4, 8),
    "presumptive_question": (4, 12),
    "rule_phrase": (8, 16),
    "only_closed_questions": (5, 5),
}


def _assess(lang, bala, conversation_findings, findings, first_agent, closing_question, questions):
    if first_agent is None:
        return 0, [], []
    codes: dict[str, int] = {}
    for f in findings:
        codes[f["code"]] = codes.get(f["code"], 0) + 1
    achieved = []
    if "no_greeting" not in conversation_findings:
        achieved.append("greeting")
    if questions["open"]:
        achieved.append("need")
    achieved += [p for p in ("need_accept", "solution", "solution_accept") if bala[p]]
    if closing_question:
        achieved.append("closing")
    if bala["in_order"]:
        achieved.append("in_order")
    if codes.get("acknowledgement"):
        achieved.append("acknowledgement")
    if codes.get("strong_word"):
        achieved.append("strong_words")
    score = POINTS["base"] + sum(POINTS[a] for a in achieved)
    problems = {c: n for c, n in codes.items() if c in PENALTY}
    if "only_closed_questions" in conversation_findings:
        problems["only_closed_questions"] = 1
    for code, n in problems.items():
        each, cap = PENALTY[code]
        score -= min(each * n, cap)
    score = max(0, min(100, score))
    strength_keys = {
        "greeting": "greeting",
        "need": "open_questions",
        "need_accept": "need_accept",
        "solution": "solution",
        "solution_accept": "solution_accept",
        "closing": "closing",
        "in_order": "in_order",
        "acknowledgement": "acknowledgement",
        "strong_words": "strong_words",
    }
    strengths = [messages.STRENGTHS[strength_keys[a]][lang] for a in achieved]
    if not codes.get("weak_word") and questions["open"] + questions["closed"] + len(findings):
        strengths.append(messages.STRENGTHS["clean_language"][lang])
    # Most important first: what breaks first contact resolution, then the way words land.
    order = [
        "solution_before_need_accept",
        "no_solution_accept",
        "only_closed_questions",
        "rule_phrase",
        "presumptive_question",
        "weak_word",
        "but_opener",
        "risky_agreement",
        "no_closing_question",
        "no_greeting",
    ]
    present = set(conversation_findings) | set(problems)
    improvements = [messages.IMPROVEMENTS[c][lang] for c in order if c in present]
    return score, strengths, improvements
