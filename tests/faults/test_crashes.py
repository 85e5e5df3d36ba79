"""Crashes mid-write, on the production-like stack (scripts/stack.sh: PostgreSQL, Redis, two
gunicorn app servers, nginx, Varnish, the job worker), with real processes killed or restarted:

* an app server killed with SIGKILL (its master and workers at once, as a lost machine) while
  50 comments and 10 salary edits are in flight across both servers: every request is either
  stored exactly once or answered with an error the client can retry (a broken connection, a
  503 or 429 with Retry-After), and retrying it gives the answer it would have had; nothing
  is half-written (a band's history, its role's latest figures, the comment's index); the page
  caches and the front show exactly what was committed;
* Redis restarted (emptied: no persistence) while comments are posted;
* Varnish restarted while purges are queued: the durable job queue delivers them.

One stack for the module, on ports FAULTS_PORT_BASE + 11 ... + 90 (the other fault tests take
+ 100 and up, so a checkout stays within its 500 ports). `scripts/ci-faults.sh` runs
them with the other fault tests; run them five times in a row with
``for i in 1 2 3 4 5; do bash scripts/ci-faults.sh -k crashes || break; done``.
"""

import http.client
import os
import random
import re
import signal
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest

from tests.stack.conftest import running_stack
from tests.stack.http import Browser, form_fields, get, post

from .services import PORT_BASE

BASE = PORT_BASE
PORTS = {
    "STACK_FRONT_PORT": str(BASE + 80),
    "STACK_ADMIN_PORT": str(BASE + 82),
    "STACK_APP_PORTS": f"{BASE + 11} {BASE + 12}",
    "STACK_REDIS_PORT": str(BASE + 79),
    "STACK_PG_PORT": str(BASE + 32),
    "STACK_FILES_PORT": str(BASE + 90),
}
COMMENT_ROLES = [
    "hemsire",
    "kredi-asistani",
    "veri-analisti",
    "lojistik-uzmani",
    "satis-temsilcisi",
]
BAND_ROLES = [
    "bilgi-guvenligi-uzmani", "bordro-vergi-uzmani", "cagri-merkezi-muduru",
    "dijital-pazarlama-uzmani", "insan-kaynaklari-uzmani", "ise-alim-uzmani", "muhasebe-uzmani",
    "musteri-hizmetleri-temsilcisi", "yazilim-gelistirici", "hemsire",
]  # fmt: skip
#: What a client may be answered instead of its result and try again after.
CONNECTION_ERRORS = (ConnectionError, http.client.HTTPException, socket.timeout, OSError)


@pytest.fixture(scope="module")
def stack():
    for name in ("psql", "varnishd", "redis-server", "nginx"):
        if not any(os.access(os.path.join(d, name), os.X_OK) for d in _path()):
            pytest.fail(f"{name} is missing: scripts/ci-faults.sh installs it", pytrace=False)
    # Production settings, but an editor's salary edit is stored at once (EDITORIAL_REVIEW=0):
    # under review it waits as a revision for a second editor (the stack tests go through it);
    # here the band, its history and its role's figures are what a crash must leave whole.
    with running_stack(
        PORTS, prefix="meslek-crash-test-", env={"EDITORIAL_REVIEW": "0"}
    ) as running:
        yield running


def _path():
    return [
        *os.environ.get("PATH", "").split(os.pathsep),
        "/usr/sbin",
        "/usr/lib/postgresql/15/bin",
    ]


@pytest.fixture(scope="module")
def editors(stack):
    """The same editor signed in, one browser per app server (sessions are in the database)."""
    password = os.urandom(12).hex()
    stack.shell(
        "from django.contrib.auth.models import Group, User;"
        f"u = User.objects.create_user('crash-editor', password='{password}', is_staff=True);"
        "u.groups.add(Group.objects.get(name='Editörler'))"
    )
    first = Browser(stack.apps[0])
    first.login("crash-editor", password)
    second = Browser(stack.apps[1])
    second.cookies = dict(first.cookies)
    return [first, second]


# --- what a client does ----------------------------------------------------------------------
@dataclass
class Attempt:
    """One thing a client wants done, and every answer it got on the way."""

    kind: str  # "comment" or "band"
    key: str  # the comment's text, or the band's role
    app: int  # the server it is sent to first
    answers: list = field(default_factory=list)  # status codes, or the exception's name


