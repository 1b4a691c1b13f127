"""Reading a raw mail without ever failing: what cannot be read is flagged, and the raw mail is kept."""

import hashlib
import re
from dataclasses import dataclass, field
from email import policy
from email.header import decode_header
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr

import nh3

from wowdesk.tickets.filenames import display_filename

_MSGID = re.compile(r"<[^<>\s]+>")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
NO_REPLY = re.compile(
    r"^(?:mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|notifications?)(?:[+.-].*)?$", re.IGNORECASE
)


# What tells a robot, a list or a bounce from a person (see auto_reply_block).
LOOP_HEADERS = (
    "auto-submitted",
    "precedence",
    "list-id",
    "list-unsubscribe",
    "list-post",
    "x-auto-response-suppress",
    "return-path",
)


@dataclass
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass
class ParsedMail:
    message_id: str = ""
    in_reply_to: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    from_address: str = ""
    from_name: str = ""
    to: list[str] = field(default_factory=list)
    subject: str = ""
    text: str = ""
    html: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    headers: dict = field(default_factory=dict)
    content_type: str = "text/plain"
    sha256: str = ""

    @property
    def dedupe_key(self) -> str:
        return self.message_id or f"sha256:{self.sha256}"


def _unfold(value: str) -> str:
    return _FOLD.sub("", value)


def _text(value: str) -> str:
    """A raw header value as text: 8-bit bytes (kept by the parser as surrogates) are read as UTF-8."""
    if value.isascii():
        return value
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _decode_words(value: str) -> str:
    """RFC 2047 encoded words decoded; a word in an unknown charset is read as UTF-8."""
    if "=?" not in value:
        return value
    decoded = []
    for chunk, charset in decode_header(value):
        if isinstance(chunk, str):
            decoded.append(chunk)
            continue
        try:
            decoded.append(chunk.decode(charset or "us-ascii", "replace"))
        except LookupError:
            decoded.append(chunk.decode("utf-8", "replace"))
    return "".join(decoded)


def _header(raw_headers: dict[str, str], name: str, flags: list[str]) -> str:
    """A header as the reader should see it (unfolded, encoded words decoded); "" if absent or unreadable."""
    try:
        return _decode_words(_text(_unfold(raw_headers.get(name.lower(), "")))).strip()
    except Exception:  # a header that cannot be decoded; the raw mail keeps it
        flags.append(f"unreadable {name} header")
        return ""


def _decode_part(part, charset: str, flags: list[str]) -> str:
    """A text part as str, the way EmailMessage.get_content() decodes it, from the charset already read."""
    try:
        payload = part.get_payload(decode=True) or b""
    except Exception:
        flags.append("unreadable body part")
        payload = part.get_payload()
        return payload if isinstance(payload, str) else ""
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        flags.append(f"unknown charset {charset}")
        return payload.decode("utf-8", "replace")


def _part_headers(part) -> tuple[str, str | None, str | None, str]:
    """(content type, disposition, file name, charset) of one MIME part; what cannot be read counts as absent."""
    content_type = part.get_content_type()
    try:
        disposition = part.get_content_disposition()
    except Exception:
        disposition = None
    try:
        filename = part.get_filename()  # Content-Disposition's filename, else Content-Type's name; RFC 2231
        filename = _decode_words(_text(filename)) if filename else filename
    except Exception:
        filename = None
    try:
        charset = part.get_content_charset() or "us-ascii"
    except Exception:
        charset = "us-ascii"
    return content_type, disposition, filename, charset


