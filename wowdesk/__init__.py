"""wowdesk: an open-source helpdesk that coaches agents and measures what matters."""

__version__ = "0.1.0"
