"""The wowdesk conversation coach: a pure library (no Django, no network, no downloaded models).

    from wowdesk.coaching import analyze
    analyze({"language": "da", "sent_at": None, "turns": [{"speaker": "agent", "text": "Hej!"}]})

Input:  {"language": "da"|"nb"|"en"|null, "sent_at": ISO-8601|null,
         "turns": [{"speaker": "agent"|"customer", "text": str, "sent_at": ISO-8601 (optional)}]}
Output: {"language", "turns": [{"speaker", "phase", "questions", "findings", "sentiment"}], "bala",
         "conversation_findings", "promises", "score", "strengths", "improvements"} (see docs/coaching.md)
"""

from .analyzer import PHASES, InputError, analyze, question_kind
from .detect import detect_language

__all__ = ["PHASES", "InputError", "analyze", "detect_language", "question_kind"]