def retryable(answer):
    return answer in (503, 429) or isinstance(answer, str)  # str: a broken connection


def number(attempt):
    return int(attempt.key.rsplit(" ", 1)[1])


def send_comment(stack, attempt, tokens, app):
    n = number(attempt)
    slug = COMMENT_ROLES[n % len(COMMENT_ROLES)]
    fields = {
        "name": f"Çökme Okuru {n}", "email": f"cokme{n}@example.org", "url": "",
        "comment": attempt.key, "zaman": tokens[slug], "parent": "", "kontrol": "",
    }  # fmt: skip
    answer = post(stack.apps[app], f"/yorumlar/{slug}/gonder/", fields,
                  **{"X-Forwarded-For": f"198.18.{n // 250}.{n % 250 + 1}"})  # fmt: skip
    return answer.status, answer.header("retry-after")


def send_band(editors, bands, attempt, app, amounts):
    path = f"/yonetim/salaries/salaryband/{bands[attempt.key]}/change/"
    browser = editors[app]
    page = browser.get(path)
    if page.status != 200:
        return page.status, page.header("retry-after")
    fields = [(k, v) for k, v in form_fields(page.text, "salaryband_form") if k != "average"]
    fields += [("average", str(amounts[attempt.key])), ("_save", "Kaydet")]
    answer = browser.post(path, fields)
    return answer.status, answer.header("retry-after")


def attempt_once(send, attempt, app):
    try:
        status, retry_after = send(attempt, app)
    except CONNECTION_ERRORS as error:
        attempt.answers.append(type(error).__name__)
        return None
    attempt.answers.append(status)
    return retry_after


def until_done(send, attempt, app, done):
    """Send again (on ``app``, the server still up) until the answer is final, honouring
    Retry-After, as a browser's reader or editor would."""
    for _ in range(10):
        retry_after = attempt_once(send, attempt, app)
        if attempt.answers[-1] in done:
            return
        assert retryable(attempt.answers[-1]), attempt
        time.sleep(float(retry_after or 1) + 0.2)
    raise AssertionError(f"no final answer: {attempt}")


# --- checks ----------------------------------------------------------------------------------
def wait(check, seconds, message):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, message
        time.sleep(0.1)


def shown_everywhere(stack, path, predicate):
    return all(predicate(get(base, path).text) for base in [stack.front, *stack.apps])


def stored_comments(stack, tag):
    """``{text: (count, role slug, status, folded text present)}`` of the comments tagged."""
    rows = stack.sql(
        "SELECT c.body, count(*), min(r.slug), min(c.status), bool_and(c.body_folded <> '')"  # noqa: S608 (our own tag)
        " FROM comments_comment c JOIN articles_role r ON r.id = c.role_id"
        f" WHERE c.body LIKE '{tag}%' GROUP BY c.body"
    )
    found = {}
    for line in rows.splitlines():
        body, count, slug, status, folded = line.split("|")
        found[body] = (int(count), slug, status, folded == "t")
    return found


def approved_commenters(stack, count):
    """Commenters with an approved comment each, from yesterday (their next one is approved
    at once, so it shows on the page as soon as it is committed; none is flood-limited)."""
    stack.shell(
        "import datetime as dt; from django.utils import timezone;"
        "from careers.articles.models import Role; from careers.comments.models import Comment;"
        f"roles = list(Role.objects.filter(slug__in={COMMENT_ROLES!r}).order_by('slug'));"
        "yesterday = timezone.now() - dt.timedelta(days=1);"
        f"[Comment.objects.create(role=roles[n % len(roles)], name=f'Çökme Okuru {{n}}',"
        f" email=f'cokme{{n}}@example.org', body=f'İlk yorum {{n}}.', status='approved',"
        f" created_at=yesterday) for n in range({count})"
        " if not Comment.objects.filter(email=f'cokme{n}@example.org').exists()]"
    )


