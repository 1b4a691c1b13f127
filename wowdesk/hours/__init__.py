"""Opening hours, exceptions and public holidays per team, business-time arithmetic and the SLA clock.

A foundation app: it knows teams (accounts) and nothing above them, so `tickets` can run the SLA clock and
`reports` can count business time without importing a domain app.
"""
