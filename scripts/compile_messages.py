"""Builds the compiled catalogues (``.mo``) from the Turkish ``.po`` files.

The ``.mo`` files are build output, never committed (.gitignore): `make run`, the test targets,
`make stack` and tests/conftest.py build them. gettext's ``msgfmt --check-format`` compiles when
it is installed (it also checks the format strings, as Django's compilemessages does);
otherwise polib, a base dependency in pure Python, so a fresh machine needs no system package.
Only a catalogue that is missing or older than its ``.po`` is rebuilt (``--force``: all).

Branches add entries to the ``.po`` at once and git merges it by union (.gitattributes); if two
added the same message, the first is kept here (as ``msguniq --use-first`` does in `make
messages`, which also cleans the file), so the site still starts.

Usage: python scripts/compile_messages.py [--force]
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ("locale", "locale_extra")


def sources():
    return sorted(po for folder in CATALOGUES for po in (ROOT / folder).glob("*/LC_MESSAGES/*.po"))


def compile_one(po_path, mo_path):
    po = polib.pofile(str(po_path))
    seen, duplicates = set(), []
    for entry in [e for e in po if not e.obsolete]:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            duplicates.append(entry.msgid)
            po.remove(entry)
        seen.add(key)
    partial = mo_path.with_name(mo_path.name + ".part")
    if shutil.which("msgfmt") and not duplicates:
        subprocess.run(  # noqa: S603
            ["msgfmt", "--check-format", "-o", str(partial), str(po_path)],  # noqa: S607
            check=True,
        )
    else:
        po.save_as_mofile(str(partial))
    os.replace(partial, mo_path)
    return duplicates


def main(argv):
    force = "--force" in argv
    for po_path in sources():
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        duplicates = compile_one(po_path, mo_path)
        print(f"compiled {mo_path.relative_to(ROOT)}")
        if duplicates:
            print(
                f"{po_path.relative_to(ROOT)}: {len(duplicates)} message(s) twice (a union "
                "merge); the first kept. `make messages` cleans the file.",
                file=sys.stderr,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
