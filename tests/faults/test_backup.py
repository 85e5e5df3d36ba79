"""``manage.py backup`` / ``restore``: a lossless round trip on SQLite and on PostgreSQL,
media included, made while the site serves (SQLite's online backup, pg_dump's snapshot)."""

import hashlib
import tarfile

import pytest

from .conftest import SEED

EXCLUDE = ("contenttypes", "auth.permission", "sessions")
DUMP = ["dumpdata", "--indent", "1", *(f"--exclude={label}" for label in EXCLUDE)]
SETUP = (
    "from careers.comments.models import Comment; from careers.articles.models import Role;"
    "role = Role.objects.get(slug='musteri-hizmetleri-ekip-lideri');"
    "[Comment.objects.create(role=role, name=f'Yorumcu {n}', email=f'y{n}@example.com',"
    " body=f'İlk yorum {n}: ışık, ğ, ü, «tırnak».', status='approved') for n in range(3)]"
)
DAMAGE = (
    "from careers.comments.models import Comment; from careers.articles.models import Role;"
    "Comment.objects.all().delete(); Role.objects.filter(slug='hemsire').delete();"
    "Role.objects.filter(slug='veri-analisti').update(title='Bozuldu')"
)
AFTER = (
    "from careers.comments.models import Comment; from careers.articles.models import Role;"
    "c = Comment.objects.create(role=Role.objects.get(slug='hemsire'), name='Sonra',"
    " email='s@example.com', body='Geri yüklemeden sonra.'); print(c.pk)"
)


def media_state(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def backed_up_site(request, make_site):
    env = {}
    if request.param == "postgresql":
        env["DATABASE_URL"] = request.getfixturevalue("postgres").url
    media = None
    site = make_site(start=False, **env)
    media = site.var / "media"
    site.env["DJANGO_MEDIA_ROOT"] = str(media)
    (media / "roles/2026/12").mkdir(parents=True)
    (media / "roles/2026/12/a1b2.jpg").write_bytes(b"\xff\xd8" + bytes(range(256)) * 40)
    (media / "markdownx/2026/12").mkdir(parents=True)
    (media / "markdownx/2026/12/c3d4.png").write_bytes(b"\x89PNG" + b"x" * 5000)
    site.manage("shell", "-c", SETUP)
    return request.param, site, media


def test_backup_and_restore_lose_nothing(backed_up_site):
    engine, site, media = backed_up_site
    before = site.manage(*DUMP).stdout
    media_before = media_state(media)
    assert '"Yorumcu 2"' in before and "ışık, ğ, ü" in before
    # the backup is made while the site serves
    site.start(workers=1, threads=2)
    assert site.get(SEED).status == 200
    archive = site.var / "yedek.tar"
    out = site.manage("backup", str(archive)).stdout
    assert f"{engine} database, 2 media files" in out
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    database = "database.sqlite3" if engine == "sqlite" else "database.pgdump"
    assert {"manifest.json", database, "media/roles/2026/12/a1b2.jpg"} <= names
    site.stop()

    site.manage("shell", "-c", DAMAGE)
    (media / "roles/2026/12/a1b2.jpg").unlink()
    (media / "extra.txt").write_text("yedekte yok")
    assert site.manage(*DUMP).stdout != before

    site.manage("restore", "--noinput", str(archive))
    assert site.manage(*DUMP).stdout == before  # every row, every character, as it was
    assert media_state(media) == media_before  # exactly the backup's files
    # the database works on afterwards (sequences restored: new ids do not collide)
    new_id = int(site.manage("shell", "-c", AFTER).stdout.strip().splitlines()[-1])
    assert new_id > 3


def test_a_damaged_backup_is_refused_and_changes_nothing(make_site):
    site = make_site(start=False)
    archive = site.var / "yedek.tar"
    site.manage("backup", str(archive))
    data = bytearray(archive.read_bytes())
    position = data.find(b"SQLite format 3")
    data[position + 5000] ^= 0xFF  # one flipped byte inside the database copy
    archive.write_bytes(bytes(data))
    before = site.manage(*DUMP).stdout
    result = site.run_manage("restore", "--noinput", str(archive))
    assert result.returncode != 0
    assert "damaged" in result.stderr
    assert site.manage(*DUMP).stdout == before
