"""A change to a salary band, the minimum wage or the payroll rules: the role keeps its latest
figures, and the pages showing them are rendered again (surrogate keys)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from careers.articles import keys as article_keys
from careers.site.pagecache import invalidate

from . import keys
from .models import MinimumWage, PayrollParameters, SalaryBand, refresh_role_salaries


@receiver(post_save, sender=SalaryBand)
@receiver(post_delete, sender=SalaryBand)
def band_changed(sender, instance, **kwargs):
    refresh_role_salaries([instance.role_id])  # the role keeps its latest band's figures
    # cards and lists show the latest salary
    invalidate(article_keys.role(instance.role_id), article_keys.ROLES)


@receiver(post_save, sender=MinimumWage)
@receiver(post_delete, sender=MinimumWage)
def minimum_wage_changed(sender, instance, **kwargs):
    invalidate(keys.MINWAGE)


@receiver(post_save, sender=PayrollParameters)
@receiver(post_delete, sender=PayrollParameters)
def payroll_rules_changed(sender, instance, **kwargs):
    invalidate(keys.PAYROLL)  # every figure converted between net and gross, and the calculator
