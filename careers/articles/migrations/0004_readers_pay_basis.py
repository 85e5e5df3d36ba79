"""Net or gross on every salary band. Bands entered before this say nothing, so they start as
"unspecified"; new bands must say (no default)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_seed_minimum_wage"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalsalaryband",
            name="pay_basis",
            field=models.CharField(
                choices=[("net", "net"), ("gross", "gross"), ("unspecified", "unspecified")],
                default="unspecified",
                error_messages={
                    "blank": "Say whether the figures are net or gross (or unspecified)."
                },
                help_text="Net: what the worker takes home; gross: before tax and social security. Choose “unspecified” only when the source does not say.",
                max_length=12,
                verbose_name="net or gross",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="salaryband",
            name="pay_basis",
            field=models.CharField(
                choices=[("net", "net"), ("gross", "gross"), ("unspecified", "unspecified")],
                default="unspecified",
                error_messages={
                    "blank": "Say whether the figures are net or gross (or unspecified)."
                },
                help_text="Net: what the worker takes home; gross: before tax and social security. Choose “unspecified” only when the source does not say.",
                max_length=12,
                verbose_name="net or gross",
            ),
            preserve_default=False,
        ),
    ]
