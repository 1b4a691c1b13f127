"""The coach's advice in the agent's interface language.

The coach library words its advice in the conversation's language (it analyses Danish with Danish rules). An
agent working in Norwegian on a Danish ticket should read the advice in Norwegian, while the examples quoted
from the conversation stay as written. So each sentence is matched against the library's own wording for
the conversation's language, and the same entry is taken in the agent's language with the same quoted parts.
A sentence that matches none (the library changed its words) is shown as the library gave it."""

import re
import string
from functools import cache

from wowdesk.coaching import messages

TABLES = ("ADVICE", "STRENGTHS", "IMPROVEMENTS")


def _pattern(template: str) -> re.Pattern:
    """A pattern that matches `template` once formatted, capturing each named placeholder."""
    parts, seen = [], set()
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is None:
            continue
        if not field.isidentifier():
            parts.append("(?:.*?)")
        elif field in seen:
            parts.append(f"(?P={field})")
        else:
            seen.add(field)
            parts.append(f"(?P<{field}>.*?)")
    return re.compile("".join(parts), re.DOTALL)


@cache
def _entries(language: str) -> list[tuple[re.Pattern, dict]]:
    """(pattern of the wording in `language`, the entry in every language) for each sentence the coach has."""
    entries = []
    for table in TABLES:
        for by_language in getattr(messages, table, {}).values():
            if isinstance(by_language, dict) and isinstance(by_language.get(language), str):
                entries.append((_pattern(by_language[language]), by_language))
    # Longer wordings first, so that a general pattern never takes a sentence a precise one words.
    return sorted(entries, key=lambda entry: -len(entry[0].pattern))


def in_language(text: str, source: str, target: str) -> str:
    """`text`, which the coach wrote in `source`, as the coach words it in `target`."""
    if source == target or not text:
        return text
    for pattern, by_language in _entries(source):
        if (match := pattern.fullmatch(text)) and isinstance(by_language.get(target), str):
            try:
                return by_language[target].format(**match.groupdict())
            except (KeyError, IndexError, ValueError):
                return text
    return text
