"""Demo data: teams, agents, customers and 90 days of tickets with conversations of varying quality.

Fixed passwords ("demo") exist only here. Everything is generated from a seeded random generator, so two
runs give the same data. Configuration and people are bulk-inserted like a fixture; the tickets are played
through tickets.services.replay, so their statuses, SLA clocks, response times and audit trails follow the
rules live tickets follow. A full load takes a few seconds on SQLite (2,000 tickets: 7.5 s of CPU, 4 s
before the tickets went through replay).
"""

import math
import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from wowdesk.accounts.models import Team, User
from wowdesk.coaching.django.services import refresh_stale
from wowdesk.customers.models import Contact, Organization
from wowdesk.hours.business import BusinessHours
from wowdesk.hours.models import OpeningException, OpeningHours
from wowdesk.mail.models import Mailbox
from wowdesk.routing.models import RoutingPolicy
from wowdesk.surveys.models import Survey
from wowdesk.tickets import search
from wowdesk.tickets import services as tickets_services
from wowdesk.tickets.models import Category, Message, Ticket

from .followups import load_followups
from .quality import load_quality
from .scenarios import SCENARIOS, conversation

DEMO_PASSWORD = "demo"
CATEGORIES = {  # name (English): (Danish, Norwegian)
    "Login and access": ("Login og adgang", "Innlogging og tilgang"),
    "Billing": ("Fakturering", "Fakturering"),
    "Delivery": ("Levering", "Levering"),
    "Technical problem": ("Teknisk problem", "Teknisk problem"),
    "Subscription": ("Abonnement", "Abonnement"),
    "Feature request": ("Ønske om ny funktion", "Ønske om ny funksjon"),
}
TEAMS = [
    ("Support Danmark", "da", "Europe/Copenhagen"),
    ("Kundeservice Norge", "nb", "Europe/Oslo"),
    ("International", "en", "Europe/Copenhagen"),
]
AGENTS = [  # (name, team index, languages)
    ("Mette Kjær", 0, ["da", "en"]),
    ("Jonas Holm", 0, ["da"]),
    ("Sofie Lund", 0, ["da", "nb"]),
    ("Ingrid Berg", 1, ["nb", "en"]),
    ("Lars Haugen", 1, ["nb"]),
    ("Kari Nilsen", 1, ["nb", "da"]),
    ("Emma Clarke", 2, ["en"]),
    ("Oliver Smith", 2, ["en", "da"]),
]
FIRST_NAMES = {
    "da": ["Anne", "Peter", "Camilla", "Morten", "Louise", "Rasmus", "Signe", "Thomas", "Ida", "Søren"],
    "nb": ["Kristin", "Ola", "Silje", "Bjørn", "Hanne", "Eirik", "Marte", "Håkon", "Ragnhild", "Tor"],
    "en": ["Sarah", "James", "Emily", "Daniel", "Grace", "Michael", "Hannah", "Thomas", "Chloe", "Ben"],
}
LAST_NAMES = {
    "da": ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Sørensen", "Rasmussen"],
    "nb": ["Johansen", "Olsen", "Larsen", "Andreassen", "Bakken", "Solberg", "Dahl", "Strand"],
    "en": ["Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Green", "Hughes"],
}
ORG_NAMES = {
    "da": [
        "Bageriet Hansen",
        "Tømrer Nielsen",
        "Kaffekompagniet",
        "Nordlys Rejser",
        "Havnens Fisk",
        "Grøn Have",
        "Byens Cykler",
        "Klinik Østerbro",
        "Lyngby Revision",
        "Aarhus Print",
        "Skagen Design",
        "Fyns Vinhandel",
        "Dansk Solenergi",
        "Holm & Søn",
    ],
    "nb": [
        "Fjordlys",
        "Bergen Bakeri",
        "Nordkapp Reiser",
        "Trollstigen Sport",
        "Oslo Regnskap",
        "Vestland Fisk",
        "Lofoten Hytter",
        "Tromsø Tannklinikk",
        "Hamar Verksted",
        "Stavanger Media",
        "Fjellvann",
        "Bodø Elektro",
        "Lillehammer Ski",
    ],
    "en": [
        "Northwind Trading",
        "Blue Harbour",
        "Greenfield Labs",
        "Kestrel Logistics",
        "Oak & Iron",
        "Brightside Studio",
        "Riverside Clinic",
        "Summit Outdoor",
        "Copperleaf",
        "Harbourview Hotels",
        "Atlas Parts",
        "Maple Finance",
        "Silverline Media",
    ],
}
SUFFIX = {"da": "ApS", "nb": "AS", "en": "Ltd"}
TLD = {"da": "dk", "nb": "no", "en": "co.uk"}
NOTES = {
    "da": "Kunden ringede også i går. Husk at ringe tilbage i stedet for at skrive.",
    "nb": "Kunden har ringt før om det samme. Vi bør følge opp på telefon.",
    "en": "Customer called about this as well. Follow up by phone next time.",
}
TAGS = ["vip", "refund", "bug", "callback", "newsletter"]
TICKETS = 2000
DAYS = 90


