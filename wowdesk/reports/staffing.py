"""How many agents an hour needs, by Erlang C (pure functions, no database).

Written here rather than taken from a library: the Python packages for it either call a remote service
(ErlangCCmath) or bring numpy, pandas and OR-Tools for this one formula (pyworkforce). Erlang C assumes
customers wait in a queue and agents take the next one, which fits chat and phone exactly and e-mail
well enough when the target time is long (the result then tends to the plain workload, arrivals x AHT).
"""

import math


def erlang_c(traffic: float, agents: int) -> float:
    """The probability that a customer has to wait, with `traffic` erlangs offered to `agents` agents."""
    if agents <= traffic:
        return 1.0
    # Erlang B by its stable recurrence, then C from B.
    blocking = 1.0
    for n in range(1, agents + 1):
        blocking = traffic * blocking / (n + traffic * blocking)
    return agents * blocking / (agents - traffic * (1 - blocking))


def service_level(arrivals_per_hour: float, aht_s: float, agents: int, target_s: float) -> float:
    """The share of customers answered within `target_s`."""
    if arrivals_per_hour <= 0:
        return 1.0
    traffic = arrivals_per_hour * aht_s / 3600
    if agents <= traffic:
        return 0.0
    return 1 - erlang_c(traffic, agents) * math.exp(-(agents - traffic) * target_s / aht_s)


def agents_needed(arrivals_per_hour: float, aht_s: float, target_s: float, goal: float = 0.8) -> int:
    """The fewest agents that answer `goal` (e.g. 80 %) of the customers within `target_s`."""
    if arrivals_per_hour <= 0 or aht_s <= 0:
        return 0
    agents = max(1, math.ceil(arrivals_per_hour * aht_s / 3600))
    while service_level(arrivals_per_hour, aht_s, agents, target_s) < goal:
        agents += 1
    return agents
