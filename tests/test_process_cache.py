"""Process caches register themselves: clear_all() empties every one (the tests rely on it between tests)."""

from wowdesk.hours.business import _CACHE as hours_cache
from wowdesk.process_cache import ProcessCache, clear_all


def test_clear_all_empties_every_cache_including_new_ones():
    mine = ProcessCache(60)
    mine.put("key", "value")
    hours_cache.put("team", "hours")
    clear_all()
    assert mine.fresh("key") is None
    assert hours_cache.fresh("team") is None
