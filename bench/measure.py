"""In-process page timings on the configured database (run by bench/scale.py, one process per
database): each page rendered ``--repeat`` times through Django's test client with DEBUG off
and the page cache bypassed (a dummy cache), median wall time, query count, response size,
and the median CPU time of this process (on a machine shared with other work the wall time
grows with the load; the CPU time much less: SQLite's work is in it, PostgreSQL's is not).
Prints one JSON object: ``{"page name": {"ms", "cpu", "queries", "bytes", "status"}}``.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = "musteri-hizmetleri-ekip-lideri"

PUBLIC = [
    ("seed article", f"/meslekler/{SEED}/"),
    ("home /", "/"),
    ("/meslekler/", "/meslekler/"),
    ("/meslekler/?harf=s", "/meslekler/?harf=s"),
    ("/maaslar/", "/maaslar/"),
    ("/maaslar/ sector, page 2", "/maaslar/?sektor=finans&sayfa=2"),
    ("sector page", "/sektorler/musteri-hizmetleri/"),
    ("sector page 5", "/sektorler/musteri-hizmetleri/?sayfa=5"),
    ("skill page", "/beceriler/iletisim-becerisi/"),
    ("/beceriler/", "/beceriler/"),
    ("/ara/?q=musteri", "/ara/?q=musteri"),
    ("/ara/?q=uzman", "/ara/?q=uzman"),
    ("/ara/?q=a (2 letters+)", "/ara/?q=an"),
    ("/ara/?q=veri analiz", "/ara/?q=veri+analiz"),
    ("/ara/?q=new word", "/ara/?q=zzyzx"),
    ("/sitemap.xml", "/sitemap.xml"),
    ("sitemap roles section", "/sitemap-roles.xml"),
    ("sitemap roles, page 90", "/sitemap-roles.xml?p=90"),
    ("/besleme/rss/", "/besleme/rss/"),
    ("readers' figures by province", f"/meslekler/{SEED}/okur-maaslari/?il=34&deneyim=2-4"),
    ("salary report form", f"/meslekler/{SEED}/maasini-paylas/"),
    ("API role reports", f"/api/v1/roles/{SEED}/reports"),
    ("/duzeltmeler/", "/duzeltmeler/"),
    ("/duzeltmeler/rss/", "/duzeltmeler/rss/"),
    ("author page", "AUTHOR"),
    ("author page 20", "AUTHOR?sayfa=20"),
]
#: Every public page is measured twice: with the fragments, counts and search hits kept in the
#: cache (what a page-cache miss usually costs), and with the whole cache emptied before each
#: request (", cache empty": right after a change, or on a cold start; the issue's measure).


def admin_pages():
    """Every registered model's change list, and the change page of its first row (the
    seed role and its comments where they exist)."""
    from django.contrib import admin
    from django.urls import NoReverseMatch, reverse

    from careers.articles.models import Role

    pages = []
    seed = Role.objects.filter(slug=SEED).first()
    for model, model_admin in sorted(admin.site._registry.items(), key=lambda i: i[0]._meta.label):
        opts = model._meta
        try:
            changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            continue
        pages.append((f"admin {opts.model_name} list", changelist))
        first = model_admin.get_queryset(_request()).order_by("-pk").values_list("pk", flat=True)
        pk = seed.pk if model is Role and seed is not None else first.first()
        if pk is not None:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])
            pages.append((f"admin {opts.model_name} change", url))
    pages.append(("admin comment list, page 50", "/yonetim/comments/comment/?p=50"))
    pages.append(("admin review dashboard, page 40", "/yonetim/articles/revision/?sayfa=40"))
    pages.append(("admin comment search", "/yonetim/comments/comment/?q=ankara"))
    # Words of the text (careers/comments/fulltext.py): common, two words, in no comment, and
    # with the status filter a moderator adds.
    for label, query in [
        ("a common word", "te%C5%9Fekk%C3%BCr"),
        ("two words", "istanbul+maa%C5%9F"),
        ("no match", "zzyzxq"),
        (f"a rare word ({RARE_COMMENTS} comments)", "zeytinya%C4%9Fl%C4%B1"),
        ("held, a word", "maa%C5%9F&status__exact=pending"),
    ]:
        pages.append(
            (f"admin comment text search, {label}", f"/yonetim/comments/comment/?q={query}")
        )
    pages.append(("admin report queue (held)", "/yonetim/salaries/report/?status__exact=held"))
    pages.append(
        ("admin reports accepted, page 50", "/yonetim/salaries/report/?status__exact=accepted&p=50")
    )
    pages.append(("admin report search", "/yonetim/salaries/report/?status__exact=held&q=uzman"))
    return pages


RARE_WORD, RARE_COMMENTS = "zeytinyağlı", 5


def plant_rare_word():
    """The text search's rare case: a word in exactly RARE_COMMENTS comments, written here
    (once) into the database measured, as the generated comments share a small vocabulary
    and none of their words is rare."""
    from careers.articles.models import Role
    from careers.comments import fulltext
    from careers.comments.models import Comment, CommentStatus

    missing = RARE_COMMENTS - len(fulltext.newest_ids(fulltext.words(RARE_WORD)))
    for role in Role.objects.published().order_by("pk")[: max(0, missing)]:
        Comment.objects.create(
            role=role,
            name="Ölçüm Okuru",
            email="olcum@example.org",
            body=f"{role.title} için {RARE_WORD} yemek tarifleri de ekler misiniz?",
            status=CommentStatus.APPROVED,
        )


def _request():
    from django.contrib.auth.models import User
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = User.objects.filter(is_superuser=True).first()
    return request


def measure(client, path, repeat, cold=False):
    """Every request bypasses the page cache (see main); ``cold`` also empties the whole
    cache before each request: no cached article fragment, counts or search hits either,
    as right after an editor's save."""
    from django.core.cache import cache
    from django.db import connection

    def fresh():
        if cold:
            cache.clear()

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    fresh()
    with connection.execute_wrapper(count):
        response = client.get(path)
    times, cpu = [], []
    for _ in range(repeat):
        fresh()
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        cpu.append((time.process_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "ms": statistics.median(times),
        "cpu": statistics.median(cpu),
        "queries": len(queries),
        "bytes": len(response.content),
        "status": response.status_code,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", default="", help="Measure only pages whose name has this.")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careers.settings")
    import django
    from django.conf import settings

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    django.setup()
    from django.contrib.auth.models import User
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    admin_user = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
        "bench-admin", "bench@example.org", None
    )
    reader, editor = Client(), Client()
    editor.force_login(admin_user)
    results = {}
    from careers.site.pagecache import store

    # The page cache bypassed: every request misses it (and is rendered as a miss would be,
    # surrogate keys and all); fragments, counts and search hits stay in the cache.
    store.lookup = lambda key: (store.MISS, None)
    store.store = lambda key, entry: None
    from careers.articles.models import Author

    author = Author.objects.filter(articles__isnull=False).order_by("pk").first()
    public = [
        (name, path.replace("AUTHOR", author.get_absolute_url() if author else "/yazarlar/-/"))
        for name, path in PUBLIC
    ]
    pages = [(name, path, reader, False) for name, path in public]
    pages += [(f"{name}, cache empty", path, reader, True) for name, path in public]
    pages += [(name, path, editor, False) for name, path in admin_pages()]
    if any(args.only in name for name, *_rest in pages if "rare word" in name):
        plant_rare_word()
    for name, path, client, cold in pages:
        if args.only in name:
            results[name] = {"path": path, **measure(client, path, args.repeat, cold)}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
