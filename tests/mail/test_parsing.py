"""Reading mail as customers' mail programs write it: encoded and 8-bit headers, names with commas, RFC 2231
file names, parts in unknown charsets. Each case is what a person sees on the ticket."""

from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from wowdesk.mail.parsing import parse

MAX = 10 * 1024 * 1024


def test_encoded_words_folded_headers_and_a_name_with_a_comma():
    parsed = parse(
        b"From: =?utf-8?q?Hansen=2C_Jens?= <JENS@Example.DK>\r\n"
        b'To: "Support, DK" <support@example.com>, b@x.dk\r\n'
        b"Cc: =?iso-8859-1?q?S=F8ren?= <soren@x.dk>\r\n"
        b"Subject: =?iso-8859-1?q?K=F8benhavn_=E6bler?=\r\n  =?utf-8?b?b2cgcMOmcmVy?=\r\n"
        b"Message-ID:\r\n <folded-1@x.dk> (comment)\r\nIn-Reply-To: <a@x> <b@y>\r\nReferences: <r1@x>\r\n\t<r2@x>\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        b"K=F8ge =E6bler\r\n",
        MAX,
    )
    assert (parsed.from_name, parsed.from_address) == ("Hansen, Jens", "jens@example.dk")
    assert parsed.to == ["support@example.com", "b@x.dk", "soren@x.dk"]
    assert parsed.subject == "København æblerog pærer"  # no space between adjacent encoded words (RFC 2047)
    assert parsed.message_id == "<folded-1@x.dk>"
    assert (parsed.in_reply_to, parsed.references) == (["<a@x>", "<b@y>"], ["<r1@x>", "<r2@x>"])
    assert parsed.text.strip() == "Køge æbler" and parsed.flags == []


def test_raw_8bit_headers_are_read_as_utf8_and_other_bytes_do_not_break_the_mail():
    utf8 = parse(
        b"From: S\xc3\xb8ren Bl\xc3\xa5 <soren@x.dk>\r\nSubject: Bl\xc3\xa5b\xc3\xa6r og \xc3\xb8l\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nBl\xc3\xa5b\xc3\xa6r\r\n",
        MAX,
    )
    assert (utf8.from_name, utf8.subject, utf8.text.strip()) == ("Søren Blå", "Blåbær og øl", "Blåbær")
    latin1 = parse(b"From: K\xf8ge Kunde <koge@x.dk>\r\nSubject: K\xf8ge\r\n\r\nhej\r\n", MAX)
    assert (latin1.from_address, latin1.subject, latin1.text.strip()) == ("koge@x.dk", "K\ufffdge", "hej")


def test_unknown_charsets_and_broken_structure_are_flagged_and_the_text_kept():
    parsed = parse(
        b"From: broken@kunde.dk\r\nSubject: =?x-unknown?B?SGVq?=\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n--never-closed\r\n'
        b"Content-Type: text/plain; charset=klingon-8\r\n\r\nHalloj \xe6\xf8\xe5\r\n",
        MAX,
    )
    assert parsed.subject == "Hej"
    assert parsed.flags == ["malformed MIME", "unknown charset klingon-8"]
    assert parsed.text.startswith("Halloj")


def test_parts_attachments_and_their_file_names():
    mail = MIMEMultipart("mixed")
    mail["From"], mail["To"], mail["Subject"] = "a@b.dk", "support@example.com", "Faktura"
    body = MIMEMultipart("alternative")
    body.attach(MIMEText("tekst æ", "plain", "utf-8"))
    body.attach(MIMEText("<p>html <b>æ</b></p>", "html", "utf-8"))
    mail.attach(body)
    rfc2231 = MIMEApplication(b"%PDF-1", "pdf")
    rfc2231.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "fæktura.pdf"))
    mail.attach(rfc2231)
    encoded_word = MIMEApplication(b"DATA", "octet-stream")
    encoded_word.replace_header("Content-Type", 'application/octet-stream; name="=?utf-8?q?f=C3=A6ktura2.pdf?="')
    mail.attach(encoded_word)
    image = MIMEApplication(b"GIF89a", "gif")
    image.replace_header("Content-Type", "image/gif")
    image.add_header("Content-Disposition", "inline")
    mail.attach(image)
    note = MIMEText("inline txt", "plain")
    note.add_header("Content-Disposition", "inline", filename="note.txt")
    mail.attach(note)
    forwarded = EmailMessage()
    forwarded["Subject"], forwarded["From"] = "indre", "x@y.dk"
    forwarded.set_content("indre tekst")
    mail.attach(MIMEMessage(forwarded))

    parsed = parse(mail.as_bytes(), MAX)
    assert [(a.filename, a.content_type, a.data) for a in parsed.attachments] == [
        ("fæktura.pdf", "application/pdf", b"%PDF-1"),
        ("fæktura2.pdf", "application/octet-stream", b"DATA"),
        ("attachment", "image/gif", b"GIF89a"),
    ]
    assert parsed.text == "tekst æ\n\ninline txt\n\nindre tekst"
    assert parsed.html == "<p>html <b>æ</b></p>"


def test_no_usable_sender_or_body_is_flagged():
    assert parse(b"From: <<<>>>\r\nTo: ,,,\r\nSubject: x\r\nContent-Type: text\r\n\r\nhej\r\n", MAX).flags == [
        "no sender address"
    ]
    empty = parse(b"From: tom@kunde.dk\r\nSubject: \r\n\r\n", MAX)
    assert (empty.subject, empty.flags) == ("", ["missing body"])


def test_html_only_mail_gets_a_text_version():
    parsed = parse(
        b"From: a@b.dk\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hej <br>med dig</p><script>x</script>\r\n",
        MAX,
    )
    assert parsed.text == "Hej \nmed dig"


def test_a_from_header_with_a_name_and_no_address_gives_no_address():
    parsed = parse(b"From: just a name\r\nSubject: Hej\r\n\r\nHej\r\n", MAX)
    assert (parsed.from_name, parsed.from_address) == ("just a name", "")
    assert "no sender address" in parsed.flags
    encoded = parse(b"From: =?utf-8?q?S=C3=B8ren?=\r\nSubject: Hej\r\n\r\nHej\r\n", MAX)
    assert (encoded.from_name, encoded.from_address) == ("Søren", "")
