"""The comment rules as plain functions: cleaning, rendering, moderation, tokens, threads."""

import time
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from careers.articles.models import Role
from careers.comments import conf, moderation, text, tokens
from careers.comments.models import BlockedWord, Comment, approved_comment_count
from careers.comments.threads import build_threads

from .factories import make_comment, make_role

HOLD, SPAM = "hold", "spam"


def decide(body="Güzel yazı.", *, words=(), history=False, name="Ayşe", email="a@example.com",
           url="", ip="192.0.2.1", max_links=2):  # fmt: skip
    return moderation.decide(
        name=name, email=email, url=url, body=body, ip=ip, blocked_words=list(words),
        previously_approved=history, max_links=max_links,
    )  # fmt: skip


# --- moderation -----------------------------------------------------------------------------
def test_new_commenter_is_held():
    decision = decide()
    assert decision.status == "pending" and decision.held
    assert decision.reason == "Yeni yorumcu"


def test_commenter_with_approved_history_is_approved():
    decision = decide(history=True)
    assert decision.status == "approved" and not decision.held


def test_two_links_pass_three_links_are_held_even_for_known_commenters():
    two = "bkz. https://a.example/x ve http://b.example."
    three = two + " Bir de https://c.example/"
    assert decide(two, history=True).status == "approved"
    held = decide(three, history=True)
    assert held.status == "pending"
    assert held.reason == "3 bağlantı (en fazla 2)"


def test_hold_word_holds_anywhere_in_any_case_the_turkish_way():
    words = [("kumar", HOLD)]
    assert decide("Bu bir KUMARHANE reklamı", words=words, history=True).status == "pending"
    assert decide("ｋｕｍａｒ", words=words, history=True).status == "pending"  # fullwidth
    assert decide("Temiz", name="Kumarbaz", words=words, history=True).status == "pending"
    assert decide("Temiz", url="https://kumar.example", words=words, history=True).held
    assert decide("Temiz", words=words, history=True).status == "approved"
    # Turkish case: “IŞIK” is “ışık”, not “isik”
    assert decide("IŞIK", words=[("ışık", HOLD)], history=True).held
    assert not decide("ISIK", words=[("ışık", HOLD)], history=True).held


def test_spam_word_and_ip_prefix_mark_spam_before_anything_else():
    assert decide("viagra", words=[("Viagra", SPAM)], history=True).status == "spam"
    assert decide("Merhaba", ip="203.0.113.9", words=[("203.0.113.", SPAM)]).status == "spam"
    assert decide("Merhaba", email="x@spam.example", words=[("spam.example", SPAM)]).status == (
        "spam"
    )


@pytest.mark.django_db
def test_approved_history_needs_the_same_name_and_email():
    role = make_role()
    make_comment(role, name="IŞIL Kaya", email="Isil@Example.com")
    make_comment(role, name="Ahmet", email="ahmet@example.com", status="pending")
    assert moderation.has_approved_history("ışıl kaya", "isil@example.com")
    assert not moderation.has_approved_history("Başka Biri", "isil@example.com")
    assert not moderation.has_approved_history("IŞIL Kaya", "baska@example.com")
    assert not moderation.has_approved_history("Ahmet", "ahmet@example.com")  # only pending


@pytest.mark.django_db
def test_moderate_reads_the_blocklist_from_the_admin_table():
    BlockedWord.objects.create(word="bahis", action=HOLD)
    decision = moderation.moderate(name="A", email="a@example.com", url="",
                                   body="Canlı BAHİS siteleri", ip="192.0.2.1")  # fmt: skip
    assert decision.status == "pending" and decision.reason == "Bekletilen kelime: bahis"


def test_blocked_word_needs_two_characters():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        BlockedWord(word=" a ", action=HOLD).clean()


