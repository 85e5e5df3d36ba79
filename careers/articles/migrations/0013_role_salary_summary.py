"""The role keeps, beside its latest salary figures, their net/gross basis and the time of its
salary figures' last change: lists read them from the role (no subquery per row) and the
article's last change is the later of the two times without reading the salaries' tables.
Filled by migration salaries/0001 and kept by the salaries app from then on."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0012_scale_postgres_initials'),
    ]

    operations = [
        migrations.AddField(
            model_name='role',
            name='salary_pay_basis',
            field=models.CharField(blank=True, default='', editable=False, max_length=12),
        ),
        migrations.AddField(
            model_name='role',
            name='salary_updated_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='role',
            index=models.Index(fields=['-salary_updated_at'], name='articles_role_salary_upd_idx'),
        ),
    ]
