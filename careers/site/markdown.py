"""Markdown that editors write, rendered once on save into an ``*_html`` twin through the one
sanitizing renderer (:func:`careers.markup.render`): templates only ever output those fields.
Every app with Markdown (articles, pages) builds on :class:`MarkdownRenderedModel`."""

from django.db import models

from careers import markup


class MarkdownRenderedModel(models.Model):
    """Renders each field named in ``markdown_fields`` into its ``<name>_html`` twin on save."""

    markdown_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.render_markdown()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and self.markdown_fields:
            kwargs["update_fields"] = set(update_fields) | {
                f"{name}_html" for name in self.markdown_fields if name in update_fields
            }
        super().save(*args, **kwargs)

    def render_markdown(self):
        for name in self.markdown_fields:
            setattr(self, f"{name}_html", markup.render(getattr(self, name)))


def html_field():
    """The rendered twin of a Markdown field: filled on save, never typed."""
    return models.TextField(blank=True, editable=False)


def render_fixture_markdown(sender, instance, raw=False, **kwargs):
    """post_save: ``loaddata`` saves raw rows without calling ``save()``; render their Markdown
    here, so fixtures need (and may carry) only the Markdown sources."""
    if raw and isinstance(instance, MarkdownRenderedModel):
        instance.render_markdown()
        html = {
            f"{name}_html": getattr(instance, f"{name}_html") for name in sender.markdown_fields
        }
        sender._default_manager.filter(pk=instance.pk).update(**html)