# --- duplicates and flood -------------------------------------------------------------------
@pytest.mark.django_db
def test_duplicate_is_same_place_same_author_same_text():
    role, other = make_role(), make_role()
    make_comment(role, name="Ayşe", email="ayse@example.com", body="Harika  yazı.\n")
    assert moderation.is_duplicate(role, None, "Ayşe", "AYSE@example.com", "Harika yazı.")
    assert moderation.is_duplicate(role, None, "Ayşe", "baska@example.com", "Harika  yazı.\n")
    assert not moderation.is_duplicate(role, None, "Ayşe", "ayse@example.com", "Başka yazı.")
    assert not moderation.is_duplicate(other, None, "Ayşe", "ayse@example.com", "Harika yazı.")


@pytest.mark.django_db
def test_flood_is_per_ip_and_per_email_for_15_seconds():
    role = make_role()
    make_comment(role, email="hizli@example.com", ip_address="192.0.2.7")
    assert moderation.is_flooding("192.0.2.7", "baska@example.com")
    assert moderation.is_flooding("192.0.2.8", "HIZLI@example.com")
    assert not moderation.is_flooding("192.0.2.8", "yavas@example.com")
    later = timezone.now() + timedelta(seconds=16)
    # the atomic cache claim made just above still holds for 15 s ...
    assert moderation.is_flooding("192.0.2.8", "yavas@example.com", now=later)
    # ... but the database alone no longer sees a recent comment from 192.0.2.7
    from django.core.cache import cache

    cache.clear()
    assert not moderation.is_flooding("192.0.2.7", "baska@example.com", now=later)


# --- closing --------------------------------------------------------------------------------
@pytest.mark.django_db
def test_comments_close_per_role_and_after_n_days(settings):
    role = make_role(published_at=timezone.now() - timedelta(days=40))
    assert moderation.comments_open(role)  # off by default
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    assert not moderation.comments_open(role)
    assert moderation.closes_at(role) == role.published_at + timedelta(days=30)
    settings.COMMENTS_CLOSE_AFTER_DAYS = 60
    assert moderation.comments_open(role)
    role.comments_open = False
    assert not moderation.comments_open(role)


# --- text -----------------------------------------------------------------------------------
def test_control_characters_are_stripped_line_breaks_kept():
    raw = "Mer\x00ha\x07ba\u202e\r\nikinci\tsatır\x1b[31m\u200d"
    assert text.strip_controls(raw, multiline=True) == "Merhaba\nikinci\tsatır[31m\u200d"
    assert text.strip_controls("Ad\nSoyad\t", multiline=False) == "AdSoyad"


def test_render_escapes_keeps_paragraphs_and_links_http_only():
    html = text.render(
        "<script>alert(1)</script>\nikinci satır\n\nbkz. https://ornek.com/a?b=1&c=2. "
        'javascript:alert(1) "tırnak"'
    )
    assert html.startswith("<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>\nikinci satır</p>")
    assert (
        '<a href="https://ornek.com/a?b=1&amp;c=2" rel="external nofollow ugc">'
        "https://ornek.com/a?b=1&amp;c=2</a>." in html
    )
    assert "javascript:alert(1) &quot;tırnak&quot;</p>" in html
    assert html.count("<p>") == 2


def test_link_count_matches_what_is_linked():
    body = "https://a.example (https://b.example/x_(y)) ftp://c.example www.d.example http://"
    assert text.count_links(body) == 2
    assert text.render(body).count("<a ") == 2


def test_fingerprint_ignores_email_case_and_whitespace_only():
    a = text.fingerprint(1, None, "A@Example.com", "Merhaba  dünya\n")
    assert a == text.fingerprint(1, None, "a@example.com", "Merhaba dünya")
    assert a != text.fingerprint(1, 5, "a@example.com", "Merhaba dünya")
    assert a != text.fingerprint(1, None, "a@example.com", "merhaba dünya")


