"""The auto-reply's wording each language starts with, defined once: the fallback of compose_auto_reply and
the rows migration 0002 writes (edited afterwards in the admin). Placeholders as in reply templates:
{first_name} {ticket_number} {subject} {response_time} {opening_hours}."""

AUTO_REPLIES = {
    "da": (
        "Vi har modtaget din henvendelse [#{ticket_number}]",
        "Hej {first_name}\n\nTak for din henvendelse. Vi har modtaget den og givet den sagsnummer #{ticket_number}."
        "\n\n{response_time}\n\nSvar gerne på denne mail, hvis du vil tilføje noget; så havner det på samme sag."
        "\n\nVores åbningstider:\n{opening_hours}\n\nVenlig hilsen\nKundeservice",
    ),
    "nb": (
        "Vi har mottatt henvendelsen din [#{ticket_number}]",
        "Hei {first_name}\n\nTakk for henvendelsen. Vi har mottatt den og gitt den saksnummer #{ticket_number}.\n\n"
        "{response_time}\n\nSvar gjerne på denne e-posten hvis du vil legge til noe; da havner det på samme "
        "sak.\n\nÅpningstidene våre:\n{opening_hours}\n\nVennlig hilsen\nKundeservice",
    ),
    "en": (
        "We have received your message [#{ticket_number}]",
        "Hi {first_name}\n\nThank you for getting in touch. We have received your message and given it the "
        "number #{ticket_number}.\n\n{response_time}\n\nJust reply to this e-mail if you want to add something; "
        "it will go to the same case.\n\nOur opening hours:\n{opening_hours}\n\nKind regards\nCustomer service",
    ),
}