def form_tokens(stack):
    """Each article's form token (signed for its role), as readers' browsers got them."""
    tokens = {}
    for slug in COMMENT_ROLES:
        page = get(stack.front, f"/meslekler/{slug}/").text
        tokens[slug] = re.search(r'name="zaman" value="([^"]+)"', page).group(1)
    time.sleep(3.1)  # a person takes longer than COMMENTS_MIN_FILL_SECONDS to write
    return tokens


def comments_shown(base, slug, tag):
    """The comments tagged ``tag`` that article ``slug`` shows at ``base`` on all its comment
    pages (COMMENTS_PER_PAGE threads each, oldest first: the newest comments of an article
    with many are on its last page), followed as a reader does ("Newer comments")."""
    shown, path = [], f"/meslekler/{slug}/"
    while path:
        html = get(base, path).text
        shown += re.findall(rf"{re.escape(tag)} \d+", html)
        newer = re.search(r'<a rel="next" href="(\?yorum-sayfa=\d+)', html)
        path = f"/meslekler/{slug}/{newer.group(1)}" if newer else None
    return sorted(shown)


def pages_show_exactly(stack, tag):
    """Every article of COMMENT_ROLES shows exactly the committed comments tagged ``tag``
    (each once, over its comment pages), on the front and on both app servers."""
    stored = stored_comments(stack, tag)
    for slug in COMMENT_ROLES:
        expected = sorted(
            body
            for body, (_n, role, status, _f) in stored.items()
            if role == slug and status == "approved"
        )
        for base in [stack.front, *stack.apps]:
            if comments_shown(base, slug, tag) != expected:
                return False
    return True


def gunicorn_group(stack, app):
    """The process group of app server ``app``: gunicorn daemonized into a session of its own
    (setsid), where its master and workers are, and nothing else of the stack or this test."""
    group = os.getpgid(stack.pid(f"app-{app + 1}"))
    others = [stack.pid(f"app-{other + 1}") for other in range(len(stack.apps)) if other != app]
    assert group != os.getpgrp() and all(os.getpgid(pid) != group for pid in others)
    return group


@pytest.fixture(scope="module")
def bands(stack):
    """``{role slug: primary key of its 2026 band}`` for BAND_ROLES."""
    rows = stack.sql(
        "SELECT r.slug, b.id FROM articles_salaryband b JOIN articles_role r ON r.id = b.role_id"
        " WHERE b.year = 2026"
    )
    found = dict(line.split("|") for line in rows.splitlines())
    return {slug: found[slug] for slug in BAND_ROLES}


def new_averages(stack, slugs):
    """A new 2026 average for each role: a little above the one stored, a new amount each
    time (between the band's low and top figures, as the salary rules want)."""
    rows = stack.sql(
        "SELECT r.slug, b.average::int FROM articles_salaryband b"
        " JOIN articles_role r ON r.id = b.role_id WHERE b.year = 2026"
    )
    current = {slug: int(amount) for slug, amount in (line.split("|") for line in rows.split())}
    return {slug: current[slug] + random.randrange(1, 50) * 10 for slug in slugs}


def figure_everywhere(stack, slug, amount):
    """A check: the article of ``slug`` shows ``amount`` as its 2026 average everywhere."""
    text = f"2026 Yılı Ortalama Maaş: {amount // 1000}.{amount % 1000:03d} TL"
    return lambda: shown_everywhere(stack, f"/meslekler/{slug}/", lambda page: text in page)


