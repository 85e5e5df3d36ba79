"""The moderators' side: queue, bulk actions gated on can_moderate, blocklist, KVKK, e-mail
and the IP clean-up command."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.utils import timezone

from careers.comments.models import BlockedWord, Comment

from .factories import make_comment, make_role
from .helpers import text_of

pytestmark = pytest.mark.django_db

QUEUE = "/yonetim/comments/pendingcomment/"
ALL = "/yonetim/comments/comment/"
KVKK = "/yonetim/comments/comment/kvkk/"


def staff(*codenames, username="moderator"):
    user = User.objects.create_user(
        username, f"{username}@example.com", "x-long-test-password", is_staff=True
    )
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


MODERATOR = ("view_comment", "change_comment", "delete_comment", "can_moderate")


@pytest.fixture
def comments():
    role = make_role("Kredi Asistanı")
    return {
        "approved": make_comment(role, body="Onaylı yorum."),
        "pending1": make_comment(role, status="pending", body="Bekleyen bir."),
        "pending2": make_comment(role, status="pending", body="Bekleyen iki."),
        "spam": make_comment(role, status="spam", body="Spam yorum."),
    }


def test_pending_queue_shows_only_held_comments_with_their_count_and_article(client, comments):
    client.force_login(staff(*MODERATOR))
    response = client.get(QUEUE)
    assert response.status_code == 200
    text = text_of(response)
    assert "Onay bekleyen 2 yorum" in text
    assert "Bekleyen bir." in text and "Bekleyen iki." in text
    assert "Onaylı yorum." not in text and "Spam yorum." not in text
    html = response.content.decode()
    assert 'href="/meslekler/kredi-asistani/"' in html
    assert "Seçili yorumları onayla" in html
    assert "Ziyaretçi yorumları" in text_of(client.get("/yonetim/"))
    assert "Onay kuyruğu (2)" in text_of(client.get(ALL))


def test_bulk_approve_publishes_at_once_on_the_cached_page(client, comments):
    role = comments["approved"].role
    assert client.get(role.get_absolute_url())["X-Page-Cache"] == "miss"
    assert "Bekleyen bir." not in text_of(client.get(role.get_absolute_url()))
    admin = client_class_login(staff(*MODERATOR))
    ids = [comments["pending1"].pk, comments["pending2"].pk]
    response = admin.post(QUEUE, {"action": "approve", "_selected_action": ids}, follow=True)
    assert "2 yorum onaylandı." in text_of(response)
    assert set(Comment.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"approved"}
    page = client.get(role.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    assert "3 yorum" in text_of(page) and "Bekleyen bir." in text_of(page)


@pytest.mark.parametrize(("action", "status"), [("mark_spam", "spam"), ("remove", "removed")])
def test_bulk_spam_and_remove_take_comments_off_the_page(client, comments, action, status):
    role = comments["approved"].role
    assert "Onaylı yorum." in text_of(client.get(role.get_absolute_url()))
    admin = client_class_login(staff(*MODERATOR))
    admin.post(ALL, {"action": action, "_selected_action": [comments["approved"].pk]})
    comments["approved"].refresh_from_db()
    assert comments["approved"].status == status
    assert "Onaylı yorum." not in text_of(client.get(role.get_absolute_url()))


def test_without_can_moderate_no_bulk_action_and_status_is_read_only(client, comments):
    client.force_login(staff("view_comment", "change_comment"))
    html = client.get(QUEUE).content.decode()
    assert 'value="approve"' not in html and 'value="mark_spam"' not in html
    pending = comments["pending1"]
    client.post(QUEUE, {"action": "approve", "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == "pending"
    change = client.get(f"{ALL}{pending.pk}/change/").content.decode()
    assert 'name="status"' not in change


def test_moderator_approves_one_comment_in_its_change_form(client, comments):
    role = comments["approved"].role
    client.get(role.get_absolute_url())
    admin = client_class_login(staff(*MODERATOR))
    pending = comments["pending1"]
    response = admin.post(
        f"{ALL}{pending.pk}/change/",
        {"name": pending.name, "email": pending.email, "url": "", "body": pending.body,
         "status": "approved"},
    )  # fmt: skip
    assert response.status_code == 302
    assert "Bekleyen bir." in text_of(client.get(role.get_absolute_url()))


def test_no_one_adds_comments_in_the_admin(client):
    client.force_login(User.objects.create_superuser("root", "root@example.com", "x-long-pw-1"))
    assert client.get(f"{ALL}add/").status_code == 403


def test_blocklist_is_edited_in_the_admin_and_rejects_single_letters(client):
    client.force_login(User.objects.create_superuser("root", "root@example.com", "x-long-pw-1"))
    response = client.post("/yonetim/comments/blockedword/add/", {"word": "a", "action": "hold"})
    assert response.status_code == 200
    assert "En az 2 karakter yazın" in text_of(response)
    response = client.post(
        "/yonetim/comments/blockedword/add/", {"word": " kumar ", "action": "spam"}
    )
    assert response.status_code == 302
    assert BlockedWord.objects.get().word == "kumar"


# --- KVKK -----------------------------------------------------------------------------------
def test_kvkk_export_gives_every_comment_of_an_email_address(client):
    role = make_role("Kredi Asistanı")
    make_comment(role, email="Kisi@Example.com", body="Birinci.", ip_address="192.0.2.1")
    make_comment(role, email="kisi@example.com", body="İkinci.", status="pending")
    make_comment(role, email="baska@example.com", body="Başkası.")
    client.force_login(staff(*MODERATOR))
    assert "Yorumcu verileri (KVKK)" in text_of(client.get(KVKK))
    response = client.post(KVKK, {"email": "KISI@example.com", "export": "1"})
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert [c["comment"] for c in data["comments"]] == ["Birinci.", "İkinci."]
    assert data["comments"][0]["ip_address"] == "192.0.2.1"
    assert data["comments"][0]["article"] == "Kredi Asistanı"


def test_kvkk_erase_asks_first_then_deletes_and_keeps_others_replies(client):
    role = make_role()
    mine = make_comment(role, email="kisi@example.com", body="Benim.")
    my_reply = make_comment(role, email="kisi@example.com", parent=mine, body="Yine ben.")
    theirs = make_comment(role, email="baska@example.com", parent=my_reply, body="Onların.")
    client.force_login(staff(*MODERATOR))
    asked = client.post(KVKK, {"email": "kisi@example.com", "erase": "1"})
    assert "kisi@example.com adresine ait 2 yorum kalıcı olarak silinsin mi?" in text_of(asked)
    assert Comment.objects.count() == 3
    done = client.post(KVKK, {"email": "kisi@example.com", "confirm_erase": "1"}, follow=True)
    assert "2 yorum silindi (kisi@example.com)." in text_of(done)
    assert list(Comment.objects.values_list("body", flat=True)) == ["Onların."]
    theirs.refresh_from_db()
    assert theirs.parent is None
    assert "Onların." in text_of(client.get(role.get_absolute_url()))


def test_kvkk_needs_can_moderate_and_erase_needs_delete(client):
    make_comment(make_role(), email="kisi@example.com")
    client.force_login(staff("view_comment", "change_comment"))
    assert client.get(KVKK).status_code == 403
    other = client_class_login(staff("view_comment", "can_moderate", username="viewer"))
    assert other.get(KVKK).status_code == 200
    response = other.post(KVKK, {"email": "kisi@example.com", "confirm_erase": "1"})
    assert response.status_code == 403
    assert Comment.objects.count() == 1


def test_kvkk_form_checks_the_address(client):
    client.force_login(staff(*MODERATOR))
    response = client.post(KVKK, {"email": "yok", "export": "1"})
    assert response.status_code == 200
    assert "Geçerli bir e-posta adresi yazın" in text_of(response)


def test_clear_comment_ips_command(settings):
    role = make_role()
    old = make_comment(role, ip_address="192.0.2.1", created_at=timezone.now() - timedelta(31))
    new = make_comment(role, ip_address="192.0.2.2", created_at=timezone.now() - timedelta(29))
    out = StringIO()
    call_command("clear_comment_ips", stdout=out)
    assert "30 günden eski 1 yorumun IP adresi silindi." in out.getvalue()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.ip_address is None and new.ip_address == "192.0.2.2"
    settings.COMMENTS_IP_RETENTION_DAYS = 7
    call_command("clear_comment_ips", stdout=StringIO())
    new.refresh_from_db()
    assert new.ip_address is None
    make_comment(role, ip_address="192.0.2.3")
    call_command("clear_comment_ips", "--days", "0", stdout=out)
    assert not Comment.objects.exclude(ip_address=None).exists()


def client_class_login(user):
    from django.test import Client

    other = Client()
    other.force_login(user)
    return other


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("maaş", {"istanbul", "isik"}),  # a word's beginning: "maaşlar", "maaşı"
        ("ISTANBUL", {"istanbul"}),  # İ, I, i: one letter
        ("isik sektoru", {"isik"}),  # without Turkish letters: "ışık sektörü"; both words
        ("Ayşe Yılmaz", {"ayse"}),  # a commenter's name, exactly, as before
        ("kargo", set()),
    ],
)
def test_the_comment_list_searches_the_text_with_turkish_folding(client, typed, found):
    """At a million comments the list searched names, e-mails and addresses only; the text
    now has a full-text index (FTS5 / tsvector: the search app's pattern)."""
    role = make_role("Kredi Asistanı")
    made = {
        "istanbul": make_comment(role, body="Bu maaşlar İstanbul için mi geçerli?"),
        "isik": make_comment(role, status="pending", body="Işık sektörünün maaşı düşük."),
        "ayse": make_comment(role, name="Ayşe Yılmaz", body="Teşekkürler."),
        "other": make_comment(role, status="spam", body="Ucuz kredi burada."),
    }
    client.force_login(staff(*MODERATOR))
    response = client.get(ALL, {"q": typed})
    assert response.status_code == 200
    shown = {key for key, comment in made.items() if comment.body in text_of(response)}
    assert shown == found
    comment = made["isik"]  # an edited text is searched as it is now
    comment.body = "Kargo firmalarında durum farklı."
    comment.save()
    assert "Kargo firmalarında" in text_of(client.get(ALL, {"q": "kargo firma"}))
    comment.delete()
    assert "Kargo firmalarında" not in text_of(client.get(ALL, {"q": "kargo"}))


def test_a_word_in_many_comments_lists_the_newest_and_says_there_are_more(client, monkeypatch):
    from careers.comments import fulltext

    monkeypatch.setattr(fulltext, "MAX_MATCHES", 2)
    role = make_role("Kredi Asistanı")
    for n in range(3):
        make_comment(role, body=f"Maaşlar düşük, {n}. yorum.")
    client.force_login(staff(*MODERATOR))
    text = text_of(client.get(ALL, {"q": "maas"}))
    assert "1. yorum" in text and "2. yorum" in text and "0. yorum" not in text
    assert "Bu kelimeleri içeren 2 yorumdan fazlası var" in text
    assert "fazlası var" not in text_of(client.get(ALL, {"q": "maas 1"}))