def html_to_text(html: str) -> str:
    text = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", "", html)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>", "\n", text)
    text = nh3.clean(text, tags=set())
    text = re.sub(r"&nbsp;", " ", text).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def parse(raw: bytes, max_attachment_bytes: int) -> ParsedMail:
    result = ParsedMail(sha256=hashlib.sha256(raw).hexdigest())
    flags = result.flags
    try:
        # compat32 keeps headers as the text they arrived as; the default policy parses every header it touches
        # into objects, which was most of the time it took to read a mail. Only the headers used are decoded.
        msg = BytesParser(policy=policy.compat32).parsebytes(raw)
    except Exception:
        flags.append("malformed MIME")
        result.text = raw.decode("utf-8", "replace")
        _make_storable(result)
        return result
    if msg.defects:
        flags.append("malformed MIME")
    raw_headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        raw_headers.setdefault(name.lower(), str(value))

    def token_header(name: str) -> str:
        return _text(_unfold(raw_headers.get(name, "")))

    message_ids = _MSGID.findall(token_header("message-id"))
    result.message_id = message_ids[0][:255] if message_ids else ""
    result.in_reply_to = _MSGID.findall(token_header("in-reply-to"))
    result.references = _MSGID.findall(token_header("references"))
    # Addresses are split before their display names are decoded: a decoded name may hold a comma or quotes.
    name, address = parseaddr(token_header("from"))
    if "@" not in address:
        # "From: just a name" parses as the address "just": it is a name without an address.
        name, address = name or token_header("from"), ""
    try:
        result.from_name = _decode_words(name).strip()
    except Exception:
        flags.append("unreadable From header")
    result.from_address = address.strip().lower()
    result.to = [a.lower() for _, a in getaddresses([token_header("to"), token_header("cc")]) if a]
    result.subject = _header(raw_headers, "Subject", flags)[:250]
    result.content_type = msg.get_content_type()
    for name in LOOP_HEADERS:
        if value := " ".join(token_header(name).split()):
            result.headers[name] = value
    text_parts, html_parts = [], []
    try:
        parts = list(msg.walk())
    except Exception:
        flags.append("malformed MIME")
        parts = [msg]
    for part in parts:
        if part.is_multipart():
            continue
        content_type, disposition, filename, charset = _part_headers(part)
        if (
            disposition == "attachment"
            or (filename and disposition != "inline")
            or (not content_type.startswith("text/") and content_type != "message/rfc822")
        ):
            data = part.get_payload(decode=True) or b""
            name = display_filename(filename)
            if filename and name != filename.replace("/", "_"):
                flags.append("attachment name cleaned (control or bidi characters, or over 255 characters)")
            if len(data) > max_attachment_bytes:
                flags.append(f"attachment too large: {name} ({len(data) // (1024 * 1024)} MB), kept in the raw mail")
                continue
            result.attachments.append(Attachment(name, content_type, data))
        elif content_type == "text/html":
            html_parts.append(_decode_part(part, charset, flags))
        elif content_type == "text/plain" or content_type.startswith("text/"):
            text_parts.append(_decode_part(part, charset, flags))
    result.html = "\n".join(html_parts)
    result.text = "\n\n".join(t.strip("\n") for t in text_parts) or (html_to_text(result.html) if result.html else "")
    if not result.text.strip() and not result.attachments:
        flags.append("missing body")
    _make_storable(result)
    if not result.from_address:
        flags.append("no sender address")
    result.flags = list(dict.fromkeys(flags))
    return result


MAX_NAME = 200  # Contact.name
MAX_ADDRESS = 254  # RFC 5321's limit, and Contact.email's


def clean(value: str) -> str:
    """Text every database stores: no NUL (PostgreSQL refuses it), no lone surrogates (not UTF-8)."""
    return value.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def _make_storable(result: ParsedMail) -> None:
    """What cannot be stored as given is normalised and the mail flagged; the raw mail keeps the original."""
    flags = result.flags
    fields = ("message_id", "from_address", "from_name", "subject", "text", "html")
    if any("\x00" in getattr(result, f) for f in fields):
        flags.append("NUL bytes removed")
    for f in fields:
        setattr(result, f, clean(getattr(result, f)))
    result.in_reply_to = [clean(i)[:255] for i in result.in_reply_to]
    result.references = [clean(i)[:255] for i in result.references]
    result.to = [clean(a)[:MAX_ADDRESS] for a in result.to]
    for attachment in result.attachments:
        attachment.content_type = clean(attachment.content_type)[:120]
    if len(result.from_name) > MAX_NAME:
        result.from_name = result.from_name[:MAX_NAME]
        flags.append(f"sender name over {MAX_NAME} characters, cut")
    if len(result.from_address) > MAX_ADDRESS:
        # A cut address would be someone else's: the mail is kept without one (no replies go out to it).
        result.from_address = ""
        flags.append(f"sender address over {MAX_ADDRESS} characters, not used")


def auto_reply_block(parsed: ParsedMail, envelope_from: str | None) -> str | None:
    """Why this mail must not get an auto-reply (loops, lists, bulk, robots), or None."""
    h = parsed.headers
    if envelope_from is not None and envelope_from.strip() in ("", "<>"):
        return "bounce (empty envelope sender)"
    # Fetched over IMAP there is no envelope: the delivering server wrote the envelope sender as Return-Path.
    if h.get("return-path", "").replace(" ", "") == "<>":
        return "bounce (Return-Path: <>)"
    if parsed.content_type == "multipart/report":  # delivery and read reports (RFC 6522)
        return "bounce (multipart/report)"
    if h.get("auto-submitted", "no").lower() != "no":
        return f"Auto-Submitted: {h['auto-submitted']}"
    if h.get("precedence", "").lower() in ("bulk", "list", "junk"):
        return f"Precedence: {h['precedence']}"
    if any(k in h for k in ("list-id", "list-unsubscribe", "list-post")):
        return "mailing list"
    if re.search(r"\b(?:all|autoreply|oof)\b", h.get("x-auto-response-suppress", ""), re.IGNORECASE):
        return "X-Auto-Response-Suppress"
    local = parsed.from_address.split("@", 1)[0]
    if not parsed.from_address or NO_REPLY.match(local):
        return "no-reply sender"
    return None
