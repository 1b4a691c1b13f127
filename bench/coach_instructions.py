"""The coach's instructions per agent turn, for callgrind: repeatable whatever else runs on the machine.

Usage (10 passes over bench/coach.py's batch, language given, 120 agent turns a pass; only the passes are
counted, not the import and the warm-up pass):

    setarch x86_64 -R valgrind --tool=callgrind --collect-atstart=no --toggle-collect=starmap_next \\
        --callgrind-out-file=/tmp/coach.callgrind .venv/bin/python bench/coach_instructions.py 10

The "I refs" total divided by 1,200 is the instructions per agent turn; `callgrind_annotate` on the output
file says where they go. With `train` after the number of passes it counts the labelled train corpus instead
(bench/coach.py's second figure, 3,066 agent turns a pass; the count is printed, to divide by). The passes
run inside itertools.starmap only so that callgrind can count them alone (--toggle-collect); `setarch -R`
(no address randomisation) keeps two runs of the same code within 0.1 % of each other (without it, C
malloc's share varied by about 1 %).
"""

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from coach import conversations, corpus  # noqa: E402

from wowdesk.coaching import analyze  # noqa: E402


def main() -> None:
    passes = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    batch = corpus() if sys.argv[2:] == ["train"] else conversations(detect=False)
    if sys.argv[2:] == ["train"]:
        agent = sum(1 for c in batch for t in c["turns"] if t["speaker"] == "agent")
        print(f"{agent} agent turns a pass, {agent * passes} in all")
    for c in batch:  # warm-up: compiles the findings scan's variants
        analyze(c)

    def one_pass(_n: int) -> None:
        for c in batch:
            analyze(c)

    list(itertools.starmap(one_pass, [(n,) for n in range(passes)]))


if __name__ == "__main__":
    main()
