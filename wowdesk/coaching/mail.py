"""The structure of an e-mail reply, checked beside the BALA path.

BALA is for dialogue; an e-mail answers in one go (the seed article says mail needs its own model). The
last agent e-mail of a conversation is checked for: a greeting with the customer's name, an
acknowledgement of the matter or the feeling, the answer or the next step with a time, one clear question
or an invitation to answer, and a closing line before the signature.
"""

import re

from . import casefree

_NAME_GREETING = re.compile(
    r"^\s*(?i:hej|hejsa|kære|hei|heisann|kjære|hi|hello|dear|goddag|god dag|god morgen|good morning|"
    r"good afternoon|hallo)[ \t,]+(?:(?i:mr|mrs|ms|miss|dr|hr|fru)\.?\s+)?(?!(?i:og|and|igen|again|there|alle|all)\b)"
    r"[A-ZÆØÅ][\w-]+",
    re.UNICODE,
)
_ACKNOWLEDGES = {
    "da": r"tak for (?:din|jeres|dit|det|svaret|mailen|beskeden|henvendelsen|tålmodigheden|at du|fordi)|tak fordi|"
    r"beklager|undskyld|jeg kan (?:godt )?se,? (?:at|på)|det er (?:ærgerligt|beklageligt|kedeligt|træls)|"
    r"jeg har (?:nu )?(?:læst|set på|kigget på|gennemgået) |det lyder|hvor er det|jeg forstår,? at|"
    # owning the fault acknowledges the matter ("Da er det helt klart vores fejl")
    r"(?:vores|min) fejl\b|"
    # agreeing on the matter, saying what was seen in it (session 10: "Du har helt ret i, at...", "Jeg ser i loggen,
    # at...")
    r"du har (?:helt |fuldstændig )?ret\b|jeg ser (?:i [\w-]+,? )?at\b",
    "nb": r"takk for (?:din|deres|ditt|det|svaret|e-posten|eposten|meldingen|henvendelsen|tålmodigheten|at du|raskt|"
    r"utfyllende)|beklager|unnskyld|jeg kan (?:godt )?se,? (?:at|på)|det er (?:leit|kjipt|beklagelig|dumt)|"
    r"jeg har (?:nå )?(?:lest|sett på|kikket på|gått gjennom) |det høres|så (?:leit|kjipt|dumt|kjedelig)|jeg forstår at|"
    r"(?:vår|min) feil\b|du har (?:helt |fullstendig )?rett\b|jeg ser (?:i [\w-]+ )?at\b",
    "en": r"thank(?:s| you) for|sorry|apologi[sz]e|apolog(?:ies|y)\b|you(?:'re| are) (?:quite |absolutely )?right\b|i can see (?:that|from)|i(?:'ve| have) (?:read|looked (?:at|into))|"
    r"that sounds|i understand (?:that|how)|how frustrating|i appreciate|(?:our|my) (?:mistake|fault|error)\b|that's on us",
}
_INVITES = {
    "da": r"skriv (?:endelig|gerne|bare|til os)|du er (?:meget |altid )?velkommen til at|vend (?:endelig |gerne )?tilbage|"
    r"hvis du har (?:flere|andre|yderligere) spørgsmål|lad (?:mig|os) (?:endelig )?vide|svar (?:gerne|bare|endelig) på|"
    r"send (?:mig|os) (?:gerne|endelig|bare)|kontakt (?:mig|os) (?:endelig|gerne)|giv (?:mig|os) (?:gerne )?besked|"
    r"ring (?:endelig|gerne) til",
    "nb": r"skriv (?:gjerne|bare|til oss)|du er (?:hjertelig |alltid )?velkommen til å|ta (?:gjerne )?kontakt|"
    r"hvis du har (?:flere|andre|ytterligere) spørsmål|gi (?:meg|oss) (?:gjerne |bare )?beskjed|svar (?:gjerne|bare) på|"
    r"send (?:meg|oss) (?:gjerne|bare)|ring (?:gjerne|oss)|bare si fra|si (?:gjerne )?fra",
    "en": r"let (?:me|us) know|feel free|do(?:n't| not) hesitate|reply to this|just reply|get back to (?:me|us)|"
    r"if you have any (?:other |further |more )?questions|please (?:send|reply|contact|call|write)|give (?:me|us) a call|"
    r"drop (?:me|us) a line|reach out",
}
_CLOSING_LINE = {
    "da": r"hav en|god (?:dag|weekend|aften|jul|sommer|bedring)|på forhånd tak|vi ses|pas på dig|ønsker dig|"
    r"fortsat god|held og lykke|rigtig god",
    "nb": r"ha en|god (?:dag|helg|kveld|jul|sommer|bedring)|på forhånd takk|vi ses|ønsker deg|fortsatt (?:fin|god)|"
    r"lykke til|riktig god",
    "en": r"have a|enjoy|take care|all the best|best of luck|good luck|thanks again|speak soon|looking forward|"
    r"many thanks|thank you again|best wishes|kind regards|have a (?:good|nice|great|lovely)",
}
# The reply's first sentence (after the greeting line) reacting to what the customer wrote acknowledges it too:
# thanks, gladness, understanding or an apology ("Tak for bekræftelsen.", "Så bra at koppene kom fram.", "Takk,
# da er det klart.", "Great to hear it's all matched"); a plain "Ja, ..." answers without acknowledging.
_REACTS = {
    "da": r"selv tak|det var så lidt|(?:mange |tusind )?tak\b|dejligt|godt(?: at|,| så)|fint(?: at|,)|super\b|skønt|perfekt|fedt|så (?:godt|fint|dejligt)|"
    r"(?:det )?forstår jeg|jeg forstår|jeg kan godt forstå|jeg er (?:glad|ked)|beklager|undskyld",
    "nb": r"bare hyggelig|ingen årsak|(?:mange |tusen )?takk\b|så (?:bra|fint|flott|godt|hyggelig)|flott|fint(?: at|,)|bra(?: at|,)|supert|perfekt|"
    r"(?:det )?skjønner jeg|jeg skjønner|jeg forstår|jeg er (?:glad|lei)|beklager|unnskyld",
    "en": r"you(?:'re| are) (?:very |most )?welcome|my pleasure|thank(?:s| you)\b|(?:great|good|lovely|wonderful|glad|pleased|brilliant|excellent) (?:to hear|news|that)|"
    r"(?:that's|that is|it's|it is) (?:so |really )?(?:great|good|lovely|wonderful) (?:to hear|news)|"
    r"(?:i'm|i am|we're|we are) (?:so |really |very )?(?:glad|pleased|sorry)|i (?:completely |fully )?understand|"
    r"sorry\b|perfect\b|great\b",
}
ACKNOWLEDGES = {lang: casefree.compile(p) for lang, p in _ACKNOWLEDGES.items()}
REACTS = {lang: casefree.compile(r"^\W*(?:" + p + ")") for lang, p in _REACTS.items()}
INVITES = {lang: casefree.compile(p) for lang, p in _INVITES.items()}
CLOSING_LINE = {lang: casefree.compile(p) for lang, p in _CLOSING_LINE.items()}
_MAIL_START = casefree.compile(r"^\s*(?:kære|kjære|dear)\b")


