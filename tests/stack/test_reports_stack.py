"""Readers' salary reports through the real stack (two gunicorn app servers, Redis, PostgreSQL,
Varnish, the job worker): the flood limits hold across both servers under concurrent posts,
and a report changes nothing public until the batch runs (here: an editor's "recompute now",
through the job queue, purging the front)."""

import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .http import get, post
from .test_stack import until

pytestmark = pytest.mark.stack


BATCH_ROLE = "kredi-asistani"  # the batch test's role: the flood tests leave it alone


def published_slugs(stack):
    return [
        slug
        for slug in stack.shell(
            "from careers.articles.models import Role; print(' '.join("
            "Role.objects.published().order_by('slug').values_list('slug', flat=True)))"
        ).split()
        if slug != BATCH_ROLE
    ]


def report_token(stack, slug):
    """The form's signed time, as a reader's browser got it with the article (via the front)."""
    page = get(stack.front, f"/meslekler/{slug}/").text
    return re.search(r'name="imza" value="([^"]+)"', page).group(1)


def send_report(stack, slug, token, i, ip, amount="45.000"):
    app = stack.apps[i % 2]  # half to A, half to B
    fields = {
        "il": "34", "deneyim": "2-4", "tutar": amount, "net_brut": "net", "calisma": "full",
        "yil": str(time.localtime().tm_year), "isveren": "", "imza": token, "kontrol": "",
    }  # fmt: skip
    path = f"/meslekler/{slug}/maasini-paylas/gonder/"
    return post(app, path, fields, **{"X-Forwarded-For": ip}).status


def stored(stack, ip_hash_of):
    return int(
        stack.shell(
            "from careers.site.client import address_hash;"
            "from careers.salaries.reports.models import Report;"
            f"print(Report.objects.filter(address_hash=address_hash('{ip_hash_of}')).count())"
        )
    )


def tokens_for(stack, slugs):
    found = {slug: report_token(stack, slug) for slug in set(slugs)}
    time.sleep(3.1)  # a person takes longer than REPORTS_MIN_FILL_SECONDS
    return found


def test_20_concurrent_reports_from_one_address_store_exactly_10_across_both_servers(stack):
    slugs = published_slugs(stack)
    assert len(slugs) >= 10
    targets = [slugs[i % len(slugs)] for i in range(20)]  # 20 reports, for 15 roles or so
    tokens = tokens_for(stack, targets)
    ip = "198.18.40.1"
    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(
            pool.map(lambda i: send_report(stack, targets[i], tokens[targets[i]], i, ip), range(20))
        )
    assert sorted(statuses) == [302] * 10 + [429] * 10, statuses
    assert stored(stack, ip) == 10  # the daily limit, exactly, whichever server took them
    assert send_report(stack, slugs[0], tokens[slugs[0]], 0, "198.18.40.2") == 302  # others can


def test_20_concurrent_reports_for_one_role_from_one_address_store_exactly_one(stack):
    slug = published_slugs(stack)[1]
    token = tokens_for(stack, [slug])[slug]
    ip = "198.18.41.1"
    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(lambda i: send_report(stack, slug, token, i, ip), range(20)))
    assert sorted(statuses) == [302] + [429] * 19, statuses
    assert stored(stack, ip) == 1


def test_reports_change_nothing_public_until_the_batch_then_every_server_and_the_front(
    stack, editor
):
    slug = BATCH_ROLE
    path = f"/meslekler/{slug}/"
    shown = "Medyan <strong>43.000 TL</strong>"  # the readers' figure (an editor's may be 43.000)
    before = get(stack.front, path).text
    assert "Henüz yeterli bildirim yok" in before
    token = tokens_for(stack, [slug])[slug]
    amounts = ["41.000", "42.000", "43.000", "44.000", "45.000"]
    for i, amount in enumerate(amounts):  # five readers, five addresses
        assert send_report(stack, slug, token, i, f"198.18.42.{i + 1}", amount) == 302
    time.sleep(1.5)
    for base in (stack.front, *stack.apps):
        page = get(base, path).text
        assert "Henüz yeterli bildirim yok" in page and shown not in page, base
    page = editor.get("/yonetim/salaries/reportsummary/")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    started = time.monotonic()
    answer = editor.post(
        "/yonetim/salaries/reportsummary/yeniden-hesapla/", {"csrfmiddlewaretoken": csrf}
    )
    assert answer.status == 302, answer.text[:500]
    for base in (stack.front, *stack.apps):
        took = until(lambda b=base: shown in get(b, path).text, seconds=15)
        assert took is not None, f"{base} never showed the batch's figures"
    print(f"\nrecompute now -> figures on the front and both servers in "
          f"{time.monotonic() - started:.2f} s")  # fmt: skip
    stack.wait_for_jobs()
