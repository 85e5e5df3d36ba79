"""The editorial policy says how articles are reviewed before publication and how corrections
are made public (issue 22): the default text's "Bağımsızlık ve düzeltmeler" section becomes
three sections. A page an editor has changed keeps their words: the new sections are added at
its end, unless it already links the corrections page. A fresh database has the new default
text from 0002 (the defaults file) and is left as it is."""

from django.db import migrations

from careers import markup

OLD_SECTION = """## Bağımsızlık ve düzeltmeler

Makalelerde ücretli içerik ya da reklam bağlantısı yer almaz; bir işveren ya da eğitim kurumu makalede yer almak için ödeme yapamaz. Bir hata fark ederseniz [bize yazın](/iletisim/): doğrulayıp makaleyi düzeltir, güncelleme tarihini yeniler ve önemli düzeltmeleri makalede belirtiriz."""

NEW_SECTIONS = """## Bağımsızlık

Makalelerde ücretli içerik ya da reklam bağlantısı yer almaz; bir işveren ya da eğitim kurumu makalede yer almak için ödeme yapamaz.

## Yazarlar ve kontrol

Her makalenin başlığının altında onu yazan editör, en son kontrol eden editör ve kontrol tarihi yazar ("Son kontrol: 3 Aralık 2026"). Adlarına tıklayarak yazarlarımızın uzmanlık alanlarını ve yazdıkları makaleleri görebilirsiniz.

Yayımlanmış bir makaledeki her değişiklik ve her maaş rakamı güncellemesi, okurlara gösterilmeden önce yayın kurulundan ikinci bir editörün kontrolünden geçer; kimse kendi değişikliğini onaylayamaz. Makaleleri en az yılda bir, maaş rakamları eskidiğinde daha erken yeniden gözden geçiririz ve en çok okunan makalelerden başlarız.

## Düzeltmeler

Bir hata fark ederseniz [bize yazın](/iletisim/): doğrulayıp makaleyi düzeltiriz. Okurların güvenmiş olabileceği bir bilgiyi (örneğin bir maaş rakamını) düzelttiğimizde bunu gizlemeyiz: makalenin sonuna tarihli bir not ekleriz ("Düzeltme, 3 Aralık 2026: …") ve bütün düzeltmeleri [Düzeltmeler](/duzeltmeler/) sayfasında, RSS ve Atom beslemeleriyle birlikte yayımlarız. Anlamı değiştirmeyen yazım düzeltmeleri için not eklemeyiz."""


def explain_review_and_corrections(apps, schema_editor):
    SimplePage = apps.get_model("pages", "SimplePage")
    page = SimplePage.objects.filter(kind="yayin-ilkeleri").first()
    if page is None or "/duzeltmeler/" in page.body:
        return
    if OLD_SECTION in page.body:
        page.body = page.body.replace(OLD_SECTION, NEW_SECTIONS)
    else:
        page.body = page.body.rstrip() + "\n\n" + NEW_SECTIONS.split("\n\n", 2)[2] + "\n"
    page.body_html = markup.render(page.body)
    page.save(update_fields=["body", "body_html"])


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_default_pages")]

    operations = [
        migrations.RunPython(explain_review_and_corrections, migrations.RunPython.noop)
    ]
