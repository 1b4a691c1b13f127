"""`python -m wowdesk.coaching [FILE|-]`: JSON conversation in, JSON analysis out.

Exit 0 with the analysis on stdout; on invalid input a JSON error on stderr and exit 2.
"""

import json
import sys

from . import InputError, analyze


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0] in {"-h", "--help"}):
        print(__doc__.strip(), file=sys.stderr)
        return 0 if args and args[0] in {"-h", "--help"} else 2
    source = args[0] if args else "-"
    try:
        if source == "-":
            raw = sys.stdin.read()
        else:
            with open(source, encoding="utf-8") as f:
                raw = f.read()
        data = json.loads(raw)
        result = analyze(data)
    except OSError as exc:
        json.dump({"error": f"cannot read {source}: {exc.strerror}", "field": None}, sys.stderr)
        return 2
    except json.JSONDecodeError as exc:
        json.dump(
            {"error": f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", "field": None}, sys.stderr
        )
        return 2
    except InputError as exc:
        json.dump(exc.as_dict(), sys.stderr, ensure_ascii=False)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
