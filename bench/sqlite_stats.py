"""Summaries of the SQLite write-lock figures that wowdesk.sqlite writes with WOWDESK_SQLITE_STATS=DIR (one
JSON file per process: each outermost transaction's wait for the lock, its hold, its COMMIT call and when it
ended), by kind of process, for the transactions that ended inside a time window. Used by bench/make_run.py
and bench/pipeline.py."""

import json
from pathlib import Path


def kind(argv: list[str]) -> str:
    words = [w for w in argv if not w.startswith("-") and "/" not in w and not w.isdigit()]
    if "uvicorn" in " ".join(argv):
        return "web"
    if "db_worker" in argv:
        queue = argv[argv.index("--queue-name") + 1] if "--queue-name" in argv else "*"
        return f"worker {queue}"
    return next((w for w in words if w not in ("wowdesk", "-m", "python", "__main__.py")), "other")


def pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(len(values) * p / 100))] if values else 0.0


def summary(directory: Path, start: float, end: float) -> list[str]:
    """Lines: per kind of process, its single write statements outside a transaction (each with its wait),
    its transactions, the lock held (s and share of the window), waits, holds and COMMIT calls (p50/p99/max)."""
    kinds: dict[str, dict[str, list[float]]] = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        into = kinds.setdefault(kind(data["argv"]), {"waits": [], "holds": [], "commits": [], "alone": []})
        into["alone"] += [took for took, ended in data.get("alone", []) if start <= ended <= end]
        for wait, hold, commit, ended in zip(
            data["waits_ms"], data["holds_ms"], data["commits_ms"], data["ends"], strict=False
        ):
            if start <= ended <= end:
                into["waits"].append(wait)
                into["holds"].append(hold)
                into["commits"].append(commit)
    lines = []
    for name, lists in sorted(kinds.items()):
        waits, holds, commits, alone = (sorted(lists[k]) for k in ("waits", "holds", "commits", "alone"))
        if alone:
            lines.append(
                f"  {name:22} {len(alone):6} single write statements (outside a transaction), "
                f"each with its wait: p50 {pct(alone, 50):.1f} p99 {pct(alone, 99):.0f} max {alone[-1]:.0f} ms"
            )
        if not waits:
            continue
        held = sum(holds) / 1000
        lines.append(
            f"  {name:22} {len(waits):6} transactions, lock held {held:5.1f} s ({held / (end - start):4.0%}); "
            f"wait p50 {pct(waits, 50):.1f} p99 {pct(waits, 99):.0f} max {waits[-1]:.0f} ms; "
            f"hold p50 {pct(holds, 50):.1f} p99 {pct(holds, 99):.0f} max {holds[-1]:.0f} ms; "
            f"COMMIT p99 {pct(commits, 99):.1f} max {commits[-1]:.0f} ms"
        )
    return lines
