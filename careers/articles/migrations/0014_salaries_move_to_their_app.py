"""Salary bands (with their history) and the minimum wage now belong to the salaries app:
their state leaves this app here and is created there (salaries/0001). The database is not
touched: the tables keep their names and every row (``Meta.db_table``)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0013_role_salary_summary'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='HistoricalSalaryBand'),
                migrations.DeleteModel(name='SalaryBand'),
                migrations.DeleteModel(name='MinimumWage'),
            ],
            database_operations=[],
        ),
    ]
