"""Who may see what the public may not: drafts and scheduled articles at their real address."""


def can_preview(user):
    """Whether ``user`` may see drafts and scheduled articles at their real address."""
    return user.is_active and user.is_staff and user.has_perm("articles.change_role")
