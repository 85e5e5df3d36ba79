"""The salaries app takes over its models from the articles app, with every row.

The tables keep their names (``Meta.db_table``): only Django's state moves (articles/0014
removes it there, this migration creates it here), so no row is copied or lost. What points at
a model by its content type follows it: the content types of the three models are renamed to
this app, so the permissions (and the groups holding them), the admin's log entries and
anything else keyed by content type keep pointing at the same rows. Then each role's latest
figures, their basis and the time of their last change are copied onto the role
(articles/0013's fields), as the app keeps them from now on.
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

MOVED = ("salaryband", "historicalsalaryband", "minimumwage")


def move_content_types(apps, schema_editor, source="articles", target="salaries"):
    """Rename the moved models' content types (a new database has none yet: post_migrate
    creates them under this app)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        old = types.filter(app_label=source, model=model).first()
        if old is None:
            continue
        # A twin under the target label exists only if post_migrate ran with the models in
        # both places; it holds nothing but the permissions created with it: the old one,
        # with everything pointing at it, takes its place.
        types.filter(app_label=target, model=model).delete()
        old.app_label = target
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="salaries", target="articles")


def copy_latest_figures(apps, schema_editor):
    Role = apps.get_model("articles", "Role")
    SalaryBand = apps.get_model("salaries", "SalaryBand")
    bands = SalaryBand.objects.filter(role=OuterRef("pk"))

    def latest(field):
        return Subquery(bands.order_by("-year").values(field)[:1])

    Role.objects.using(schema_editor.connection.alias).update(
        salary_year=latest("year"),
        salary_average=latest("average"),
        salary_top=latest("top"),
        salary_pay_basis=Coalesce(latest("pay_basis"), Value("")),
        salary_updated_at=Subquery(bands.order_by("-updated_at").values("updated_at")[:1]),
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0014_salaries_move_to_their_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalSalaryBand',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField(help_text='The year the figures describe.', verbose_name='year')),
                        ('period', models.CharField(choices=[('monthly', 'Monthly')], default='monthly', max_length=10, verbose_name='period')),
                        ('currency', models.CharField(choices=[('TRY', 'Turkish lira')], default='TRY', max_length=3, verbose_name='currency')),
                        ('low', models.DecimalField(blank=True, decimal_places=2, help_text='Optional. Monthly pay at the low end, in TL.', max_digits=12, null=True, verbose_name='lowest')),
                        ('average', models.DecimalField(decimal_places=2, help_text='Average monthly pay, in TL.', max_digits=12, verbose_name='average')),
                        ('top', models.DecimalField(decimal_places=2, help_text='Top-level monthly pay, in TL.', max_digits=12, verbose_name='top')),
                        ('hourly_average', models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty to derive it from the monthly figure (225 working hours a month); a figure you enter is shown as entered.', max_digits=10, null=True, verbose_name='hourly average')),
                        ('hourly_top', models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty to derive it from the monthly top figure.', max_digits=10, null=True, verbose_name='hourly top')),
                        ('pay_basis', models.CharField(choices=[('net', 'net'), ('gross', 'gross'), ('unspecified', 'unspecified')], error_messages={'blank': 'Say whether the figures are net or gross (or unspecified).'}, help_text='Net: what the worker takes home; gross: before tax and social security. Choose “unspecified” only when the source does not say.', max_length=12, verbose_name='net or gross')),
                        ('source', models.CharField(help_text='Where the figures come from, e.g. “Kariyer siteleri ve forumlar”.', max_length=255, verbose_name='source')),
                        ('source_url', models.URLField(blank=True, verbose_name='source address')),
                        ('is_sample', models.BooleanField(default=False, help_text='Tick for illustrative figures: the page then labels them “örnek veri”.', verbose_name='sample data')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('role', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.role', verbose_name='role')),
                    ],
                    options={
                        'verbose_name': 'historical salary band',
                        'verbose_name_plural': 'historical salary bands',
                        'db_table': 'articles_historicalsalaryband',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='MinimumWage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('effective_from', models.DateField(help_text='The first day this minimum wage applies, e.g. 1 January 2026.', verbose_name='in force from')),
                        ('net_monthly', models.DecimalField(decimal_places=2, help_text='What the worker takes home per month, in TL.', max_digits=12, verbose_name='net monthly')),
                        ('gross_monthly', models.DecimalField(decimal_places=2, help_text='Before tax and social security, per month, in TL.', max_digits=12, verbose_name='gross monthly')),
                        ('source', models.CharField(help_text='Where the figures come from, e.g. the Official Gazette or the ministry.', max_length=255, verbose_name='source')),
                    ],
                    options={
                        'verbose_name': 'minimum wage',
                        'verbose_name_plural': 'minimum wages',
                        'db_table': 'articles_minimumwage',
                        'ordering': ['-effective_from'],
                        'constraints': [models.UniqueConstraint(fields=('effective_from',), name='articles_minimumwage_date_unique', violation_error_message='A minimum wage from this date already exists.'), models.CheckConstraint(condition=models.Q(('net_monthly__gt', 0), ('gross_monthly__gt', 0)), name='articles_minimumwage_positive', violation_error_message='Amounts must be greater than zero.'), models.CheckConstraint(condition=models.Q(('net_monthly__lte', models.F('gross_monthly'))), name='articles_minimumwage_net_lte_gross', violation_error_message='The net figure cannot be higher than the gross.')],
                    },
                ),
                migrations.CreateModel(
                    name='SalaryBand',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField(help_text='The year the figures describe.', verbose_name='year')),
                        ('period', models.CharField(choices=[('monthly', 'Monthly')], default='monthly', max_length=10, verbose_name='period')),
                        ('currency', models.CharField(choices=[('TRY', 'Turkish lira')], default='TRY', max_length=3, verbose_name='currency')),
                        ('low', models.DecimalField(blank=True, decimal_places=2, help_text='Optional. Monthly pay at the low end, in TL.', max_digits=12, null=True, verbose_name='lowest')),
                        ('average', models.DecimalField(decimal_places=2, help_text='Average monthly pay, in TL.', max_digits=12, verbose_name='average')),
                        ('top', models.DecimalField(decimal_places=2, help_text='Top-level monthly pay, in TL.', max_digits=12, verbose_name='top')),
                        ('hourly_average', models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty to derive it from the monthly figure (225 working hours a month); a figure you enter is shown as entered.', max_digits=10, null=True, verbose_name='hourly average')),
                        ('hourly_top', models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty to derive it from the monthly top figure.', max_digits=10, null=True, verbose_name='hourly top')),
                        ('pay_basis', models.CharField(choices=[('net', 'net'), ('gross', 'gross'), ('unspecified', 'unspecified')], error_messages={'blank': 'Say whether the figures are net or gross (or unspecified).'}, help_text='Net: what the worker takes home; gross: before tax and social security. Choose “unspecified” only when the source does not say.', max_length=12, verbose_name='net or gross')),
                        ('source', models.CharField(help_text='Where the figures come from, e.g. “Kariyer siteleri ve forumlar”.', max_length=255, verbose_name='source')),
                        ('source_url', models.URLField(blank=True, verbose_name='source address')),
                        ('is_sample', models.BooleanField(default=False, help_text='Tick for illustrative figures: the page then labels them “örnek veri”.', verbose_name='sample data')),
                        ('updated_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='last updated')),
                        ('role', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='salary_bands', to='articles.role', verbose_name='role')),
                    ],
                    options={
                        'verbose_name': 'salary band',
                        'verbose_name_plural': 'salary bands',
                        'db_table': 'articles_salaryband',
                        'ordering': ['role', '-year'],
                        'indexes': [models.Index(fields=['-updated_at'], name='articles_band_updated_idx')],
                        'constraints': [models.UniqueConstraint(fields=('role', 'year'), name='articles_salaryband_one_per_role_year', violation_error_message='This role already has salary figures for this year.'), models.CheckConstraint(condition=models.Q(('average__gt', 0), ('top__gt', 0), models.Q(('low__isnull', True), ('low__gt', 0), _connector='OR'), models.Q(('hourly_average__isnull', True), ('hourly_average__gt', 0), _connector='OR'), models.Q(('hourly_top__isnull', True), ('hourly_top__gt', 0), _connector='OR')), name='articles_salaryband_amounts_positive', violation_error_message='Amounts must be greater than zero.'), models.CheckConstraint(condition=models.Q(('average__lte', models.F('top'))), name='articles_salaryband_average_lte_top', violation_error_message='The average cannot be higher than the top figure.'), models.CheckConstraint(condition=models.Q(('low__isnull', True), ('low__lte', models.F('average')), _connector='OR'), name='articles_salaryband_low_lte_average', violation_error_message='The lowest figure cannot be higher than the average.'), models.CheckConstraint(condition=models.Q(('year__gte', 1990)), name='articles_salaryband_year_plausible', violation_error_message='The year must be 1990 or later.')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.RunPython(copy_latest_figures, migrations.RunPython.noop),
    ]
