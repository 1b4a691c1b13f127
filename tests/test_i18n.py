"""Every string people see exists in Danish and Norwegian Bokmål, and the compiled catalogues are current."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "wowdesk" / "locale"


@pytest.mark.parametrize("language", ["da", "nb"])
def test_every_string_is_translated(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", ["da", "nb"])
def test_compiled_catalogue_matches_the_po_file(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    assert {e.msgid: e.msgstr for e in po.translated_entries()} == {e.msgid: e.msgstr for e in mo if e.msgid}


def test_translations_are_used():
    with translation.override("da"):
        assert translation.gettext("Inbox") == "Indbakke"
    with translation.override("nb"):
        assert translation.gettext("Inbox") == "Innboks"