def _mail_and_hours(teams: list[Team], now) -> None:
    """Mailboxes (support@example.com for Denmark, kundeservice@example.no for Norway) and opening hours."""
    dk, no, intl = teams
    Mailbox.objects.create(address="support@example.com", name="Kundeservice", team=dk, language="da")
    Mailbox.objects.create(address="kundeservice@example.no", name="Kundeservice", team=no, language="nb")
    Mailbox.objects.create(address="help@example.com", name="Customer service", team=intl, language="en")
    weekdays = [["08:00", "16:00"]]
    OpeningHours.objects.create(
        team=dk,
        holidays="DK",
        weekly={
            "0": weekdays,
            "1": weekdays,
            "2": weekdays,
            "3": weekdays,
            "4": [["08:00", "15:00"]],
            "5": [],
            "6": [],
        },
    )
    OpeningHours.objects.create(
        team=no,
        holidays="NO",
        weekly={"0": weekdays, "1": weekdays, "2": weekdays, "3": weekdays, "4": weekdays, "5": [], "6": []},
    )
    OpeningHours.objects.create(
        team=intl,
        holidays="",
        first_response_minutes=480,
        weekly={str(day): [["08:00", "18:00"]] for day in range(5)} | {"5": [["10:00", "14:00"]], "6": []},
    )
    year = now.year
    for team in (dk, no):
        OpeningException.objects.create(team=team, date=f"{year}-12-24", closed=True, note="Christmas Eve")
        OpeningException.objects.create(
            team=team, date=f"{year}-12-31", opens="08:00", closes="12:00", note="New Year's Eve"
        )


def _surveys(rng: random.Random, tickets: list[Ticket], plans: list, now) -> None:
    """About a third of the solved tickets got a survey answer; conversations that followed BALA score higher."""
    rows = []
    for ticket, (turns, *_rest) in zip(tickets, plans, strict=True):
        if ticket.solved_at is None or rng.random() > 0.35:
            continue
        confirmed = any("?" in text for speaker, text in turns if speaker == "agent")
        good = len(turns) >= 7 and confirmed
        nps = min(10, max(0, round(rng.gauss(8.6 if good else 6.2, 1.6))))
        csat = min(5, max(1, round(rng.gauss(4.5 if good else 3.2, 0.8))))
        answered = min(now, ticket.solved_at + timedelta(hours=rng.uniform(1, 48)))
        rows.append(
            Survey(
                ticket=ticket,
                contact_id=ticket.contact_id,
                agent_id=ticket.assignee_id,
                language=ticket.language,
                csat=csat,
                nps=nps,
                fcr=(ticket.reopen_count == 0 and rng.random() < (0.9 if good else 0.6)),
                sent_at=ticket.solved_at + timedelta(hours=1),
                answered_at=answered,
                expires_at=ticket.solved_at + timedelta(days=14),
                comment=rng.choice(["", "", "Hurtig hjælp, tak!", "Takk for god hjelp.", "Took a while, but solved."]),
            )
        )
    Survey.objects.bulk_create(rows, batch_size=500)


def is_loaded() -> bool:
    return User.objects.filter(email="admin@example.com").exists()


def _users(teams: list[Team]) -> list[User]:
    password = make_password(DEMO_PASSWORD)  # one hash for all demo users: fast, and demo only
    User.objects.create(
        email="admin@example.com",
        name="Astrid Admin",
        role=User.Role.ADMIN,
        is_staff=True,
        is_superuser=True,
        password=password,
        language="en",
    )
    lead = User.objects.create(
        email="lead@example.com",
        name="Lene Leder",
        role=User.Role.LEAD,
        is_staff=False,
        password=password,
        language="da",
        spoken_languages=["da", "nb", "en"],
    )
    lead.teams.set(teams)
    User.objects.create(
        email="reviewer@example.com", name="Rune Reviewer", role=User.Role.REVIEWER, password=password, language="nb"
    )
    agents = []
    for i, (name, team_index, languages) in enumerate(AGENTS, start=1):
        # Agents start offline; logging in and choosing "Available" in the header starts routing to them.
        agent = User.objects.create(
            email=f"agent{i}@example.com",
            capacity=30,
            name=name,
            role=User.Role.AGENT,
            password=password,
            language=teams[team_index].language,
            spoken_languages=languages,
        )
        agent.teams.set([teams[team_index]])
        agents.append(agent)
    return agents


