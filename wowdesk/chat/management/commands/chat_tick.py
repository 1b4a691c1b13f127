from wowdesk.chat.services import end_inactive
from wowdesk.timers import TimerCommand


class Command(TimerCommand):
    help = "End chats silent for their widget's inactivity limit, once or every --loop seconds."

    def round(self) -> list[str]:
        return [f"ended {end_inactive()}"]
