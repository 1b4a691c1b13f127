"""Several web processes share events through Redis (WOWDESK_REDIS_URL); the browser test with two real
processes is tests/browser/test_chat_two_processes.py."""

from channels_redis.core import RedisChannelLayer
from django.conf import settings


def test_the_redis_layer_waits_longer_on_a_read_than_its_blocking_pop():
    # Otherwise an idle socket's consumer dies after 5 s (redis-py 8's default read timeout is channels-redis's
    # pop of 5 s): bench/chat.py lost all 1,000 widget sockets that way. Checked on the settings, without the
    # 6 s of idling a live check would take.
    assert settings.CHANNEL_REDIS_SOCKET_TIMEOUT_S > RedisChannelLayer.brpop_timeout
