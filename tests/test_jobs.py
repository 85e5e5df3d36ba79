"""The job queue with its database backend, run by the worker's loop in this process (the
rest of the suite runs jobs immediately): front-cache purges merged, retried and settled;
orphaned jobs put back; the outbox that commits or rolls back with the change."""

import datetime as dt
import logging

import pytest
import time_machine
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from careers.site.jobs.worker import Worker, recover_expired, recover_own
from careers.site.pagecache import invalidate
from careers.site.pagecache.purge import purge

from .factories import make_role
from .fronts import RecordingFront

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits, as in production
# A day ahead of the real clock: whatever the fixtures wrote at the real time is older.
T0 = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)


@pytest.fixture
def durable(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def fronts(settings, durable):
    servers = [RecordingFront(), RecordingFront()]
    settings.FRONT_CACHE_URLS = [server.url for server in servers]
    yield servers
    for server in servers:
        server.close()


def run_jobs(at):
    """What a worker does at ``at``: every job due, then back (``manage.py jobs --batch``)."""
    with time_machine.travel(at, tick=False):
        Worker(
            queue_names=["*"], interval=0, batch=True, backend_name="default",
            startup_delay=False, max_tasks=None, worker_id="test:1",
            excluded_queue_names=[], periodic=False,
        ).run()  # fmt: skip


def waiting():
    return DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count()


def test_a_burst_of_changes_costs_one_purge_per_front_then_one_settle_purge(fronts):
    with time_machine.travel(T0, tick=False):
        invalidate("role-1", "roles")  # three changes, three commits
        invalidate("role-2")
        with transaction.atomic():
            invalidate("comments-3", "role-1")
            invalidate("comments-3")  # nothing new in this transaction: no second job row
    assert waiting() == 3
    run_jobs(T0)
    expected = {"role-1", "role-2", "roles", "comments-3"}
    assert [front.purges for front in fronts] == [[expected], [expected]]
    run_jobs(T0 + dt.timedelta(seconds=0.5))
    assert all(len(front.purges) == 1 for front in fronts)  # the settle purge is not due yet
    run_jobs(T0 + dt.timedelta(seconds=1.5))
    assert [front.purges for front in fronts] == [[expected] * 2, [expected] * 2]
    run_jobs(T0 + dt.timedelta(minutes=5))
    assert all(len(front.purges) == 2 for front in fronts) and waiting() == 0


def test_a_front_that_is_down_is_retried_alone_with_back_off_until_it_answers(fronts, caplog):
    down, up = fronts
    down.down = True
    with time_machine.travel(T0, tick=False):
        invalidate("role-7")
    with caplog.at_level(logging.WARNING, logger="careers.purge"):
        for seconds in (0, 1.1, 3.2, 7.3):  # retries after 1, 2, 4 s
            run_jobs(T0 + dt.timedelta(seconds=seconds))
        down.down = False
        run_jobs(T0 + dt.timedelta(seconds=15.4))  # the fourth retry, 8 s later
        run_jobs(T0 + dt.timedelta(seconds=17))  # its settle purge
    messages = [record.getMessage() for record in caplog.records]
    assert [m.split("; ")[1] for m in messages if "purge failed" in m] == [
        "retry 1 in 1 s", "retry 2 in 2 s", "retry 3 in 4 s", "retry 4 in 8 s",
    ]  # fmt: skip
    assert f"Front cache purge delivered after 4 retries: {down.url}" in messages
    assert down.purges == [{"role-7"}, {"role-7"}]  # delivered, then settled
    assert up.purges == [{"role-7"}, {"role-7"}]  # never held back by the other front
    assert waiting() == 0


def test_a_front_down_for_longer_than_any_page_lives_there_is_given_up(fronts, caplog):
    down = fronts[0]
    down.down = True
    with time_machine.travel(T0, tick=False):
        invalidate("role-8")
    with caplog.at_level(logging.WARNING, logger="careers.purge"):
        for minute in range(0, 17):
            for second in (0, 30):
                run_jobs(T0 + dt.timedelta(minutes=minute, seconds=second))
    messages = [record.getMessage() for record in caplog.records]
    assert len([m for m in messages if "purge failed" in m]) > 15  # about 15 minutes of it
    assert any(m.startswith("Front cache purge abandoned") for m in messages)
    assert waiting() == 0


def test_a_change_rolled_back_leaves_no_job_and_a_committed_one_its_job(durable, settings):
    settings.FRONT_CACHE_URLS = ["http://127.0.0.1:9"]
    with pytest.raises(RuntimeError), transaction.atomic():
        invalidate("role-1")
        assert waiting() == 1  # the outbox row, in the editor's transaction
        raise RuntimeError("the save failed")
    assert waiting() == 0
    with transaction.atomic():
        invalidate("role-2")
    assert list(DBTaskResult.objects.values_list("args_kwargs", flat=True)) == [
        {"args": [["role-2"]], "kwargs": {}}
    ]


def test_a_job_left_running_is_put_back_by_its_own_slot_or_after_the_lease(durable, settings):
    settings.FRONT_CACHE_URLS = []
    with time_machine.travel(T0, tick=False):
        for keys in (["role-1"], ["role-2"], ["role-3"]):
            purge.enqueue(keys)
        first, second, third = DBTaskResult.objects.order_by("enqueued_at", "pk")
        first.claim("web-1:1")  # its worker was killed: the same slot starts again
        second.claim("web-2:1")  # its host is gone for good
        third.claim("web-1:2")  # still running on a live worker
    with time_machine.travel(T0 + dt.timedelta(seconds=10), tick=False):
        assert recover_own("web-1:1", "default") == 1
        assert recover_expired("default") == 0  # within the lease
    with time_machine.travel(T0 + dt.timedelta(seconds=301), tick=False):
        assert recover_expired("default") == 2
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert [statuses[row.pk] for row in (first, second, third)] == ["READY"] * 3


def test_a_queued_purge_leaves_pages_rendered_after_its_change_in_the_cache(
    durable, settings, client
):
    settings.FRONT_CACHE_URLS = []
    role = make_role()
    url = role.get_absolute_url()
    with time_machine.travel(T0, tick=False):
        invalidate(f"role-{role.pk}")  # committed and queued at T0; the worker is late
    with time_machine.travel(T0 + dt.timedelta(seconds=5), tick=False):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    run_jobs(T0 + dt.timedelta(seconds=10))  # markers as of T0 (+ the clock allowance)
    with time_machine.travel(T0 + dt.timedelta(seconds=11), tick=False):
        assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_marker_never_moves_back():
    from careers.site.pagecache import markers

    later = markers.now_us() + 10_000_000
    markers.write_markers(["role-5"], allowance=0, at=later)
    markers.write_markers(["role-5"], allowance=0, at=later - 5_000_000)  # an older job
    assert not markers.is_fresh(later - 1, ["role-5"])


def test_the_daily_prune_forgets_finished_jobs_and_old_once_keys(durable):
    from careers.site.jobs import mark_done, tasks
    from careers.site.models import JobOnce

    with time_machine.travel(T0 - dt.timedelta(days=40), tick=False):
        purge.enqueue(["role-1"])
        mark_done("periodic:flush-reads:1")
    DBTaskResult.objects.update(status="SUCCESSFUL", finished_at=T0 - dt.timedelta(days=40))
    with time_machine.travel(T0, tick=False):
        purge.enqueue(["role-2"])  # still to run: kept
        mark_done("held-comment-notice:7")
        tasks.prune.call()
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["READY"]
    assert list(JobOnce.objects.values_list("key", flat=True)) == ["held-comment-notice:7"]
