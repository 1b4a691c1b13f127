"""Values a process keeps for a few seconds: lookups that hot paths (every new ticket, mail or API request)
would otherwise repeat, of things that seldom change (mailboxes, opening hours, default teams, API tokens).

Each process keeps its own, so nothing is shared between processes: a change is seen at once by the process
that made it (its receivers call clear()) and by the others within the cache's seconds.

Every cache registers itself, so `clear_all()` empties them all (the tests do between tests, where ids are
reused after a rollback) without anyone having to list them.
"""

import time
import weakref
from collections.abc import Callable, Hashable
from typing import Any

_MISSING = object()
_ALL: "weakref.WeakSet[ProcessCache]" = weakref.WeakSet()


def clear_all() -> None:
    """Empty every ProcessCache of this process."""
    for cache in list(_ALL):
        cache.clear()


class ProcessCache:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self._items: dict[Hashable, tuple[float, Any]] = {}
        _ALL.add(self)

    def fresh(self, key: Hashable, default: Any = None) -> Any:
        """The value kept under `key` if it is younger than `seconds`, else `default`; never loads."""
        item = self._items.get(key)
        return item[1] if item is not None and time.monotonic() - item[0] < self.seconds else default

    def get(self, key: Hashable, load: Callable[[], Any]) -> Any:
        """The value under `key`, from load() when there is none younger than `seconds`."""
        value = self.fresh(key, _MISSING)
        if value is _MISSING:
            value = load()
            self.put(key, value)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._items[key] = (time.monotonic(), value)

    def forget(self, key: Hashable) -> None:
        self._items.pop(key, None)

    def clear(self) -> None:
        self._items.clear()
