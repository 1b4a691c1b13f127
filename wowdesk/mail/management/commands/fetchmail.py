from wowdesk.mail.imap import fetch_all
from wowdesk.timers import TimerCommand


class Command(TimerCommand):
    help = "Fetch new mail from every mailbox with IMAP configured (once, or every --loop seconds)."

    def round(self) -> list[str]:
        return [f"{address}: {result}" for address, result in fetch_all().items()]
