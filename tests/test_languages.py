"""One language registry: every app takes the list and the default from wowdesk.languages."""

from django.conf import settings

from wowdesk import languages
from wowdesk.accounts.models import LANGUAGE_CHOICES


def test_the_registry_is_what_the_models_and_settings_offer():
    assert [code for code, _name in LANGUAGE_CHOICES] == list(languages.CODES)
    assert set(languages.CODES) == {code for code, _name in settings.LANGUAGES}
    assert languages.DEFAULT in languages.CODES


def test_fallbacks():
    assert languages.first_of(None, "", "nb", "en") == "nb"
    assert languages.first_of(None, "") == languages.DEFAULT
    assert languages.supported("nb-NO") == "nb"
    assert languages.supported("de") == languages.DEFAULT
    assert languages.supported(None) == languages.DEFAULT
