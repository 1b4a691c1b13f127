import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
application = get_wsgi_application()

# Start-up's objects are never garbage: frozen, full collections stop walking them (see wowdesk/asgi.py).
gc.freeze()
