from django_tasks import task

from . import services


@task()
def assign(ticket_id: int) -> None:
    # New tickets are routed from tickets.tasks.announce_created; this stays for rows queued before an upgrade.
    services.assign(ticket_id)


@task()
def assign_waiting(team_id: int) -> None:
    # Presence changes assign at once now (services.set_presence); this stays for rows queued before.
    services.assign_waiting(team_id)