def _customers(rng: random.Random) -> dict[str, list[Contact]]:
    orgs = []
    for language, names in ORG_NAMES.items():
        for name in names:
            slug = "".join(
                ch for ch in name.lower().replace("ø", "o").replace("å", "a").replace("æ", "ae") if ch.isalnum()
            )
            orgs.append(Organization(name=f"{name} {SUFFIX[language]}", domain=f"{slug}.{TLD[language]}"))
    orgs = Organization.objects.bulk_create(orgs[:40])
    by_language = {"da": [], "nb": [], "en": []}
    for org in orgs:
        by_language[{"dk": "da", "no": "nb"}.get(org.domain.rsplit(".", 1)[-1], "en")].append(org)
    contacts = []
    seen = set()
    while len(contacts) < 200:
        language = rng.choices(["da", "nb", "en"], weights=[5, 3, 2])[0]
        org = rng.choice(by_language[language])
        first, last = rng.choice(FIRST_NAMES[language]), rng.choice(LAST_NAMES[language])
        local = f"{first}.{last}".lower().replace("ø", "o").replace("å", "a").replace("æ", "ae")
        email = f"{local}@{org.domain}"
        if email in seen:
            continue
        seen.add(email)
        phone = {"da": "+45", "nb": "+47", "en": "+44"}[language] + "".join(str(rng.randint(0, 9)) for _ in range(8))
        contacts.append(
            Contact(name=f"{first} {last}", email=email, language=language, organization=org, phones=[phone])
        )
    contacts = Contact.objects.bulk_create(contacts)
    grouped = {"da": [], "nb": [], "en": []}
    for contact in contacts:
        grouped[contact.language].append(contact)
    return grouped


def _steps(rng, turns, times, agent, style, finished, age, language, now) -> list:
    """What happened after the customer's first message, as tickets.services.replay takes it: the agent
    takes the ticket (or leaves a new one for the queue), the conversation, a note now and then, and for a
    finished conversation the solve (some weak answers were solved too early and reopened by the customer)
    and, after 30 days, the close. Nothing later than now."""
    Step = tickets_services.PastStep
    agent_turns = [i for i, (speaker, _) in enumerate(turns) if speaker == "agent"]
    steps = []
    if agent_turns or rng.random() >= 0.7:  # 70 % of the tickets nobody answered yet wait unassigned
        steps.append(Step(at=times[0] + timedelta(minutes=2), author=agent, assign_to=agent))
    # Handling time per answer, for the planning page: a few minutes, longer when the answer is weak.
    handling = iter(
        min(3600, int(rng.lognormvariate(math.log(420 if style == "weak" else 300), 0.55))) for _ in agent_turns
    )
    reopened = finished and style == "weak" and rng.random() < 0.4
    for i in range(1, len(turns)):
        speaker, text = turns[i]
        if speaker == "customer":
            steps.append(Step(at=times[i], body=text))
            continue
        steps.append(Step(at=times[i], body=text, author=agent, handling_s=next(handling)))
        if reopened and i + 1 < len(turns) and turns[i + 1][0] == "customer":
            # Solved with this answer; the customer's next message says it did not help.
            steps.append(Step(at=times[i] + timedelta(seconds=60), author=agent, status="solved"))
            reopened = False
    if rng.random() < 0.1:
        steps.append(Step(at=times[-1] + timedelta(seconds=30), body=NOTES[language], author=agent, note=True))
    if finished:
        solved_at = times[-1] + timedelta(minutes=rng.randint(5, 240))
        steps.append(Step(at=solved_at, author=agent, status="solved"))
        if age > timedelta(days=30):
            steps.append(Step(at=solved_at + timedelta(days=4), status="closed"))
    return [step for step in steps if step.at <= now]


# Relative number of inquiries per hour of the day, 06-22: a morning peak and a smaller one after dinner.
DAYTIME = [1, 3, 7, 10, 10, 9, 8, 8, 8, 7, 6, 5, 5, 6, 6, 4, 2]