# --- the tests -------------------------------------------------------------------------------
def test_an_app_server_killed_mid_write_loses_nothing_and_stores_nothing_twice(
    stack, editors, bands
):
    tag = f"Çökme {random.randrange(10**6)} yorum"
    approved_commenters(stack, 50)
    amounts = new_averages(stack, BAND_ROLES)
    history_before = int(stack.sql("SELECT count(*) FROM articles_historicalsalaryband"))
    tokens = form_tokens(stack)
    for slug in COMMENT_ROLES:  # every page cached everywhere before the crash
        for base in [stack.front, *stack.apps, stack.front]:
            get(base, f"/meslekler/{slug}/")

    def comment(attempt, app):
        return send_comment(stack, attempt, tokens, app)

    def band(attempt, app):
        return send_band(editors, bands, attempt, app, amounts)

    attempts = [Attempt("comment", f"{tag} {n}", n % 2) for n in range(50)]
    attempts += [Attempt("band", slug, i % 2) for i, slug in enumerate(BAND_ROLES)]
    random.Random(7).shuffle(attempts)
    senders = {"comment": comment, "band": band}
    done_on_b = []
    killed = threading.Event()
    lock = threading.Lock()

    def run(attempt):
        attempt_once(senders[attempt.kind], attempt, attempt.app)
        with lock:
            if attempt.app == 1 and not retryable(attempt.answers[-1]):
                done_on_b.append(attempt)
                if len(done_on_b) == 4 and not killed.is_set():  # B is busy writing: kill it
                    os.killpg(gunicorn_group(stack, 1), signal.SIGKILL)
                    killed.set()

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(run, attempts))
    assert killed.is_set(), "app server B finished its requests before it could be killed"
    broken = [a for a in attempts if retryable(a.answers[-1])]
    print(f"\nB killed (SIGKILL) after {len(done_on_b)} of its answers; "
          f"{len(broken)} requests answered with a retryable error: "
          f"{sorted({str(a.answers[-1]) for a in broken})}")  # fmt: skip
    assert broken, "no request was in flight on the killed server"
    assert [a for a in broken if a.app != 1] == []  # A answered everything it was sent
    wrong = [a for a in attempts if not retryable(a.answers[-1]) and a.answers[-1] not in (302,)]
    assert not wrong, wrong

    for attempt in broken:  # each client tries again, on the server still up
        done = {302, 409} if attempt.kind == "comment" else {302}
        until_done(senders[attempt.kind], attempt, 0, done)
    twice_tried = [a for a in broken if a.kind == "comment" and a.answers[-1] == 409]
    print(f"retried on A: {len(broken)}; {len(twice_tried)} comments had been stored before "
          "the crash (409 on the retry: stored once)")  # fmt: skip

    # Stored exactly once, whole.
    stored = stored_comments(stack, tag)
    assert set(stored) == {a.key for a in attempts if a.kind == "comment"}
    assert all(count == 1 and status == "approved" and folded
               for count, _slug, status, folded in stored.values()), stored  # fmt: skip
    bands = dict(
        line.split("|") for line in stack.sql(
            "SELECT r.slug, b.average::int FROM articles_salaryband b"
            " JOIN articles_role r ON r.id = b.role_id WHERE b.year = 2026"
        ).splitlines()
    )  # fmt: skip
    assert {slug: int(bands[slug]) for slug in BAND_ROLES} == amounts
    latest = stack.sql(  # each role keeps its latest figures: written with the band, or not at all
        "SELECT count(*) FROM articles_role r JOIN articles_salaryband b ON b.role_id = r.id"
        " AND b.year = r.salary_year WHERE r.salary_average <> b.average"
    )
    assert latest == "0"
    history = int(stack.sql("SELECT count(*) FROM articles_historicalsalaryband"))
    assert history - history_before >= len(BAND_ROLES)  # every stored change has its history
    unrecorded = stack.sql(  # ... written in the change's transaction: the last one is the band
        "SELECT count(*) FROM articles_salaryband b WHERE b.average <> (SELECT h.average"
        " FROM articles_historicalsalaryband h WHERE h.id = b.id"
        " ORDER BY h.history_date DESC, h.history_id DESC LIMIT 1)"
    )
    assert unrecorded == "0"

    # The server comes back; the caches and the front show exactly what was committed.
    restarted = stack.script("start-apps", check=False)
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr + stack.log_tails()
    stack.wait_for_jobs()
    wait(lambda: pages_show_exactly(stack, tag), 10,
         "a page cache or the front does not show exactly the committed comments")  # fmt: skip
    for slug, amount in amounts.items():
        wait(figure_everywhere(stack, slug, amount), 10, f"{slug}: not shown everywhere")
    logs = stack.log("app-1") + stack.log("worker")
    assert "Traceback" not in logs


