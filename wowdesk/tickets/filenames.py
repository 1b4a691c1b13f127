"""Attachment file names: the name a person sees (kept as given, minus what can deceive or cannot be stored)
and the name the file is stored under on disk (always safe, whatever the sender wrote)."""

import re
import unicodedata

from django.core.files.uploadedfile import SimpleUploadedFile

MAX_NAME_CHARS = 255  # Attachment.filename
# Bidirectional controls make "invoice\u202egpj.exe" read as "invoiceexe.jpg".
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}$")


def display_filename(name: str | None) -> str:
    """The name shown and offered on download: the sender's own, without bidi and control characters,
    slashes or surrogates, cut to 255 characters. Never empty."""
    name = _CONTROL.sub("", _BIDI.sub("", name or ""))
    name = name.encode("utf-8", "replace").decode("utf-8").replace("/", "_").strip()
    if len(name) > MAX_NAME_CHARS:
        extension = _EXTENSION.search(name)
        suffix = extension.group() if extension else ""
        name = name[: MAX_NAME_CHARS - len(suffix)] + suffix
    return name or "attachment"


def storage_filename(name: str | None) -> str:
    """A name for the file on disk: ASCII letters, digits, dot, dash and underscore, at most 100 bytes, never
    starting with a dot. Names like "..", "★★★" or 130 × "æ" (over 255 bytes) are stored safely."""
    ascii_name = unicodedata.normalize("NFKD", display_filename(name)).encode("ascii", "ignore").decode()
    ascii_name = _UNSAFE.sub("_", ascii_name).strip("._-")
    extension = _EXTENSION.search(ascii_name)
    suffix = extension.group().lower() if extension else ""
    stem = ascii_name[: len(ascii_name) - len(suffix)].strip("._-")[:80]
    return f"{stem or 'attachment'}{suffix}"


def attachment_file(name: str, data: bytes, content_type: str) -> SimpleUploadedFile:
    """An in-memory file for tickets.services (mail attachments): stored under a safe name, shown under the
    sender's. Django refuses names like ".." on an uploaded file, so the sender's name travels beside it."""
    upload = SimpleUploadedFile(storage_filename(name), data, content_type)
    upload.display_name = display_filename(name)
    return upload
