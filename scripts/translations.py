"""Fill the da and nb .po files from the table below, then compile them.

Usage: .venv/bin/python scripts/translations.py   (after `make messages` has extracted new strings)
The .po files stay the source of truth; this table is how the founding strings were entered in one go.
"""

import pathlib
import subprocess
import sys

import polib

T = {
    "Profile": ("Profil", "Profil"),
    "Permissions": ("Rettigheder", "Rettigheter"),
    "Dates": ("Datoer", "Datoer"),
    "Unknown time zone: %(zone)s": ("Ukendt tidszone: %(zone)s", "Ukjent tidssone: %(zone)s"),
    "name": ("navn", "navn"),
    "time zone": ("tidszone", "tidssone"),
    "language": ("sprog", "språk"),
    "team": ("team", "team"),
    "teams": ("teams", "team"),
    "Admin": ("Administrator", "Administrator"),
    "Team lead": ("Teamleder", "Teamleder"),
    "Agent": ("Medarbejder", "Medarbeider"),
    "Reviewer": ("Kvalitetsbedømmer", "Kvalitetsvurderer"),
    "e-mail": ("e-mail", "e-post"),
    "role": ("rolle", "rolle"),
    "interface language": ("sprog i brugerfladen", "språk i grensesnittet"),
    "spoken languages": ("talte sprog", "språk du snakker"),
    "user": ("bruger", "bruker"),
    "users": ("brugere", "brukere"),
    "Too many failed logins": ("For mange mislykkede logins", "For mange mislykkede innlogginger"),
    "This account is locked for 15 minutes after too many wrong passwords. Try again later, or ask an admin "
    "to unlock it.": (
        "Kontoen er låst i 15 minutter efter for mange forkerte adgangskoder. Prøv igen senere, eller bed en "
        "administrator om at låse den op.",
        "Kontoen er låst i 15 minutter etter for mange feil passord. Prøv igjen senere, eller be en "
        "administrator om å låse den opp.",
    ),
    "Log in": ("Log ind", "Logg inn"),
    "E-mail": ("E-mail", "E-post"),
    "Password": ("Adgangskode", "Passord"),
    "Are you a customer? Contact support here.": (
        "Er du kunde? Kontakt kundeservice her.",
        "Er du kunde? Kontakt kundeservice her.",
    ),
    "e-mail domain": ("e-maildomæne", "e-postdomene"),
    "notes": ("noter", "notater"),
    "created": ("oprettet", "opprettet"),
    "organization": ("organisation", "organisasjon"),
    "organizations": ("organisationer", "organisasjoner"),
    "phone numbers": ("telefonnumre", "telefonnumre"),
    "preferred language": ("foretrukket sprog", "foretrukket språk"),
    "contact": ("kontakt", "kontakt"),
    "contacts": ("kontakter", "kontakter"),
    "other e-mail": ("anden e-mail", "annen e-post"),
    "other e-mails": ("andre e-mails", "andre e-postadresser"),
    "Your name": ("Dit navn", "Ditt navn"),
    "Your e-mail": ("Din e-mail", "Din e-post"),
    "Enter an e-mail address like name@example.com, so we can answer you.": (
        "Skriv en e-mailadresse som navn@example.com, så vi kan svare dig.",
        "Skriv en e-postadresse som navn@example.com, så vi kan svare deg.",
    ),
    "Subject": ("Emne", "Emne"),
    "How can we help?": ("Hvad kan vi hjælpe med?", "Hva kan vi hjelpe med?"),
    "Attachments (optional)": ("Vedhæftede filer (valgfrit)", "Vedlegg (valgfritt)"),
    "Leave this field empty": ("Lad dette felt være tomt", "La dette feltet være tomt"),
    "Tell us what it is about.": ("Fortæl os, hvad det drejer sig om.", "Fortell oss hva det gjelder."),
    "Contact support": ("Kontakt kundeservice", "Kontakt kundeservice"),
    "Write to us and we will answer by e-mail. You get a confirmation with your ticket number right away.": (
        "Skriv til os, så svarer vi på e-mail. Du får straks en bekræftelse med dit sagsnummer.",
        "Skriv til oss, så svarer vi på e-post. Du får med en gang en bekreftelse med saksnummeret ditt.",
    ),
    "Send": ("Send", "Send"),
    "Thank you": ("Tak", "Takk"),
    "Thank you for writing to us": ("Tak fordi du skrev til os", "Takk for at du skrev til oss"),
    'Your ticket number is <strong id="ticket-number">#%(number)s</strong>. Keep it if you contact us about '
    "the same matter.": (
        'Dit sagsnummer er <strong id="ticket-number">#%(number)s</strong>. Gem det, hvis du kontakter os om '
        "samme sag.",
        'Saksnummeret ditt er <strong id="ticket-number">#%(number)s</strong>. Ta vare på det hvis du kontakter '
        "oss om samme sak.",
    ),
    "We have received your inquiry and will answer you by e-mail.": (
        "Vi har modtaget din henvendelse og svarer dig på e-mail.",
        "Vi har mottatt henvendelsen din og svarer deg på e-post.",
    ),
    "Send another inquiry": ("Send en ny henvendelse", "Send en ny henvendelse"),
    "Reply to customer": ("Svar kunden", "Svar kunden"),
    "Internal note": ("Intern note", "Internt notat"),
    "pending (waiting on the customer)": ("afventer (venter på kunden)", "venter (på kunden)"),
    "open": ("åben", "åpen"),
    "solved": ("løst", "løst"),
    "Message": ("Besked", "Melding"),
    "Then set the ticket to": ("Sæt derefter sagen til", "Sett deretter saken til"),
    "Attachments": ("Vedhæftede filer", "Vedlegg"),
    "Write a message first.": ("Skriv en besked først.", "Skriv en melding først."),
    "Status": ("Status", "Status"),
    "Assignee": ("Ansvarlig", "Ansvarlig"),
    "– unassigned –": ("– ingen ansvarlig –", "– ingen ansvarlig –"),
    "Category": ("Kategori", "Kategori"),
    "– none –": ("– ingen –", "– ingen –"),
    "Priority": ("Prioritet", "Prioritet"),
    "Tags": ("Mærker", "Stikkord"),
    "Separate tags with commas": ("Adskil mærker med komma", "Skill stikkord med komma"),
    "category": ("kategori", "kategori"),
    "categories": ("kategorier", "kategorier"),
    "tag": ("mærke", "stikkord"),
    "tags": ("mærker", "stikkord"),
    "New": ("Ny", "Ny"),
    "Open": ("Åben", "Åpen"),
    "Pending": ("Afventer", "Venter"),
    "Solved": ("Løst", "Løst"),
    "Closed": ("Lukket", "Lukket"),
    "Low": ("Lav", "Lav"),
    "Normal": ("Normal", "Normal"),
    "High": ("Høj", "Høy"),
    "Urgent": ("Haster", "Haster"),
    "Web form": ("Webformular", "Nettskjema"),
    "Chat": ("Chat", "Chat"),
    "Phone": ("Telefon", "Telefon"),
    "SMS": ("SMS", "SMS"),
    "API": ("API", "API"),
    "number": ("nummer", "nummer"),
    "subject": ("emne", "emne"),
    "status": ("status", "status"),
    "priority": ("prioritet", "prioritet"),
    "channel": ("kanal", "kanal"),
    "assignee": ("ansvarlig", "ansvarlig"),
    "customer": ("kunde", "kunde"),
    "follow-up of": ("opfølgning på", "oppfølging av"),
    "reopened": ("genåbnet", "gjenåpnet"),
    "updated": ("opdateret", "oppdatert"),
    "first response": ("første svar", "første svar"),
    "closed": ("lukket", "lukket"),
    "ticket": ("sag", "sak"),
    "tickets": ("sager", "saker"),
    "From customer": ("Fra kunden", "Fra kunden"),
    "Reply": ("Svar", "Svar"),
    "kind": ("type", "type"),
    "text": ("tekst", "tekst"),
    "HTML": ("HTML", "HTML"),
    "sent": ("sendt", "sendt"),
    "message": ("besked", "melding"),
    "messages": ("beskeder", "meldinger"),
    "file name": ("filnavn", "filnavn"),
    "content type": ("indholdstype", "innholdstype"),
    "size": ("størrelse", "størrelse"),
    "attachment": ("vedhæftet fil", "vedlegg"),
    "attachments": ("vedhæftede filer", "vedlegg"),
    "follow-up created": ("opfølgning oprettet", "oppfølging opprettet"),
    "ticket event": ("sagshændelse", "sakshendelse"),
    "ticket events": ("sagshændelser", "sakshendelser"),
    "You cannot change this ticket.": ("Du kan ikke ændre denne sag.", "Du kan ikke endre denne saken."),
    "The file %(name)s is %(size)s MB; files can be at most %(limit)s MB.": (
        "Filen %(name)s fylder %(size)s MB; filer må højst fylde %(limit)s MB.",
        "Filen %(name)s er %(size)s MB; filer kan være på maks %(limit)s MB.",
    ),
    "(no subject)": ("(intet emne)", "(uten emne)"),
    "This ticket is closed. Reply on its follow-up ticket instead.": (
        "Sagen er lukket. Svar på opfølgningssagen i stedet.",
        "Saken er lukket. Svar på oppfølgingssaken i stedet.",
    ),
    "Write a reply before sending.": ("Skriv et svar, før du sender.", "Skriv et svar før du sender."),
    "Write a note before saving.": ("Skriv en note, før du gemmer.", "Skriv et notat før du lagrer."),
    "Unknown status: %(status)s": ("Ukendt status: %(status)s", "Ukjent status: %(status)s"),
    "A closed ticket is final; a new message from the customer starts a follow-up.": (
        "En lukket sag er endelig; en ny besked fra kunden starter en opfølgningssag.",
        "En lukket sak er endelig; en ny melding fra kunden starter en oppfølgingssak.",
    ),
    "A ticket cannot go back to new.": ("En sag kan ikke blive ny igen.", "En sak kan ikke bli ny igjen."),
    "%(name)s cannot be assigned tickets.": (
        "%(name)s kan ikke få tildelt sager.",
        "%(name)s kan ikke få tildelt saker.",
    ),
    "Unknown priority: %(priority)s": ("Ukendt prioritet: %(priority)s", "Ukjent prioritet: %(priority)s"),
    "Ticket": ("Sag", "Sak"),
    "Saved.": ("Gemt.", "Lagret."),
    "Save": ("Gem", "Lagre"),
    "Assign to me": ("Tildel mig", "Tildel meg"),
    "Solve": ("Løs", "Løs"),
    "Channel": ("Kanal", "Kanal"),
    "Team": ("Team", "Team"),
    "Created": ("Oprettet", "Opprettet"),
    "First response": ("Første svar", "Første svar"),
    "Reopened": ("Genåbnet", "Gjenåpnet"),
    "Follow-up of": ("Opfølgning på", "Oppfølging av"),
    "Inbox views": ("Visninger i indbakken", "Visninger i innboksen"),
    "Views": ("Visninger", "Visninger"),
    "Mine": ("Mine", "Mine"),
    "Unassigned": ("Uden ansvarlig", "Uten ansvarlig"),
    "All open": ("Alle åbne", "Alle åpne"),
    "All": ("Alle", "Alle"),
    "Open by category": ("Åbne pr. kategori", "Åpne per kategori"),
    "Type words from a subject or a message, or a ticket number.": (
        "Skriv ord fra et emne eller en besked, eller et sagsnummer.",
        "Skriv ord fra et emne eller en melding, eller et saksnummer.",
    ),
    "Customer": ("Kunde", "Kunde"),
    "Updated": ("Opdateret", "Oppdatert"),
    "Newer": ("Nyere", "Nyere"),
    "Page %(page)s": ("Side %(page)s", "Side %(page)s"),
    "Older": ("Ældre", "Eldre"),
    "No tickets here.": ("Ingen sager her.", "Ingen saker her."),
    "Inbox": ("Indbakke", "Innboks"),
    "Press ? for keyboard shortcuts": ("Tryk ? for tastaturgenveje", "Trykk ? for hurtigtaster"),
    "Conversation": ("Samtale", "Samtale"),
    "This ticket is closed. A new message from the customer starts a follow-up ticket.": (
        "Sagen er lukket. En ny besked fra kunden starter en opfølgningssag.",
        "Saken er lukket. En ny melding fra kunden starter en oppfølgingssak.",
    ),
    "Organization": ("Organisation", "Organisasjon"),
    "Prefers": ("Foretrækker", "Foretrekker"),
    "Other tickets": ("Andre sager", "Andre saker"),
    "This is their first ticket.": ("Det er kundens første sag.", "Dette er kundens første sak."),
    "History": ("Historik", "Historikk"),
    "System": ("System", "System"),
    "Search": ("Søg", "Søk"),
    "Note saved.": ("Noten er gemt.", "Notatet er lagret."),
    "Reply sent.": ("Svaret er sendt.", "Svaret er sendt."),
    "Check the fields marked below.": ("Tjek felterne markeret nedenfor.", "Sjekk feltene som er merket nedenfor."),
    "Settings": ("Indstillinger", "Innstillinger"),
    "Search tickets": ("Søg i sager", "Søk i saker"),
    "Language": ("Sprog", "Språk"),
    "Change": ("Skift", "Bytt"),
    "Log out": ("Log ud", "Logg ut"),
    "Keyboard shortcuts": ("Tastaturgenveje", "Hurtigtaster"),
    "Show or hide this help": ("Vis eller skjul denne hjælp", "Vis eller skjul denne hjelpen"),
    "Search tickets (/)": ("Søg i sager (/)", "Søk i saker (/)"),
    "'But' openers": ("'Men' som første ord", "'Men' som første ord"),
    "Acknowledged feelings": ("Anerkendte følelser", "Anerkjente følelser"),
    "Add a closing question:": ("Tilføj et afsluttende spørgsmål:", "Legg til et avsluttende spørsmål:"),
    "Add it": ("Tilføj", "Legg til"),
    "Average score": ("Gennemsnitlig score", "Gjennomsnittlig score"),
    "BALA path": ("BALA-forløb", "BALA-forløp"),
    "Clear and strong. Nothing to add.": (
        "Klart og stærkt. Intet at tilføje.",
        "Klart og sterkt. Ingenting å legge til.",
    ),
    "Coaching": ("Coaching", "Coaching"),
    "Coaching summary": ("Coaching-overblik", "Coaching-oversikt"),
    "From": ("Fra", "Fra"),
    "How each agent's conversations followed the practices, to talk about in coaching. Agents are listed by "
    "name: this is not a ranking.": (
        "Hvordan hver medarbejders samtaler fulgte metoderne, til at tale om i coaching. Medarbejderne står "
        "efter navn: det er ikke en rangliste.",
        "Hvordan hver medarbeiders samtaler fulgte metodene, til å snakke om i coaching. Medarbeiderne står "
        "etter navn: dette er ikke en rangering.",
    ),
    "Most frequent to improve": ("Oftest at forbedre", "Oftest å forbedre"),
    "Need": ("Behov", "Behov"),
    "Need confirmed": ("Behov bekræftet", "Behov bekreftet"),
    "Next time": ("Næste gang", "Neste gang"),
    "No answered conversations in this period.": (
        "Ingen besvarede samtaler i perioden.",
        "Ingen besvarte samtaler i perioden.",
    ),
    "No closing question": ("Intet afsluttende spørgsmål", "Ikke noe avsluttende spørsmål"),
    "No greeting": ("Ingen hilsen", "Ingen hilsen"),
    "Only closed questions": ("Kun lukkede spørgsmål", "Bare lukkede spørsmål"),
    "Open questions": ("Åbne spørgsmål", "Åpne spørsmål"),
    "Presumptive questions": ("Formodende spørgsmål", "Antakende spørsmål"),
    "Promises made": ("Afgivne løfter", "Løfter som er gitt"),
    "Risky agreement": ("Risikabel enighed", "Risikabel enighet"),
    "Rule phrases": ("Regel-sætninger", "Regel-setninger"),
    "Show": ("Vis", "Vis"),
    "Solution": ("Løsning", "Løsning"),
    "Solution before the need was confirmed": (
        "Løsning før behovet var bekræftet",
        "Løsning før behovet var bekreftet",
    ),
    "Solution confirmed": ("Løsning bekræftet", "Løsning bekreftet"),
    "Solution not confirmed": ("Løsning ikke bekræftet", "Løsning ikke bekreftet"),
    "Strengths": ("Styrker", "Styrker"),
    "Strong words": ("Stærke ord", "Sterke ord"),
    "The coach reads the conversation once an agent has replied.": (
        "Coachen læser samtalen, når en medarbejder har svaret.",
        "Coachen leser samtalen når en medarbeider har svart.",
    ),
    "To": ("Til", "Til"),
    "Trend by week": ("Udvikling pr. uge", "Utvikling per uke"),
    "Weak words": ("Svage ord", "Svake ord"),
    "What went well": ("Det gik godt", "Det gikk bra"),
    "due": ("frist", "frist"),
    "score": ("score", "score"),
    "ticket coaching": ("coaching af sag", "coaching av sak"),
    "ticket coachings": ("coaching af sager", "coaching av saker"),
    "Conversations": ("Samtaler", "Samtaler"),
    "All teams": ("Alle teams", "Alle team"),
    "Conversation score, 0 to 100": ("Samtalens score, 0 til 100", "Samtalens score, 0 til 100"),
    "%(n)d hour": (("%(n)d time", "%(n)d timer"), ("%(n)d time", "%(n)d timer")),
    "%(n)d minute": (("%(n)d minut", "%(n)d minutter"), ("%(n)d minutt", "%(n)d minutter")),
    "%(n)d working day": (("%(n)d arbejdsdag", "%(n)d arbejdsdage"), ("%(n)d arbeidsdag", "%(n)d arbeidsdager")),
    "Answer due": ("Svarfrist", "Svarfrist"),
    "answer due": ("svarfrist", "svarfrist"),
    "Danish public holidays": ("Danske helligdage", "Danske helligdager"),
    "Norwegian public holidays": ("Norske helligdage", "Norske helligdager"),
    "IMAP folder": ("IMAP-mappe", "IMAP-mappe"),
    "IMAP host": ("IMAP-server", "IMAP-server"),
    "IMAP over TLS": ("IMAP over TLS", "IMAP over TLS"),
    "IMAP port": ("IMAP-port", "IMAP-port"),
    "IMAP user": ("IMAP-bruger", "IMAP-bruker"),
    "IMAP password": ("IMAP-adgangskode", "IMAP-passord"),
    "Kind": ("Type", "Type"),
    "No mail yet.": ("Ingen mails endnu.", "Ingen e-post ennå."),
    "Opening hours": ("Åbningstider", "Åpningstider"),
    "Outgoing mail": ("Udgående mail", "Utgående e-post"),
    "Replies and auto-replies, newest first. Without an SMTP server (WOWDESK_SMTP_URL) they stay here, in the "
    "local outbox.": (
        "Svar og autosvar, nyeste først. Uden en SMTP-server (WOWDESK_SMTP_URL) bliver de her i den lokale udbakke.",
        "Svar og autosvar, nyeste først. Uten en SMTP-server (WOWDESK_SMTP_URL) blir de liggende her i den "
        "lokale utboksen.",
    ),
    "Right now you can expect an answer within about %(duration)s.": (
        "Lige nu kan du forvente svar inden for ca. %(duration)s.",
        "Akkurat nå kan du forvente svar innen ca. %(duration)s.",
    ),
    "Show quoted text": ("Vis citeret tekst", "Vis sitert tekst"),
    "Show the formatted (HTML) version": ("Vis den formaterede (HTML) udgave", "Vis den formaterte (HTML) versjonen"),
    "We are closed now.": ("Vi har lukket nu.", "Vi har stengt nå."),
    "We are closed right now and open again %(opens)s. You can expect an answer by %(due)s.": (
        "Vi har lukket lige nu og åbner igen %(opens)s. Du kan forvente svar senest %(due)s.",
        "Vi har stengt akkurat nå og åpner igjen %(opens)s. Du kan forvente svar senest %(due)s.",
    ),
    "We are open now.": ("Vi har åbent nu.", "Vi har åpent nå."),
    "We open again %(when)s.": ("Vi åbner igen %(when)s.", "Vi åpner igjen %(when)s."),
    "active": ("aktiv", "aktiv"),
    "address": ("adresse", "adresse"),
    "auto-reply": ("autosvar", "autosvar"),
    "auto-reply template": ("autosvar-skabelon", "autosvar-mal"),
    "auto-reply templates": ("autosvar-skabeloner", "autosvar-maler"),
    "delivery": ("levering", "levering"),
    "delivery error": ("leveringsfejl", "leveringsfeil"),
    "failed": ("fejlede", "feilet"),
    "first answer within (business minutes)": (
        "første svar inden for (minutter i åbningstiden)",
        "første svar innen (minutter i åpningstiden)",
    ),
    "next answer within (business minutes)": (
        "næste svar inden for (minutter i åbningstiden)",
        "neste svar innen (minutter i åpningstiden)",
    ),
    "in the local outbox": ("i den lokale udbakke", "i den lokale utboksen"),
    "inbound mail": ("indgående mail", "innkommende e-post"),
    "inbound mails": ("indgående mails", "innkommende e-poster"),
    "mailbox": ("postkasse", "postkasse"),
    "mailboxes": ("postkasser", "postkasser"),
    "none": ("ingen", "ingen"),
    "opening exception": ("afvigende åbningstid", "avvikende åpningstid"),
    "opening exceptions": ("afvigende åbningstider", "avvikende åpningstider"),
    "opening hours": ("åbningstider", "åpningstider"),
    "original mail (.eml)": ("original mail (.eml)", "original e-post (.eml)"),
    "outbound mail": ("udgående mail", "utgående e-post"),
    "outbound mails": ("udgående mails", "utgående e-poster"),
    "overdue": ("overskredet", "over fristen"),
    "queued": ("i kø", "i kø"),
    "weekly schedule": ("ugeskema", "ukeplan"),
    "(no text)": ("(ingen tekst)", "(ingen tekst)"),
    "paused while we wait on the customer": (
        "sat på pause, mens vi venter på kunden",
        "satt på pause mens vi venter på kunden",
    ),
    "closed all day": ("lukket hele dagen", "stengt hele dagen"),
    "opens": ("åbner", "åpner"),
    "closes": ("lukker", "stenger"),
    "note": ("note", "notat"),
    "date": ("dato", "dato"),
    "sender name": ("afsendernavn", "avsendernavn"),
    "closed on": ("lukket på", "stengt på"),
    "reply": ("svar", "svar"),
}


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent.parent / "wowdesk" / "locale"
    missing = set()
    for index, language in enumerate(("da", "nb")):
        path = root / language / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path))
        po.metadata_is_fuzzy = False
        po.metadata["Language"] = language
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        for entry in po:
            if entry.msgid in T and entry.msgid_plural:
                singular, plural = T[entry.msgid][index]
                entry.msgstr_plural = {0: singular, 1: plural}
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            elif entry.msgid in T:
                entry.msgstr = T[entry.msgid][index]
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            elif not entry.translated():
                missing.add(entry.msgid)
        po.save()
    subprocess.run(
        [sys.executable, "-m", "wowdesk", "compilemessages", "--ignore", ".venv"], check=True, cwd=root.parent.parent
    )
    for msgid in sorted(missing):
        print("untranslated:", msgid)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