# --- tokens ---------------------------------------------------------------------------------
def test_form_token_rules(settings):
    now = time.time()
    token = tokens.issue(7, now - 10)
    tokens.check(token, 7, now)  # genuine, 10 s old: fine
    for bad, code in [
        ("", "missing"),
        (token + "x", "invalid"),
        (token.replace("7:", "8:", 1), "invalid"),
        (tokens.issue(8, now - 10), "invalid"),  # another article's form
        (tokens.issue(7, now - 1), "too_fast"),
        (tokens.issue(7, now - conf.get("COMMENTS_FORM_MAX_AGE") - 1), "expired"),
    ]:
        with pytest.raises(tokens.TokenError) as error:
            tokens.check(bad, 7, now)
        assert error.value.code == code


def test_held_notice_is_signed():
    assert tokens.unsign_held(tokens.sign_held(42)) == 42
    assert tokens.unsign_held("42") is None
    assert tokens.unsign_held(tokens.sign_held(42)[:-1] + "x") is None


# --- client IP ------------------------------------------------------------------------------
def test_client_ip_direct_and_behind_trusted_proxy(settings):
    rf = RequestFactory()
    request = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
    assert moderation.client_ip(request) == "10.0.0.1"  # XFF ignored: no proxy configured
    settings.TRUSTED_PROXIES = 1
    assert moderation.client_ip(request) == "198.51.100.4"  # the client cannot forge this one
    assert moderation.client_ip(rf.post("/", REMOTE_ADDR="bozuk")) is None


def test_one_trusted_proxies_setting_gives_every_part_of_the_site_the_same_address(settings):
    from django.utils.module_loading import import_string

    from careers.search import throttle

    settings.TRUSTED_PROXIES = 1
    settings.SEARCH_FRESH_PER_MINUTE = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    axes_ip = import_string(settings.AXES_CLIENT_IP_CALLABLE)  # admin sign-in lockouts
    assert axes_ip(request) == moderation.client_ip(request) == "203.0.113.9"
    throttle.spend(request)  # the search budget counts the visitor behind the proxy...
    other = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.10")
    throttle.spend(other)  # ...so another visitor behind the same proxy has a budget of its own
    with pytest.raises(throttle.Throttled):
        throttle.spend(request)


# --- threads --------------------------------------------------------------------------------
@pytest.mark.django_db
def test_threads_nest_at_least_three_levels_and_promote_orphans():
    role = make_role()
    a = make_comment(role)
    b = make_comment(role, parent=a)
    c = make_comment(role, parent=b)
    d = make_comment(role, parent=c)
    removed = make_comment(role, status="removed")
    orphan = make_comment(role, parent=removed)
    e = make_comment(role)
    oldest_first = Comment.objects.approved().filter(role=role).order_by("created_at", "pk")
    roots = build_threads(list(oldest_first), max_depth=3)
    assert [n.comment for n in roots] == [a, orphan, e]
    level3 = roots[0].children[0].children[0]
    assert level3.comment == c and level3.level == 3 and not level3.can_reply
    assert level3.children[0].comment == d and level3.children[0].level == 4
    assert roots[0].can_reply and roots[0].children[0].can_reply


@pytest.mark.django_db
def test_reply_below_the_deepest_level_becomes_a_sibling(settings):
    settings.COMMENTS_THREAD_DEPTH = 3
    role = make_role()
    a = make_comment(role)
    b = make_comment(role, parent=a)
    c = make_comment(role, parent=b)
    assert moderation.thread_level(c) == 3
    assert moderation.reply_parent(b) == b
    assert moderation.reply_parent(c) == b


@pytest.mark.django_db
def test_approved_comment_count_per_role_for_the_role_admin(django_assert_num_queries):
    role, quiet = make_role("Sesli"), make_role("Sessiz")
    make_comment(role)
    make_comment(role)
    make_comment(role, status="pending")
    make_comment(role, status="spam")
    with django_assert_num_queries(1):
        roles = Role.objects.annotate(approved_comment_count=approved_comment_count())
        counts = {r.title: r.approved_comment_count for r in roles}
    assert counts == {"Sesli": 2, "Sessiz": 0}
    assert quiet.comments.count() == 0
