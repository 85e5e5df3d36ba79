"""Every UI string is translated; the compiled catalogue (built, not committed) matches the
source."""

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
    assert po == mo, "the .mo is built from the .po: scripts/compile_messages.py"


@pytest.mark.parametrize("LOCALE", CATALOGUES, ids=["project", "third-party"])
def test_no_message_is_in_the_catalogue_twice(LOCALE):
    """A union merge of two branches that added the same message leaves it twice: `make
    messages` (msguniq) cleans the file."""
    po = polib.pofile(str(LOCALE / "django.po"))
    entries = [(e.msgctxt, e.msgid) for e in po if not e.obsolete]
    assert len(entries) == len(set(entries)), "run `make messages` after merging the catalogue"


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