def test_redis_restarted_while_comments_are_posted(stack):
    tag = f"Redis {random.randrange(10**6)} yorum"
    approved_commenters(stack, 90)  # (the first 50 exist already)
    tokens = form_tokens(stack)
    for slug in COMMENT_ROLES:
        for base in [stack.front, *stack.apps, stack.front]:
            get(base, f"/meslekler/{slug}/")
    attempts = [Attempt("comment", f"{tag} {n}", n % 2) for n in range(50, 90)]
    stopped = threading.Event()

    def restart_redis():
        time.sleep(0.3)  # posts under way
        os.kill(stack.pid("redis"), signal.SIGTERM)
        wait(lambda: not (stack.dir / "run" / "redis.pid").exists(), 10, "Redis did not stop")
        stopped.set()
        time.sleep(1.0)  # posted meanwhile: Redis down
        restarted = stack.script("start-redis", check=False)
        assert restarted.returncode == 0, restarted.stdout + restarted.stderr

    def comment(attempt, app):
        return send_comment(stack, attempt, tokens, app)

    started = time.monotonic()

    def post_in_turn(attempt):  # one every 50 ms for 2 s: before, during and after
        time.sleep(max(0.0, started + 0.05 * (number(attempt) - 50) - time.monotonic()))
        attempt_once(comment, attempt, attempt.app)

    restarter = threading.Thread(target=restart_redis)
    restarter.start()
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(post_in_turn, attempts))
    restarter.join()
    assert stopped.is_set()
    answers = sorted({str(a.answers[-1]) for a in attempts})
    print(f"\nRedis restarted while 40 comments were posted: answers {answers}")
    for attempt in attempts:
        if attempt.answers[-1] != 302:
            assert retryable(attempt.answers[-1]), attempt
            until_done(comment, attempt, attempt.app, {302, 409})
    stored = stored_comments(stack, tag)
    assert set(stored) == {a.key for a in attempts}
    assert all(count == 1 for count, *_rest in stored.values()), stored
    # Each server asks Redis again DOWN_SECONDS (5 s) after its last failure and outdates every
    # page it may have missed a change for; purges went through the job queue meanwhile.
    stack.wait_for_jobs()
    wait(lambda: pages_show_exactly(stack, tag), 20,
         "after Redis came back, a page does not show exactly the committed comments")  # fmt: skip
    assert "Traceback" not in stack.log("app-1") + stack.log("app-2")


def test_varnish_restarted_while_purges_are_queued_delivers_them(stack, editors, bands):
    """Purges waiting in the job queue (the worker paused) while Varnish restarts, and purges
    that fail because Varnish is down: all are delivered, none is lost."""
    slugs = BAND_ROLES[:5]
    for slug in slugs:
        for base in [stack.front, stack.front]:
            get(base, f"/meslekler/{slug}/")
        assert get(stack.front, f"/meslekler/{slug}/").header("x-cache") == "HIT"
    amounts = new_averages(stack, slugs)
    worker = stack.pid("worker")
    os.kill(worker, signal.SIGSTOP)  # purges wait in the queue
    try:
        for i, slug in enumerate(slugs):
            attempt = Attempt("band", slug, i % 2)
            until_done(lambda a, app: send_band(editors, bands, a, app, amounts), attempt,
                       attempt.app, {302})  # fmt: skip
        queued = stack.sql(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult"
            " WHERE status = 'READY' AND task_path = 'careers.site.pagecache.purge.purge'"
        )
        assert int(queued) >= len(slugs)
        os.kill(stack.pid("varnish"), signal.SIGTERM)  # Varnish restarts
        wait(lambda: not (stack.dir / "run" / "varnish.pid").exists()
             or not _alive(stack.pid("varnish")), 20, "Varnish did not stop")  # fmt: skip
    finally:
        os.kill(worker, signal.SIGCONT)  # the worker meets a front that is down: retries
    time.sleep(1.5)
    restarted = stack.script("start-front", check=False)
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr + stack.log_tails()
    stack.wait_for_jobs(seconds=60)
    failed = stack.sql(
        "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'FAILED'"
    )
    assert failed == "0"
    worker_log = stack.log("worker")
    assert "Front cache purge failed" in worker_log  # the front was down: retried
    assert "Front cache purge delivered after" in worker_log
    assert "abandoned" not in worker_log
    for slug, amount in amounts.items():
        wait(figure_everywhere(stack, slug, amount), 5, f"{slug}: not shown everywhere")


def _alive(pid):
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
