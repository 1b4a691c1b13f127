"""Run a bench script with a CPU-time sampling profiler in place of its cProfile (issue 20).

cProfile with time.process_time (bench/followup_cpu.py --profile) reads the process clock, a system call, at
every function call and return: the worker's CPU per task went from ~4 to ~35 ms under it, and the time lands
on the functions called most. This samples the main thread's Python stack on SIGPROF instead (ITIMER_PROF:
process CPU time, so waits on the database and the SMTP server are not counted; the kernel's tick makes the
interval ~4-5 ms), and writes each function's share of the samples, with and without what it calls, plus the
stacks folded one per line (OUT.folded).

Usage: .venv/bin/python bench/cpu_sampler.py OUT bench/followup_cpu.py --tickets 1500 --profile x
       .venv/bin/python bench/cpu_sampler.py --tree OUT.folded FUNCTION [DEPTH]   (what FUNCTION's share is made of)
"""

import collections
import cProfile
import os
import runpy
import signal
import sys

INTERVAL_S = 0.0005


def _name(code) -> str:
    path = code.co_filename
    for marker in ("/site-packages/", "/lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    else:
        path = os.path.relpath(path)
    return f"{path}:{code.co_name}"


class Sampler:
    """Stands in for cProfile.Profile: enable(), disable(), dump_stats()."""

    out = ""

    def __init__(self, *args, **kwargs):
        self.stacks = collections.Counter()
        self.samples = 0

    def _sample(self, signum, frame) -> None:
        stack = []
        while frame is not None:
            stack.append(_name(frame.f_code))
            frame = frame.f_back
        self.stacks[tuple(reversed(stack))] += 1
        self.samples += 1

    def enable(self) -> None:
        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, INTERVAL_S, INTERVAL_S)

    def disable(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)

    def dump_stats(self, _path) -> None:
        total = self.samples or 1
        with_callees, own = collections.Counter(), collections.Counter()
        for stack, count in self.stacks.items():
            for function in set(stack):
                with_callees[function] += count
            own[stack[-1]] += count
        with open(self.out, "w") as out:
            out.write(f"samples {self.samples}\n== % of samples, with what it calls\n")
            out.writelines(f"{100 * n / total:6.1f} {f}\n" for f, n in with_callees.most_common(150))
            out.write("== % of samples, its own\n")
            out.writelines(f"{100 * n / total:6.1f} {f}\n" for f, n in own.most_common(80))
        with open(f"{self.out}.folded", "w") as out:
            out.writelines(";".join(stack) + f" {count}\n" for stack, count in self.stacks.items())


def tree(folded: str, target: str, depth: int = 3) -> None:
    stacks, total = [], 0
    with open(folded) as lines:
        for line in lines:
            stack, count = line.rsplit(" ", 1)
            stacks.append((stack.split(";"), int(count)))
            total += int(count)
    below = []
    for stack, count in stacks:
        for i, function in enumerate(stack):
            if target in function:
                below.append((stack[i + 1 :], count))
                break
    print(f"{100 * sum(c for _, c in below) / total:5.1f} {target}")

    def show(part, level):
        children = collections.Counter()
        for stack, count in part:
            children[stack[0] if stack else "<own>"] += count
        for function, count in children.most_common(12):
            if 100 * count / total < 0.4:
                break
            print("   " * level + f"{100 * count / total:5.1f} {function}")
            if level < depth and function != "<own>":
                show([(s[1:], c) for s, c in part if s and s[0] == function], level + 1)

    show(below, 1)


def main() -> None:
    if sys.argv[1] == "--tree":
        tree(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 3)
        return
    Sampler.out = os.path.abspath(sys.argv[1])
    cProfile.Profile = Sampler
    script = sys.argv[2]
    sys.argv = sys.argv[2:]
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
