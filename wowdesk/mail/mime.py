"""The bytes of an outbound mail with a text and an HTML part and no attachments, written directly: the same
bytes Django's EmailMultiAlternatives(...).message().as_bytes(linesep="\\r\\n") gives (tests/mail/test_mime.py
compares the two over many subjects, names, bodies and header values), without building the email.message
tree and flattening it again.

Building and flattening that tree was about a third of a task worker's CPU per new ticket (its auto-reply):
the random boundary's regular expression compiled per mail, every header folded through email.header, both
addresses parsed twice (issue 20; bench/followup_cpu.py with a CPU-time sampler). What is not the common case
(a line longer than 998 bytes, which Django sends quoted-printable; an empty body; a charset other than
UTF-8; an address this module does not recognise as plain) goes the way it went, through Django
(build() returns None)."""

import random
import re
import sys
from email import policy
from email.utils import formatdate
from functools import lru_cache

from django.conf import settings
from django.core.mail.message import RFC5322_EMAIL_LINE_LENGTH_LIMIT, forbid_multi_line_headers, sanitize_address

CRLF = "\r\n"
# How email.generator writes a header (compat32, 78 columns) and splits a body into lines.
_FOLD = policy.compat32.clone(linesep=CRLF)
_LINES = re.compile(r"\r\n|\r|\n")
# A header value written as it is: printable ASCII words with one space between them, short enough that the
# line is not folded (email.header.Header leaves such a value untouched, also for Subject).
_PLAIN_VALUE = re.compile(r"[!-~]+(?: [!-~]+)*\Z")
_PLAIN_MAX = 76  # len(name) + len(value) for "Name: value" to fit 78 columns
# An address Django's sanitize_address gives back unchanged: a dot-atom local part at an ASCII domain.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_ADDRESS = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@[A-Za-z0-9-]{{1,63}}(?:\.[A-Za-z0-9-]{{1,63}})*\Z")
# email.generator's boundary: 15 '=', a random number of 19 digits, '=='.
_BOUNDARY_DIGITS = len(repr(sys.maxsize - 1))
_SPECIAL_HEADERS = frozenset(("from", "to", "cc", "reply-to", "date", "content-type", "mime-version", "subject"))


def header(name: str, value: str) -> str:
    """One header line as Django sets it and email.generator writes it."""
    if len(name) + len(value) <= _PLAIN_MAX and _PLAIN_VALUE.match(value):
        return f"{name}: {value}{CRLF}"
    name, value = forbid_multi_line_headers(name, value, "utf-8")
    return _FOLD.fold_binary(name, value).decode("ascii", "surrogateescape")


@lru_cache(maxsize=512)
def _cached_header(name: str, value: str) -> str:
    return header(name, value)


@lru_cache(maxsize=512)
def envelope_address(address: str) -> str:
    """The address as Django's SMTP backend gives it to smtplib (sanitize_address)."""
    return sanitize_address(address, "utf-8")


def recipient(address: str) -> str:
    if _PLAIN_ADDRESS.match(address):
        return address
    return sanitize_address(address, "utf-8")


def _part(subtype: str, text: str) -> str | None:
    if any(len(line.encode(errors="surrogateescape")) > RFC5322_EMAIL_LINE_LENGTH_LIMIT for line in text.splitlines()):
        return None  # Django sends it quoted-printable
    cte = "7bit" if text.isascii() else "8bit"
    return (
        f'Content-Type: text/{subtype}; charset="utf-8"{CRLF}MIME-Version: 1.0{CRLF}'
        f"Content-Transfer-Encoding: {cte}{CRLF}{CRLF}{CRLF.join(_LINES.split(text))}"
    )


def boundary_for(parts: list[str]) -> str:
    boundary = "=" * 15 + str(random.randrange(sys.maxsize)).zfill(_BOUNDARY_DIGITS) + "=="
    # email.generator compiles a pattern for each boundary to look for it at the start of a line; a boundary
    # found nowhere in the text (every time, in practice) cannot be at the start of one.
    counter = 0
    text = "".join(parts)
    candidate = boundary
    while "--" + candidate in text:
        counter += 1
        candidate = f"{boundary}.{counter}"
    return candidate


def build(
    *,
    subject: str,
    body: str,
    html: str,
    from_email: str,
    to: str,
    headers: dict[str, str],
    date: str | None = None,
    boundary: str | None = None,
) -> bytes | None:
    """The mail's bytes, or None for a mail this module leaves to Django (see the module's docstring)."""
    if not body or not to or settings.DEFAULT_CHARSET.lower() != "utf-8":
        return None
    if any(name.lower() in _SPECIAL_HEADERS for name in headers):
        return None
    parts = [_part("plain", body), _part("html", html)]
    if None in parts:
        return None
    if boundary is None:
        boundary = boundary_for(parts)
    if date is None:
        date = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
    lines = [
        f'Content-Type: multipart/alternative;{CRLF} boundary="{boundary}"{CRLF}MIME-Version: 1.0{CRLF}',
        header("Subject", subject),
        _cached_header("From", from_email),
        header("To", to),
        header("Date", date),
    ]
    lines.extend(header(name, value) for name, value in headers.items())
    lines.append(CRLF)
    separator = f"{CRLF}--{boundary}{CRLF}"
    text = f"--{boundary}{CRLF}{separator.join(parts)}{CRLF}--{boundary}--{CRLF}"
    # Header lines are ASCII (email.header encodes what is not); the parts are UTF-8 (8bit), encoded strictly
    # as Django's set_payload does.
    return "".join(lines).encode("ascii", "surrogateescape") + text.encode("utf-8")
