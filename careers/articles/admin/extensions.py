"""How apps built on articles add to the article's editor screen, which articles knows nothing of.

The articles app owns the role admin. An app above it (the salary figures inline, columns,
filters and warnings; the approved comments column) describes what it adds in a
:class:`RoleAdminExtension` and registers it with :func:`extend_role_admin` from its own
``admin.py``. ``RoleAdmin`` reads the registered extensions on each request (``get_inlines``,
``get_list_display``, ``get_list_filter``, ``get_queryset``, ``save_related``, the history
page and the review dashboard), so no screen is unregistered and registered again and the order
of INSTALLED_APPS does not matter.
"""


class RoleAdminExtension:
    """One app's additions to the role admin. Every attribute is optional."""

    #: Inline classes, placed after the inline of the model named here (``"responsibility"``);
    #: None: after the article's own inlines.
    inlines = ()
    inlines_after = None
    #: List columns: callables taking a role (with ``admin.display`` for the header and the
    #: order), placed after the column named here; None: before the last column (the link).
    list_display = ()
    list_display_after = None
    list_filter = ()
    #: ``{model: label}``: rows of these models (a ``role`` foreign key, with history) are shown
    #: on the article's history page; ``label(record)`` is what a row says there.
    history_models = {}

    def annotate(self, queryset):
        """The role list's queryset with what the columns read (one query for the page)."""
        return queryset

    def saved(self, request, role):
        """After the change form saved the role and its inlines (e.g. show warnings)."""

    def due_for_review(self):
        """A ``Q`` on roles that makes a published article due for a re-review on the review
        dashboard (e.g. old salary figures), or None."""
        return None

    def review_reasons(self, role):
        """Why ``role`` is due, in this app's terms (texts), for the dashboard's rows."""
        return []


_extensions = []


def extend_role_admin(extension):
    """Register ``extension`` (an instance; registering its class again does nothing)."""
    if not any(type(known) is type(extension) for known in _extensions):
        _extensions.append(extension)
    return extension


def role_admin_extensions():
    return tuple(_extensions)


def _insert(items, added, after, default):
    """``items`` with ``added`` inserted after the item for which ``after`` is true, or at
    ``default`` (an index) when none is."""
    items = list(items)
    index = next((i + 1 for i, item in enumerate(items) if after(item)), None)
    index = default(items) if index is None else index
    items[index:index] = added
    return items


class ExtensibleRoleAdminMixin:
    """For RoleAdmin: the registered extensions' inlines, columns, filters and hooks."""

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        for ext in role_admin_extensions():
            inlines = _insert(
                inlines,
                ext.inlines,
                lambda inline, ext=ext: inline.model._meta.model_name == ext.inlines_after,
                len,
            )
        return inlines

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        for ext in role_admin_extensions():
            columns = _insert(
                columns,
                ext.list_display,
                lambda column, ext=ext: column == ext.list_display_after,
                lambda items: len(items) - 1,
            )
        return columns

    def get_list_filter(self, request):
        added = [f for ext in role_admin_extensions() for f in ext.list_filter]
        return [*super().get_list_filter(request), *added]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        for ext in role_admin_extensions():
            queryset = ext.annotate(queryset)
        return queryset

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for ext in role_admin_extensions():
            ext.saved(request, form.instance)

    def history_row_models(self):
        """``{model: label or None}``: the article's own rows and the extensions'."""
        rows = dict.fromkeys(self.history_models)
        for ext in role_admin_extensions():
            rows.update(ext.history_models)
        return rows
