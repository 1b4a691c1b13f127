"""wowdesk.mail.mime writes the same bytes Django's EmailMultiAlternatives does (same boundary and date), over
many subjects, names, addresses, bodies and header values; what it cannot write the same it leaves to Django."""

import random

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.utils.html import escape, linebreaks

from wowdesk.mail import mime

WORDS = [
    "Hej",
    "Spørgsmål",
    "om",
    "min",
    "faktura",
    "[#1234]",
    "Re:",
    "Ærø",
    "Kundeservice",
    "a;b",
    "x,y",
    '"quoted"',
    "=?utf-8?q?x?=",
    "(note)",
    "<tag>",
    "tab\there",
    "",
    "verylongwordwithoutanyspacesatallthatgoesonandonandonforeverandevermorethanseventyeightcharacters",
    "日本語",
    "emoji🙂",
    "Ø",
    "\\",
    "a:b",
    "==",
    "--",
]
NAMES = ["", "Kundeservice", "Support Danmark", "Kundeservice Åbenrå", 'Anne "A" Hansen', "Ole, Per", "日本"]
ADDRESSES = [
    "support@example.com",
    "m12@kunde.dk",
    "first.last+tag@sub.example.co.uk",
    "o'brien@example.ie",
    "weird..dots@example.com",
    "søren@kunde.dk",
    "x@bücher.de",
    "UPPER@Example.COM",
]


def phrase(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def body_text(rng: random.Random) -> str:
    lines = [phrase(rng, rng.randrange(0, 25)) for _ in range(rng.randrange(1, 8))]
    ends = ["\n", "\r\n", "\r", "\n\n"]
    text = "".join(line + rng.choice(ends) for line in lines)
    return text if rng.random() < 0.7 else text.rstrip()


def django_bytes(*, subject, body, html, from_email, to, headers, boundary):
    email = EmailMultiAlternatives(subject, body, from_email, [to], headers=headers)
    email.attach_alternative(html, "text/html")
    message = email.message()
    message.set_boundary(boundary)
    return message.as_bytes(linesep="\r\n"), message["Date"]


def cases(count: int):
    rng = random.Random(20)
    for i in range(count):
        name = rng.choice(NAMES)
        sender = rng.choice(ADDRESSES[:5])
        body = body_text(rng)
        headers = {"Message-ID": f"<{rng.randrange(10**12)}.{i}@example.com>"}
        if rng.random() < 0.8:
            headers["In-Reply-To"] = f"<cpu-{i}@kunde.dk>"
            headers["References"] = " ".join(
                f"<{rng.randrange(10**9)}.{j}@kunde.dk>" for j in range(rng.randrange(1, 21))
            )
        if rng.random() < 0.5:
            headers["Auto-Submitted"] = "auto-replied"
            headers["X-Auto-Response-Suppress"] = "All"
        yield {
            "subject": phrase(rng, rng.randrange(0, 14)),
            "body": body,
            "html": f"<div>{linebreaks(escape(body))}</div>",
            "from_email": f"{name} <{sender}>" if name else sender,
            "to": rng.choice(ADDRESSES),
            "headers": headers,
        }


@pytest.mark.parametrize("case", list(cases(400)))
def test_the_bytes_are_those_django_writes(case):
    boundary = mime.boundary_for([case["body"]])
    try:
        expected, date = django_bytes(**case, boundary=boundary)
    except Exception as exc:  # Django cannot build it: neither may mime (the caller then falls back to Django)
        with pytest.raises(type(exc)):
            mime.build(**case, boundary=boundary)
        return
    built = mime.build(**case, date=date, boundary=boundary)
    if built is not None:
        assert built == expected


def test_the_boundary_is_not_in_the_text_and_looks_like_email_generators():
    boundary = mime.boundary_for(["x"])
    assert len(boundary) == 15 + 19 + 2 and boundary.startswith("=" * 15) and boundary.endswith("==")
    clash = mime.boundary_for([f"line\n--{boundary}\n"])  # a random clash is next to impossible, so check the rule
    assert clash != boundary or f"--{boundary}" not in f"line\n--{boundary}\n"


def test_a_boundary_that_clashes_gets_a_counter(monkeypatch):
    monkeypatch.setattr(mime.random, "randrange", lambda _n: 7)
    plain = mime.boundary_for(["x"])
    assert mime.boundary_for([f"a\n--{plain}\n"]) == f"{plain}.1"
    body = f"a\n--{plain}\n"
    case = {"subject": "S", "body": body, "html": "<p>a</p>", "from_email": "a@b.dk", "to": "c@d.dk"}
    expected, date = django_bytes(**case, headers={"Message-ID": "<1@b.dk>"}, boundary=f"{plain}.1")
    assert mime.build(**case, headers={"Message-ID": "<1@b.dk>"}, date=date) == expected


@pytest.mark.parametrize("address", ADDRESSES)
def test_envelope_addresses_are_djangos(address):
    assert mime.recipient(address) == sanitize_address(address, "utf-8")
    assert mime.envelope_address(f"Kundeservice Åbenrå <{address}>") == sanitize_address(
        f"Kundeservice Åbenrå <{address}>", "utf-8"
    )


def test_what_django_sends_otherwise_is_left_to_django():
    case = {"subject": "S", "html": "<p>x</p>", "from_email": "a@b.dk", "to": "c@d.dk", "headers": {}}
    assert mime.build(**case, body="x" * 999) is None  # quoted-printable
    assert mime.build(**case, body="") is None  # Django leaves the text part out
    assert mime.build(**{**case, "to": ""}, body="x") is None
    assert mime.build(**{**case, "headers": {"Date": "x"}}, body="x") is None


def test_the_html_part_is_djangos_linebreaks_of_the_escaped_text():
    # mail.services._html writes Django's escape and linebreaks out (issue 20); every auto-reply's HTML part.
    from wowdesk.mail.services import _html

    pieces = [*WORDS, "\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r\n", " \n ", "&amp;", "'", '"', "<p>", ">"]
    rng = random.Random(20)
    texts = ["", "\n", "\r", "a\r\nb\r\n\r\nc", "Hej\n\nDu kan forvente svar i morgen.\n  Mandag: 08:00–16:00"]
    texts += [
        "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randrange(1, 40))) for _ in range(500)
    ]
    for text in texts:
        assert _html(text) == f"<div>{linebreaks(escape(text))}</div>", repr(text)
