from wowdesk.followups.services import tick
from wowdesk.timers import TimerCommand


class Command(TimerCommand):
    help = "Follow-up reminders, broken promises and snoozed tickets coming back, once or every --loop seconds."

    def round(self) -> list[str]:
        return [f"{tick()}"]
