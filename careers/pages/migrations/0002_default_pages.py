"""The three pages exist from the first ``migrate`` on, with a Turkish draft text whose gaps
(the publisher's name, address, e-mail) are marked **[DOLDURULACAK: …]** for the editor: the
site never presents made-up legal details as real."""

from pathlib import Path

from django.db import migrations

from careers import markup

DEFAULTS = Path(__file__).resolve().parent.parent / "defaults"

PAGES = [
    (
        "kvkk",
        "KVKK Aydınlatma Metni",
        "Yorum yazdığınızda hangi kişisel verilerinizi neden ve ne kadar süreyle işlediğimiz, "
        "haklarınız ve nasıl kullanacağınız.",
    ),
    (
        "iletisim",
        "İletişim ve Künye",
        "Meslek Rehberi'nin künyesi: içerik sağlayıcı, sorumlu editör ve bize nasıl ulaşırsınız.",
    ),
    (
        "yayin-ilkeleri",
        "Hakkımızda ve Yayın İlkeleri",
        "Meslek Rehberi'ni kimin yazdığı, makaleleri ve maaş rakamlarını nasıl hazırladığımız, "
        "düzeltmeler ve yorumlar.",
    ),
    (
        "maas-metodolojisi",
        "Maaş rakamları nasıl derleniyor?",
        "Maaş rakamlarının kaynakları, net ve brüt ayrımı, örnek veri, asgari ücret tablosu ve "
        "rakamları ne sıklıkla gözden geçirdiğimiz.",
    ),
]


def create_pages(apps, schema_editor):
    SimplePage = apps.get_model("pages", "SimplePage")
    for kind, title, summary in PAGES:
        body = (DEFAULTS / f"{kind}.md").read_text(encoding="utf-8")
        SimplePage.objects.get_or_create(
            kind=kind,
            defaults={
                "title": title,
                "summary": summary,
                "body": body,
                "body_html": markup.render(body),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
