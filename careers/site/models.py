"""The site's own table: keys of job steps that must happen once (see careers.site.jobs).

A periodic job's run for one period (``periodic:clear-comment-ips:20425``) and a mail that went
out (``held-comment-notice:123``) each write one row; the primary key makes the second writer
fail, whichever worker or host it runs on. Old rows are pruned with the finished jobs."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobOnce(models.Model):
    key = models.CharField(_("key"), max_length=200, primary_key=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("job step done")
        verbose_name_plural = _("job steps done")

    def __str__(self):
        return self.key
