from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wowdesk.customers.models import Contact
from wowdesk.tickets.models import Ticket

VALID = {
    "name": "Søren Østergård",
    "email": "Soren@Example.dk",
    "subject": "Hjælp med faktura 🧾",
    "message": "Jeg kan ikke finde min faktura.",
    "website": "",
}


def test_customer_submits_the_form_and_sees_the_ticket_number(client, team_dk):
    response = client.post(reverse("portal_contact"), VALID)
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.channel == Ticket.Channel.WEB and ticket.status == Ticket.Status.NEW
    assert ticket.subject == "Hjælp med faktura 🧾"
    assert ticket.contact.email == "soren@example.dk" and ticket.contact.name == "Søren Østergård"
    page = client.get(response["Location"]).content.decode()
    assert f"#{ticket.number}" in page


def test_same_customer_writing_twice_is_one_contact(client, team_dk):
    client.post(reverse("portal_contact"), VALID)
    client.post(reverse("portal_contact"), {**VALID, "email": "soren@example.dk", "subject": "Igen"})
    assert Contact.objects.count() == 1 and Ticket.objects.count() == 2


def test_clear_validation_messages_and_the_rest_is_kept(client, team_dk):
    response = client.post(reverse("portal_contact"), {**VALID, "email": "not-an-address", "message": " "})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter an e-mail address like name@example.com" in page
    assert "Tell us what it is about." in page
    assert "Søren Østergård" in page and "Hjælp med faktura 🧾" in page
    assert not Ticket.objects.exists()


def test_oversize_attachment_gets_a_clear_error(client, team_dk, settings):
    settings.MAX_ATTACHMENT_BYTES = 1000
    data = {**VALID, "attachments": [SimpleUploadedFile("foto.jpg", b"x" * 5000, content_type="image/jpeg")]}
    response = client.post(reverse("portal_contact"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "foto.jpg" in page and "at most" in page
    assert "Jeg kan ikke finde min faktura." in page
    assert not Ticket.objects.exists()


def test_attachment_within_limit_is_kept(client, team_dk):
    data = {**VALID, "attachments": [SimpleUploadedFile("foto.jpg", b"jpegdata", content_type="image/jpeg")]}
    client.post(reverse("portal_contact"), data)
    assert Ticket.objects.get().messages.get().attachments.get().filename == "foto.jpg"


def test_honeypot_makes_no_ticket(client, team_dk):
    response = client.post(reverse("portal_contact"), {**VALID, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Ticket.objects.exists()


def test_confirmation_link_cannot_be_forged(client, team_dk):
    assert client.get(reverse("portal_thanks", args=["1001"])).status_code == 404
    assert client.get(reverse("portal_thanks", args=["1001:forged:sig"])).status_code == 404


def test_form_speaks_the_visitors_language(client, team_dk):
    page = client.get(reverse("portal_contact"), headers={"accept-language": "nb"}).content.decode()
    assert "Kontakt kundeservice" in page
