"""Render every page a reader or an editor can reach, to show that a template change (line
breaks, djhtml, moving markup) changes nothing a reader gets.

    scripts/render_pages.py render OUT      (from the root of a checkout of any commit)
    scripts/render_pages.py compare A B     (two OUT directories: exit status 1 on a difference)

``render`` imports ``careers`` from the current directory (run it with ``PYTHONPATH=.``, e.g.
in a ``git archive`` of the commit before the change), builds a throwaway SQLite test database
with the demo content, a little generated content (pagination, comment threads, gross and
"unspecified" bands) and a few hand-made rows (held, approved and refused comments, article
and band revisions), freezes the clock, renders each page through Django's test client (the
error handlers and ``render_to_string`` for the pages no address reaches) and writes one file
per page under OUT, CSRF tokens masked. It names any template under ``templates/`` that no
page rendered.

``compare`` holds two runs equal when they differ only in whitespace a reader never gets: a
run of whitespace in text or between a tag's attributes counts as one space (HTML renders it
so), while attribute values, ``<pre>``, ``<textarea>`` and plain-text files (e-mails) must be
the same to the byte.
"""

import os
import re
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

WHEN = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 12:00 in Istanbul
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
TAG = re.compile(r"<[a-zA-Z!/][^<>]*>")
QUOTED = re.compile(r"(\"[^\"]*\"|'[^']*')")
VERBATIM = re.compile(r"<(pre|textarea)\b.*?</\1>", re.S | re.I)


def render(out):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careers.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "render-pages-fixed-key-for-a-stable-diff")
    os.environ.setdefault("DJANGO_VAR_DIR", tempfile.mkdtemp(prefix="render-pages-"))
    os.environ["DJANGO_JOBS"] = "immediate"
    import django
    import time_machine

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.signals import template_rendered
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.DEBUG = False  # as pytest-django runs the tests: the real 404 page
    used = set()
    template_rendered.connect(lambda sender, template, **kw: used.add(template.name), weak=False)
    with time_machine.travel(WHEN, tick=False) as clock:
        connection.creation.create_test_db(verbosity=0)
        pages = list(render_all(clock))
    ours = {str(p.relative_to("templates")) for p in Path("templates").rglob("*.*")}
    if ours - used:
        print("Templates no page rendered:", ", ".join(sorted(ours - used)))
    out.mkdir(parents=True, exist_ok=True)
    for name, status, body in pages:
        masked = CSRF.sub(r"\1…\2", body)
        (out / name).write_text(f"{status}\n{masked}", encoding="utf-8")
    print(f"{len(pages)} pages written to {out}")


def _spaces(text):
    return re.sub(r"\s+", " ", text)


def normalise(body):
    """Runs of whitespace as one space, except inside attribute values."""
    parts, last = [], 0
    for tag in TAG.finditer(body):
        parts.append(_spaces(body[last : tag.start()]))
        pieces = QUOTED.split(tag.group())
        parts.append("".join(p if i % 2 else _spaces(p) for i, p in enumerate(pieces)))
        last = tag.end()
    parts.append(_spaces(body[last:]))
    return "".join(parts).strip()


def compare(a, b):
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    different, same_bytes = [], 0
    for name in names:
        if not ((a / name).exists() and (b / name).exists()):
            different.append(f"{name}: only in one run")
            continue
        x, y = (a / name).read_text(encoding="utf-8"), (b / name).read_text(encoding="utf-8")
        same_bytes += x == y
        if name.endswith(".txt"):
            if x != y:
                different.append(f"{name}: plain text differs")
        elif normalise(x) != normalise(y):
            different.append(f"{name}: differs")
        elif [m.group() for m in VERBATIM.finditer(x)] != [m.group() for m in VERBATIM.finditer(y)]:
            different.append(f"{name}: <pre> or <textarea> differs")
    print(
        f"{len(names)} pages compared: {same_bytes} the same to the byte, "
        f"{len(names) - same_bytes - len(different)} the same but for whitespace, "
        f"{len(different)} different"
    )
    for line in different:
        print("  ", line)
    return 1 if different else 0


def file_name(label):
    return re.sub(r"[^\w.=-]+", "_", label).strip("_")[:150] or "root"