def looks_like_mail(agent_turns) -> bool:
    """No channel given: an agent turn that opens with "Kære/Dear" or ends with a signature is an e-mail (the
    signature was found when the turn was read)."""
    return any(turn.signed or _MAIL_START.match(turn.text) for turn in agent_turns)


def _strip_greeting_name(sentence: str) -> str:
    """A sentence without the greeting and name it opens with, on one line ("Hei Marte, så bra at...")."""
    m = _NAME_GREETING.match(sentence)
    return sentence[m.end() :].lstrip(" ,!\n") if m else sentence


# Passed on to someone else: the matter moves, but the customer gets no answer and, without a time (a time makes
# it a promise, counted apart), no next step ("Vi har videresendt saken til utviklerne", "Your email has been
# passed to our emergency team").
_PASSED_ON = re.compile(
    r"\b(?:videresendt|oversendt|overdraget|sendt (?:[\w-]+ ){0,8}?videre|givet videre|gitt videre|"
    r"passed (?:on )?to|forwarded|sent (?:it |this |your \w+ )?on to|handed (?:over|on) to)\b",
    re.IGNORECASE,
)
_MAIN_CLAUSE_AFTER = re.compile(
    r",\s+(?:så|nu|nå|da|so|now|then|og|and|\w+\s+(?:er|har|is|are|has|have|was|were))\s", re.I
)
_ANSWER_WORDS = 4


def _answers(s, feelings, lang: str) -> bool:
    """A sentence of the e-mail that gives the answer or the next step: a solution, or any statement of substance
    in an e-mail reply ("Refunderingen er nu helt afsluttet", "We'll see you on Tuesday 14 July at 9 am"), also
    beside the closing question; not the reaction to the customer's news ("Flott at sms-en kom fram", "Thanks for
    confirming"; "Dejligt, så er momsangivelsen klar" goes on to answer), an invitation to write, a closing line,
    only an acknowledgement, or the matter passed on without a time."""
    if s.offers:
        return True
    text = s.masked.strip()
    if s.kind or s.greeting or s.holding or s.phase == "closing" or text.count(" ") + 1 < _ANSWER_WORDS:
        return False
    if s.phase != "solution" and s.fixed is not None:
        return False
    start = _strip_greeting_name(text)
    if REACTS[lang].match(start) and not _MAIN_CLAUSE_AFTER.search(start):
        return False
    if INVITES[lang].search(text) or CLOSING_LINE[lang].match(start) or _PASSED_ON.search(text):
        return False
    lead = s.start + len(s.text) - len(s.text.lstrip())
    return not any(a <= lead + 12 and b > lead for a, b in feelings)


def check_mail(turn, rules, lang: str) -> dict:
    body = turn.text[: turn.body_end]
    sentences = [s for s in turn.sentences if s.text.strip()]
    last = sentences[-1].text if sentences else ""
    # A question read as the closing by its parts ("Er det andre ting du lurer på?") is not the closing line a
    # mail ends with; the closing phrases are ("Er der andet, jeg kan hjælpe med?").
    closing = any(s.phase == "closing" and (not s.kind or rules.closing.search(s.masked)) for s in sentences) or bool(
        CLOSING_LINE[lang].search(last)
    )
    codes = {f["code"] for f in turn.findings}
    feelings = [(f["start"], f["end"]) for f in turn.findings if f["code"] in ("acknowledgement", "risky_agreement")]
    # the first sentence after the greeting line ("Hej Henrik", "Hei igjen Kristin,") reacts to the customer
    reacts = False
    for s in sentences:
        if REACTS[lang].match(_strip_greeting_name(s.masked.strip())):
            reacts = True
            break
        if not s.greeting:
            break
    return {
        "greeting_name": bool(_NAME_GREETING.match(body)),
        # (the found acknowledgement first: it spares the search over the whole body)
        "acknowledges": reacts or "acknowledgement" in codes or bool(ACKNOWLEDGES[lang].search(body)),
        "answer_or_next_step": bool(turn.promises) or any(_answers(s, feelings, lang) for s in sentences),
        "invites_reply": bool(turn.questions) or bool(INVITES[lang].search(body)),
        "closing": closing,
    }
