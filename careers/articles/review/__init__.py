"""Review before publish: the newsroom's workflow, shaped after Wagtail's (revisions held for
moderation, one-click approval with the diff, "pages awaiting my review") for salary data.

With ``settings.EDITORIAL_REVIEW`` on (production's default), a change an editor saves to a
published article (the role and every row of its screen, salary figures included), publishing
a draft, or a change to a salary band of a published article is not written: the admin keeps
it as a :class:`~careers.articles.models.Revision` (each field's old and new value, as JSON) and
readers, the page cache and the front cache keep the live version. A member of "Yayın kurulu"
other than its author approves it with one click; approval replays it through the same admin
change form an edit goes through (every rule and constraint message), in one transaction, and
the usual invalidation and purge run after the commit. A change sent back carries the
reviewer's comment to its author. An approval stamps the article's reviewer and "son kontrol"
date and may record a public correction.

=================  ===========================================================================
``changes``        a change as data: field values to and from JSON, conflicts, summaries
``workflow``       who may do what, and the decisions (submit, approve, send back, withdraw)
``dashboard``      "awaiting my review": the changes waiting, the articles due for re-review
``digest``         the weekly mail to reviewers (a periodic job)
=================  ===========================================================================

The admin's side (holding a change form's save, the review page, replaying an approval) is
``careers.articles.admin.review`` and ``careers.articles.admin.revisions``.
"""