def render_all(clock):
    from django.contrib.auth.models import User
    from django.core import mail
    from django.core.management import call_command
    from django.template.loader import render_to_string
    from django.test import Client, RequestFactory
    from django.urls import reverse

    from careers.articles.models import Responsibility, Role, Sector, Skill
    from careers.comments import tokens
    from careers.comments.models import Comment
    from careers.salaries.models import SalaryBand

    call_command("loaddemo", verbosity=0)
    call_command("makescale", roles=60, comments=2600, sectors=4, skills=20, verbosity=0)
    seed = Role.objects.get(slug="musteri-hizmetleri-ekip-lideri")
    other = Role.objects.get(slug="kredi-asistani")
    third = Role.objects.get(slug="hemsire")
    admin = User.objects.create_superuser("lead", "lead@example.org", "a-long-render-pass")

    # An article revision with row changes (the admin's history pages draw word diffs).
    seed.intro = seed.intro + "\n\nBir paragraf daha."
    seed.save()
    duty = Responsibility.objects.filter(role=seed).first()
    duty.text = duty.text + " (güncellendi)"
    duty.save()

    reader = Client()

    def get(label, url, client=reader, **extra):
        response = client.get(url, follow=True, **extra)
        body = b"".join(response) if response.streaming else response.content
        return file_name(label), response.status_code, body.decode("utf-8", "replace")

    def post(label, url, data, client=reader, **extra):
        response = client.post(url, data, **extra)
        return file_name(label), response.status_code, response.content.decode()

    # Comments through the real form: a held one (its notice and the moderator's mail), an
    # approved thread with a reply, a form page with errors, a duplicate, a flood.
    def form(role, **fields):
        return {
            "name": "Ayşe Yılmaz",
            "email": "ayse@example.org",
            "url": "",
            "comment": "Çok yararlı bir yazı, teşekkürler.",
            "zaman": tokens.issue(role.pk, WHEN.timestamp() - 10),
            "parent": "",
            "kontrol": "",
            **fields,
        }

    post_url = reverse("comments:post", args=[seed.slug])
    held = reader.post(post_url, form(seed), REMOTE_ADDR="192.0.2.10")
    yield get("article-held-notice", held["Location"])
    if mail.outbox:
        yield "email-held.txt", 0, mail.outbox[-1].body
    first = Comment.objects.filter(role=seed).latest("pk")
    first.status = "approved"
    first.save()
    clock.shift(60)
    reply = form(
        seed,
        name="Mehmet Kaya",
        email="mehmet@example.org",
        url="https://ornek.com.tr/",
        comment="Katılıyorum, özellikle vardiya kısmına.",
        parent=str(first.pk),
    )
    reader.post(post_url, reply, REMOTE_ADDR="192.0.2.11")
    Comment.objects.filter(email="mehmet@example.org").update(status="approved")
    clock.shift(60)
    known = reader.post(post_url, form(seed, comment="Bir yorum daha."), REMOTE_ADDR="192.0.2.12")
    yield post(
        "comment-flood", post_url, form(seed, comment="Bir başka yorum."), REMOTE_ADDR="192.0.2.12"
    )
    yield get("article-after-known-comment", known["Location"])
    yield post("comment-errors", post_url, form(seed, name="", email="yanlış", comment=""))
    clock.shift(60)
    yield post("comment-duplicate", post_url, reply, REMOTE_ADDR="192.0.2.13")
    closed = Role.objects.published().filter(comments_open=False).order_by("pk").first()
    yield post(
        "comment-closed",
        reverse("comments:post", args=[closed.slug]),
        form(closed, comment="Kapalı bir makaleye\n  iki satır."),
        REMOTE_ADDR="192.0.2.14",
    )
    yield get("comment-reply-page", reverse("comments:reply", args=[first.pk]))
    yield get("comment-post-get", post_url)

    # Public pages.
    yield get("home", "/")
    yield get("az", reverse("articles:role_list"))
    for letter in ("m", "k", "ç", "ş", "z"):
        yield get(f"az-{letter}", reverse("articles:role_list") + f"?harf={letter}")
    yield get("az-m-p2", reverse("articles:role_list") + "?harf=m&sayfa=2")
    for sector in Sector.objects.order_by("pk"):
        yield get(f"sector-{sector.slug}", sector.get_absolute_url())
        yield get(f"sector-{sector.slug}-p2", sector.get_absolute_url() + "?sayfa=2")
    yield get("skills", reverse("articles:skill_list"))
    for skill in Skill.objects.order_by("pk")[:40]:
        yield get(f"skill-{skill.slug}", skill.get_absolute_url())
    from django.db.models import Count

    from careers.articles.management.commands.loaddemo import demo_fixture_files

    demo = [path.stem for path in demo_fixture_files() if path.parent.name == "roles"]
    busy = list(
        Role.objects.published()
        .annotate(n=Count("comments"))
        .filter(n__gt=0)
        .exclude(slug__in=demo)
        .order_by("-n", "pk")[:5]
    )
    # One of each pay basis beyond the demo's (gross bands, "unspecified" labels, multiples).
    bases = [
        Role.objects.published().filter(salary_pay_basis=basis).exclude(slug__in=demo).first()
        for basis in ("gross", "unspecified", "net")
    ]
    for role in [*Role.objects.filter(slug__in=demo).order_by("slug"), *busy, *bases]:
        yield get(f"article-{role.slug}", role.get_absolute_url())
    for role in [seed, *busy[:2]]:
        yield get(f"article-{role.slug}-comments-p2", role.get_absolute_url() + "?yorum-sayfa=2")
    salaries = reverse("salaries:list")
    for query in (
        "",
        "?sirala=meslek",
        "?sirala=meslek&yon=azalan",
        "?sirala=ortalama&yon=artan",
        "?sirala=ust&yon=azalan",
        "?sektor=finans-ve-muhasebe",
        f"?sektor={seed.sector.slug}&sirala=ust",
        "?sirala=yanlis&yon=x",
        "?sektor=yok-boyle",
        "?sayfa=2",
        "?sayfa=99",
    ):
        yield get(f"maaslar{query}", salaries + query)
    search = reverse("search:search")
    for query in ("", "?q=musteri", "?q=MÜŞTERİ+hizmetleri", "?q=zzzqqq", "?q=a", "?q=e&sayfa=2"):
        yield get(f"ara{query}", search + query)
    pick = reverse("compare:pick")
    yield get("compare-pick", pick)
    yield get("compare-pick-one", pick + f"?meslek={seed.slug}")
    yield get("compare-pick-typed", pick + f"?meslek={seed.slug}&diger=kredi")
    yield get("compare-pick-none", pick + f"?meslek={seed.slug}&diger=zzzqqq")
    yield get("compare-pick-two", pick + f"?meslek={seed.slug}&meslek={other.slug}&diger=hem")
    yield get("compare-pair", reverse("compare:pair", args=[other.slug, seed.slug]))
    yield get("compare-triple", reverse("compare:triple", args=[third.slug, other.slug, seed.slug]))
    yield get("compare-bases", reverse("compare:triple", args=sorted(r.slug for r in bases)))
    yield get("api-docs", reverse("api_docs"))
    for name in ("privacy", "contact", "editorial", "methodology"):
        yield get(f"page-{name}", reverse(f"pages:{name}"))
    yield get("404", "/yok-boyle-bir-sayfa/")
    yield get("404-role", "/meslekler/yok-boyle/")
    yield get("feed-rss", "/besleme/rss/")
    yield get("feed-atom", "/besleme/atom/")
    yield get("sitemap", reverse("sitemap"))
    for section in ("roles", "lists", "sectors", "skills"):
        yield get(f"sitemap-{section}", f"/sitemap-{section}.xml")
    yield get("robots", "/robots.txt")
    yield get("manifest", reverse("manifest"))

    # Pages no ordinary address reaches: the error handlers and the outage forms.
    from django.views import csrf, defaults

    from careers.site import outage

    factory = RequestFactory()
    request = factory.get("/bir/yer/")
    request.user = admin.__class__()
    for label, response in (
        ("400", defaults.bad_request(request, Exception())),
        ("403", defaults.permission_denied(request, Exception())),
        ("403-csrf", csrf.csrf_failure(request)),
        ("500", outage.server_error(request)),
        ("503", outage.unavailable(request, Exception())),
    ):
        yield label, response.status_code, response.content.decode()
    yield (
        "comment-unavailable",
        503,
        render_to_string(
            "comments/unavailable.html",
            {"action": post_url, "typed": form(seed, url="https://ornek.com.tr/<b>")},
        ),
    )

    # Admin pages with templates of ours.
    editor = Client()
    editor.force_login(admin)
    yield get("admin-role-history", reverse("admin:articles_role_history", args=[seed.pk]), editor)
    band = SalaryBand.objects.filter(role=seed).first()
    band.average = band.average + 100
    band.save()
    yield get(
        "admin-band-history", reverse("admin:salaries_salaryband_history", args=[band.pk]), editor
    )
    yield get("admin-bands", reverse("admin:salaries_salaryband_changelist"), editor)
    yield get("admin-data-quality", reverse("admin:salaries_salaryband_data_quality"), editor)
    yield get("admin-band-import", reverse("admin:salaries_salaryband_import"), editor)
    yield get("admin-comments", reverse("admin:comments_comment_changelist"), editor)
    privacy = reverse("admin:comments_comment_privacy")
    yield get("admin-privacy", privacy, editor)
    yield post("admin-privacy-none", privacy, {"email": "yok@example.org", "erase": "1"}, editor)
    yield post("admin-privacy-erase", privacy, {"email": "ayse@example.org", "erase": "1"}, editor)
    stranger = Client()
    login = reverse("admin:login") + "?next=/"
    for attempt in range(settings_failure_limit()):
        last = stranger.post(login, {"username": "lead", "password": f"yanlış-{attempt}"})
    yield "admin-lockout", last.status_code, last.content.decode()


def settings_failure_limit():
    from django.conf import settings

    return settings.AXES_FAILURE_LIMIT


if __name__ == "__main__":
    if sys.argv[1:2] == ["render"] and len(sys.argv) == 3:
        render(Path(sys.argv[2]).resolve())
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) == 4:
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
