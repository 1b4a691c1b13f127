"""Folding quoted history and signatures away in the UI (the stored text is never changed)."""

import re

# Lines that introduce the quoted previous mail, in da, nb and en mail clients.
_QUOTE_HEADER = re.compile(
    r"^(?:On .{5,200} wrote:|Den .{5,200} skrev .{0,200}:|.{0,80}\bskrev\b.{0,40}:|"
    r"-{2,}\s*(?:Original Message|Oprindelig meddelelse|Opprinnelig melding|Videresendt|Forwarded)[^\n]*|"
    r"(?:From|Fra):\s.+\n(?:(?:Sent|Sendt|Date|Dato):\s.+\n)?(?:To|Til):\s.+)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)


def split_quoted(text: str) -> tuple[str, str]:
    """(what the sender wrote now, the quoted history and signature below it)."""
    cut = len(text)
    if m := _QUOTE_HEADER.search(text):
        cut = min(cut, m.start())
    if m := _SIGNATURE.search(text):
        cut = min(cut, m.start())
    lines = text[:cut].split("\n")
    # A trailing block of "> " lines is quoted history too.
    end = len(lines)
    while end and (lines[end - 1].startswith(">") or not lines[end - 1].strip()):
        end -= 1
    if end < len(lines) and any(line.startswith(">") for line in lines[end:]):
        cut = len("\n".join(lines[:end]))
    main = text[:cut].rstrip()
    if not main:  # everything looked quoted: show it all rather than nothing
        return text, ""
    return main, text[cut:].strip("\n")
