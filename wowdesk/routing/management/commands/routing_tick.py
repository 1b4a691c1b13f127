from wowdesk.routing.services import tick
from wowdesk.timers import TimerCommand


class Command(TimerCommand):
    help = "Auto-away, hand-back and assigning waiting tickets, once or every --loop seconds."

    def round(self) -> list[str]:
        return [f"{tick()}"]
