"""The site as it is used, for ``make bench-mixed`` (bench/mixed.py runs this headless):
readers, commenters and editors at once, through the front cache of a stack.

* :class:`Reader` (weight 95): articles drawn by Zipf over every role, the lists (home, A–Z,
  salaries, sectors, skills) and searches (Zipf over words of the titles);
* :class:`Commenter` (weight 4): reads an article, writes for a while, posts the real form
  (its signed time token, the honeypot left empty) and follows the redirect;
* :class:`Editor` (weight 1): signed in to the admin, saves a salary band every few seconds,
  which a reviewer approves at once (review before publish is on in production settings; the
  approval publishes it: a soft purge of the article, the pages linking it and the lists).

Every visitor has an address of its own in ``X-Forwarded-For`` (the stack trusts one proxy,
the front: TRUSTED_PROXIES=1), so flood control, the search budget and the sign-in throttle see
each person as production would; a commenter answered 429 by flood control is counted apart
(designed), never as a failure. What each request was is in its name ("reader: article");
:mod:`mixed` reads the per-class latencies, failures and the front's answers (X-Cache) that
this file writes to ``MIXED_OUT`` when the run ends.
"""

import itertools
import json
import os
import random
import re
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from locust import HttpUser, between, events, task
from locust.clients import HttpSession

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.stack.http

PLAN = json.loads(Path(os.environ["MIXED_PLAN"]).read_text(encoding="utf-8"))
RUN = os.urandom(3).hex()  # each run's commenters are new people (no duplicate of an earlier run)
ZIPF_S = 1.0
_addresses = itertools.count(1)
_random = random.Random(int(os.environ.get("MIXED_SEED", "20")))


def zipf(items):
    """A chooser drawing ``items`` by Zipf's law over a fixed shuffled order (the most read
    role is not always the first in the alphabet)."""
    order = list(items)
    _random.shuffle(order)
    weights = list(itertools.accumulate(1 / (rank**ZIPF_S) for rank in range(1, len(order) + 1)))
    return lambda: random.choices(order, cum_weights=weights)[0]  # noqa: S311


ARTICLE = zipf(PLAN["roles"])
WORD = zipf(PLAN["words"])
LISTS = [
    "/",
    "/meslekler/",
    *(f"/meslekler/?harf={letter}" for letter in PLAN["letters"]),
    "/maaslar/",
    *(f"/sektorler/{slug}/" for slug in PLAN["sectors"]),
    "/beceriler/",
    *(f"/beceriler/{slug}/" for slug in PLAN["skills"]),
]


def visitor_address():
    """A distinct documentation-range-like address per visitor (10.x.y.z)."""
    n = next(_addresses)
    return f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"


class Visitor(HttpUser):
    abstract = True

    def on_start(self):
        self.client.headers["X-Forwarded-For"] = visitor_address()
        self.client.headers["Accept-Encoding"] = "gzip"


class Reader(Visitor):
    weight = 95
    wait_time = between(0.2, 1.0)

    @task(14)
    def article(self):
        self.client.get(f"/meslekler/{ARTICLE()}/", name="reader: article")

    @task(4)
    def a_list(self):
        self.client.get(random.choice(LISTS), name="reader: list")  # noqa: S311

    @task(2)
    def search(self):
        self.client.get(f"/ara/?q={WORD()}", name="reader: search")


TOKEN = re.compile(r'name="zaman" value="([^"]+)"')


class Commenter(Visitor):
    weight = 4
    wait_time = between(20, 40)  # reading, then writing: longer than flood control's 15 s

    @task
    def comment(self):
        slug = ARTICLE()
        page = self.client.get(f"/meslekler/{slug}/", name="commenter: article")
        found = TOKEN.search(page.text or "")
        if not found:
            return
        time.sleep(3.2)  # a person takes longer than COMMENTS_MIN_FILL_SECONDS (gevent sleeps)
        n = next(_addresses)
        fields = {
            "name": f"Okur {RUN} {n}", "email": f"okur-{RUN}-{n}@example.org", "url": "",
            "comment": f"Yük testi yorumu {RUN} {n}: bu meslek hakkında bir soru.",
            "zaman": found.group(1), "parent": "", "kontrol": "",
        }  # fmt: skip
        with self.client.post(
            f"/yorumlar/{slug}/gonder/", data=fields, name="commenter: post",
            allow_redirects=False, catch_response=True,
        ) as answer:  # fmt: skip
            if answer.status_code == 429:
                answer.success()  # flood control, as designed: counted apart
                return
            if answer.status_code != 302:
                answer.failure(f"status {answer.status_code}")
                return
            location = answer.headers["Location"]
        self.client.get(location, name="commenter: after posting")


