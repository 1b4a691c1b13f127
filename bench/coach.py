"""Conversation coach speed: agent turns analysed per second on one core (target: at least 10,000).

Usage: .venv/bin/python bench/coach.py [--seconds 5]
Analyses the demo conversations (every scenario in every style, da/nb/en) through the public
`wowdesk.coaching.analyze`, so it includes validation, language detection, findings, promises,
customer sentiment and scoring. Pure Python in one process, so it runs on one core. Besides the
wall-clock rate it prints the rate per CPU second of the process, which other processes on a shared
machine disturb less.

The demo batch is 45 signed e-mail conversations; chat and phone text is never in it. A second figure reads
the labelled corpus (tests/coaching/conversations/train, every channel, as `coach_input` gives it to the
coach) the same way. The first figure is the one issue 16 names.
"""

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.coaching.measure import coach_input, load  # noqa: E402
from wowdesk.coaching import analyze  # noqa: E402
from wowdesk.demo.scenarios import SCENARIOS, conversation  # noqa: E402


def conversations(detect: bool) -> list[dict]:
    out = []
    for language, scenarios in SCENARIOS.items():
        for scenario in scenarios:
            for style in ("bala", "jump", "weak"):
                turns = conversation(language, scenario, style, "Anna", "Anna Jensen", "Mette")
                out.append(
                    {
                        "language": None if detect else language,
                        "sent_at": "2026-11-20T10:00:00+01:00",
                        "turns": [{"speaker": s, "text": t} for s, t in turns],
                    }
                )
    return out


def corpus() -> list[dict]:
    """The labelled train conversations (chat, phone and e-mail) as the coach is given them."""
    return [coach_input(c) for c in load("train")]


def run(batch: list[dict], seconds: float) -> tuple[float, float, int]:
    """(agent turns per wall-clock second, per CPU second of this process, agent turns analysed)."""
    agent_turns_per_pass = sum(1 for c in batch for t in c["turns"] if t["speaker"] == "agent")
    passes = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        for c in batch:
            analyze(c)
        passes += 1
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    total = passes * agent_turns_per_pass
    return total / elapsed, total / cpu, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, honestly
    given = conversations(detect=False)
    turns = sum(len(c["turns"]) for c in given)
    agent = sum(1 for c in given for t in c["turns"] if t["speaker"] == "agent")
    chars = sum(len(t["text"]) for c in given for t in c["turns"] if t["speaker"] == "agent")
    print(f"{len(given)} conversations, {turns} turns ({agent} agent turns, {chars / agent:.0f} chars on average)")
    analyze(given[0])  # warm up
    for label, batch in (("language given", given), ("language detected", conversations(detect=True))):
        rate, cpu_rate, total = run(batch, args.seconds)
        verdict = "OK" if rate >= 10_000 else "MISSED"
        print(
            f"{label:<18} {rate:10,.0f} agent turns/s on one core ({total:,} turns; {cpu_rate:,.0f} per CPU second)"
            f"   target >= 10,000: {verdict}"
        )
    labelled = corpus()
    agent = sum(1 for c in labelled for t in c["turns"] if t["speaker"] == "agent")
    chars = sum(len(t["text"]) for c in labelled for t in c["turns"] if t["speaker"] == "agent")
    print(
        f"labelled corpus (train): {len(labelled)} conversations, {agent} agent turns "
        f"({chars / agent:.0f} chars on average)"
    )
    rate, cpu_rate, total = run(labelled, args.seconds)
    print(
        f"{'train corpus':<18} {rate:10,.0f} agent turns/s on one core "
        f"({total:,} turns; {cpu_rate:,.0f} per CPU second)"
    )
    tracemalloc.start()
    for c in given:
        analyze(c)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"peak Python allocations for one pass: {peak / 1024:.0f} KiB; "
        f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