@transaction.atomic
def load_demo(seed: int = 2026, tickets: int = TICKETS) -> dict:
    rng = random.Random(seed)
    now = timezone.now()
    teams = [Team.objects.create(name=n, language=lang, time_zone=tz) for n, lang, tz in TEAMS]
    _mail_and_hours(teams, now)
    RoutingPolicy.objects.create(team=teams[0], mode=RoutingPolicy.Mode.LEAST_OPEN, hand_back_after_minutes=240)
    RoutingPolicy.objects.create(team=teams[1], mode=RoutingPolicy.Mode.ROUND_ROBIN)
    RoutingPolicy.objects.create(team=teams[2], mode=RoutingPolicy.Mode.MANUAL)
    agents = _users(teams)
    agents_by_team = {t.pk: [a for a, spec in zip(agents, AGENTS, strict=True) if teams[spec[1]] == t] for t in teams}
    categories = {
        name: Category.objects.create(name=name, name_en=name, name_da=da, name_nb=nb)
        for name, (da, nb) in CATEGORIES.items()
    }
    contacts = _customers(rng)
    team_by_language = {t.language: t for t in teams}
    hours = {t.pk: BusinessHours.for_team(t) for t in teams}

    histories, plans = [], []
    for _ in range(tickets):
        language = rng.choices(["da", "nb", "en"], weights=[5, 3, 2])[0]
        team = team_by_language[language]
        contact = rng.choice(contacts[language])
        scenario = rng.choice(SCENARIOS[language])
        style = rng.choices(["bala", "jump", "weak"], weights=[45, 30, 25])[0]
        agent = rng.choice(agents_by_team[team.pk])
        # More recent days have slightly more tickets; a few arrived in the last hours.
        age = timedelta(days=DAYS * rng.random() ** 1.3)
        created = now - age
        if rng.random() < 0.85:  # most customers write in the daytime
            created = created.replace(hour=rng.choices(range(6, 23), weights=DAYTIME)[0])
            age = now - created
            if age.total_seconds() < 0:
                created, age = now - timedelta(minutes=rng.uniform(5, 120)), timedelta(0)
        turns = conversation(language, scenario, style, contact.first_name, contact.name, agent.name)
        times, at = [], created
        for i, (speaker, _text) in enumerate(turns):
            if i:
                gap = rng.uniform(600, 8 * 3600) if speaker == "agent" else rng.uniform(300, 5 * 3600)
                at = at + timedelta(seconds=gap)
                if speaker == "agent" and not hours[team.pk].is_open(at):
                    # Agents answer in opening hours: soon after the team opens.
                    at = hours[team.pk].next_opening(at) + timedelta(minutes=rng.uniform(5, 120))
            times.append(at)
        played = [i for i, t in enumerate(times) if t <= now]
        turns, times = [turns[i] for i in played], [times[i] for i in played]
        finished = len(played) == len(times) and age > timedelta(days=2)
        if not finished and turns[-1][0] == "customer" and len(histories) % 5 < 2:
            # Some customers have not answered our last reply yet (pending). Without this, a demo loaded in
            # the evening had no pending tickets: the agents' next answers all lie after tomorrow's opening.
            answered = [i for i, (speaker, _) in enumerate(turns) if speaker == "agent"]
            if answered:
                turns, times = turns[: answered[-1] + 1], times[: answered[-1] + 1]
        steps = _steps(rng, turns, times, agent, style, finished, age, language, now)
        histories.append(
            tickets_services.PastConversation(
                tickets_services.NewTicket(
                    contact=contact,
                    subject=scenario["subject"],
                    body=turns[0][1],
                    channel=rng.choices(["email", "web", "phone", "chat"], weights=[60, 25, 10, 5])[0],
                    language=language,
                    team=team,
                    category=categories[scenario["category"]] if rng.random() < 0.9 else None,
                    priority=rng.choices(["normal", "low", "high", "urgent"], weights=[80, 8, 10, 2])[0],
                ),
                created,
                steps,
                tags=[rng.choice(TAGS)] if rng.random() < 0.2 else (),
            )
        )
        plans.append((turns,))
    made = tickets_services.replay(histories)
    ids = [t.pk for t in made]
    for start in range(0, len(ids), 500):
        search.index_tickets(ids[start : start + 500])
    _surveys(rng, made, plans, now)
    # The coach reads every demo conversation now, so the leads' coaching summary opens at once.
    refresh_stale(limit=len(ids))
    load_quality(rng, now)
    load_followups(rng, now)
    return {"tickets": len(made), "messages": Message.objects.count(), "users": User.objects.count()}


DEMO_LOGINS = [
    ("admin@example.com", "admin"),
    ("lead@example.com", "lead"),
    ("agent1@example.com … agent8@example.com", "agents"),
    ("reviewer@example.com", "reviewer"),
]