class Editor(Visitor):
    """An editor saving bands, and the reviewer of "Yayın kurulu" approving each save at once
    (the stack runs production settings: EDITORIAL_REVIEW is on, a save is held for review
    and only the approval publishes it and purges). Both sessions count as the editor class."""

    weight = 1
    wait_time = between(5, 10)

    def on_start(self):
        super().on_start()
        self.reviewer = HttpSession(
            base_url=self.host, request_event=self.environment.events.request, user=self
        )
        self.reviewer.headers.update(self.client.headers)
        sign_in(self.client, PLAN["editor"], PLAN["password"])
        sign_in(self.reviewer, PLAN["reviewer"], PLAN["password"])

    @task
    def save_band(self):
        pk = random.choice(PLAN["bands"])  # noqa: S311
        path = f"/yonetim/salaries/salaryband/{pk}/change/"
        page = keep(
            self.client, self.client.get(path, name="editor: band form", allow_redirects=False)
        )
        if page.status_code != 200:
            RESULTS["failures"]["editor"] += 1
            RESULTS["errors"][f"editor: band form answered {page.status_code}"] += 1
            return
        fields = dict(form_fields(page.text, "salaryband_form"))
        average, top = amount(fields.get("average")), amount(fields.get("top"))
        low = amount(fields.get("low")) or Decimal(1)
        if average is None:
            return
        new = average + 1 if top is None or average + 1 <= top else average - 1
        fields["average"] = str(max(new, low))
        data = [(k, v) for k, v in form_fields(page.text, "salaryband_form") if k != "average"]
        data += [("average", fields["average"]), ("_save", "Kaydet")]
        with self.client.post(
            path, data=data, name="editor: save band", allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"status {answer.status_code}: the save was refused")
                return
            held = answer.headers["Location"]
        if "/articles/revision/" in held:  # held for review: the reviewer approves it
            self.approve(held)

    def approve(self, revision_path):
        page = keep(self.reviewer, self.reviewer.get(revision_path, name="editor: review page"))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        with self.reviewer.post(
            revision_path.replace("/change/", "/onayla/"),
            data={"csrfmiddlewaretoken": token.group(1) if token else ""},
            name="editor: approve", allow_redirects=False, catch_response=True,
        ) as answer:  # fmt: skip
            if answer.status_code != 302:
                answer.failure(f"status {answer.status_code}: the approval was refused")


def keep(session, response):
    """The stack runs production settings on plain HTTP: its cookies are marked Secure, which
    a client sends only over HTTPS. Kept here by hand, as the stack tests do."""
    for cookie in response.cookies:
        session.cookies.set(cookie.name, cookie.value)
    return response


def sign_in(session, username, password):
    page = keep(session, session.get("/yonetim/login/", name="editor: sign in"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    keep(session, session.post(
        "/yonetim/login/",
        data={"username": username, "password": password,
              "csrfmiddlewaretoken": token, "next": "/yonetim/"},
        name="editor: sign in", allow_redirects=False,
    ))  # fmt: skip


def amount(text):
    """``"45.000"``, ``"45.000,50"`` or ``"45000"`` as shown in the admin's amount boxes."""
    if not text:
        return None
    return Decimal(text.replace(".", "").replace(",", "."))


def form_fields(html, form_id):
    """The fields of ``<form id=form_id>`` as a browser submits them (inputs, selects,
    textareas): the stack tests' parser."""
    from tests.stack.http import form_fields as parse  # noqa: PLC0415

    return parse(html, form_id)


# --- what mixed.py reads --------------------------------------------------------------------
RESULTS = {"times": defaultdict(list), "failures": defaultdict(int), "flood": 0,
           "front": defaultdict(int), "errors": defaultdict(int)}  # fmt: skip


@events.request.add_listener
def record(name, response_time, response=None, exception=None, **_kwargs):
    kind = name.split(":")[0]
    RESULTS["times"][kind].append(response_time)
    if exception is not None:
        RESULTS["failures"][kind] += 1
        RESULTS["errors"][f"{name}: {exception}"[:200]] += 1
    if response is None:
        return
    if name == "commenter: post" and response.status_code == 429:
        RESULTS["flood"] += 1
    if name == "reader: article":
        RESULTS["front"][response.headers.get("X-Cache", "none")] += 1


@events.quitting.add_listener
def write_results(**_kwargs):
    out = os.environ.get("MIXED_OUT")
    if out:
        Path(out).write_text(json.dumps(RESULTS), encoding="utf-8")
