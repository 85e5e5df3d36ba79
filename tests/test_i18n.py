"""Every UI string is translated; the compiled catalogue matches the source."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [ROOT / "locale" / "tr" / "LC_MESSAGES", ROOT / "locale_extra" / "tr" / "LC_MESSAGES"]


@pytest.mark.parametrize("LOCALE", CATALOGUES, ids=["project", "third-party"])
def test_turkish_catalogue_is_complete(LOCALE):
    po = polib.pofile(str(LOCALE / "django.po"))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("LOCALE", CATALOGUES, ids=["project", "third-party"])
def test_compiled_catalogue_is_up_to_date(LOCALE):
    po = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
          for e in polib.pofile(str(LOCALE / "django.po")) if not e.obsolete}  # fmt: skip
    mo = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
          for e in polib.mofile(str(LOCALE / "django.mo"))}  # fmt: skip
    assert po == mo, "run `make messages` (or compile the .po) after editing translations"


@pytest.mark.parametrize(
    ("english", "turkish"),
    [
        ("Back to top", "Başa dön"),
        ("Skip to content", "İçeriğe geç"),
        ("Contents", "İçindekiler"),
        ("Change History", "Değişiklik geçmişi"),
    ],
)
def test_ui_strings_are_turkish(english, turkish):
    with translation.override("tr"):
        assert translation.gettext(english) == turkish
