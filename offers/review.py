"""Publishing with review: what happens to an offer when someone publishes, submits, approves, sends back or
copies it in the back office. Each step keeps a revision (offers.history).

With ``settings.PORTAL_REVIEW_PLACE_EDITS`` on, a place editor (anyone but portal staff, portal.access) cannot
publish: publishing becomes "submit for approval" (status ``review``, "til godkendelse"), and portal staff
approve (published) or send it back with a comment (draft). A place editor who changes an offer that is
already published sends it for approval again: it leaves the catalogue until staff approve the change (the
simple rule: the catalogue never shows text that staff have not seen). With the setting off, a place
editor's offer goes live at once, as portal staff's does.
"""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from offers.history import OfferRevision, difference, published_state, record, state_of
from offers.models import Offer
from portal import access
from portal.text import danish_slugify

Status = Offer.Status
Action = OfferRevision.Action


def needs_review(user) -> bool:
    """True when what `user` publishes waits for portal staff."""
    return settings.PORTAL_REVIEW_PLACE_EDITS and not access.sees_everything(user)


def statuses_for(user, current: str | None) -> list[str]:
    """The statuses `user` may choose in an offer's form: with review, "awaiting approval" instead of
    "published" (which stays on the list for an offer that is published now)."""
    if not needs_review(user):
        return [Status.DRAFT, Status.PUBLISHED, Status.ARCHIVED] + (
            [Status.REVIEW] if current == Status.REVIEW else []
        )
    return [Status.DRAFT, Status.REVIEW, Status.ARCHIVED] + (
        [Status.PUBLISHED] if current == Status.PUBLISHED else []
    )


def settle(user, offer: Offer, before: dict | None) -> OfferRevision | None:
    """After a form saved `offer` and its relations (in one transaction): under review, a publication by a
    place editor, or their change of a published offer, waits for approval instead; keep the revision."""
    after = state_of(offer)
    was_published = before is not None and before.get("status") == Status.PUBLISHED
    changed = set(difference(before or {}, after)) - {"status"}
    if offer.status == Status.PUBLISHED and needs_review(user) and (not was_published or changed):
        offer.status = Status.REVIEW
        offer.save(update_fields=["status", "updated"])
    if offer.status == Status.REVIEW and (before or {}).get("status") != Status.REVIEW:
        action = Action.SUBMITTED
    else:
        action = Action.CHANGED if before is not None else Action.CREATED
    return record(offer, user, action, before)


def set_status(user, offers, status: str) -> int:
    """Give `offers` (already scoped to what `user` manages) `status`, through review where it applies;
    returns how many changed."""
    if status == Status.PUBLISHED and needs_review(user):
        status = Status.REVIEW
    count = 0
    for offer in offers.exclude(status=status):
        if status == Status.REVIEW and offer.status != Status.DRAFT:
            continue  # only drafts are submitted; a published or archived offer is changed in its form
        before = state_of(offer)
        offer.status = status
        offer.save(update_fields=["status", "updated"])
        record(offer, user, Action.SUBMITTED if status == Status.REVIEW else Action.CHANGED, before)
        count += 1
    return count


def approve(user, offer: Offer, comment: str = "") -> bool:
    """Portal staff publish an offer waiting for approval; False when it no longer waits."""
    return _decide(user, offer, Status.PUBLISHED, Action.APPROVED, comment)


def send_back(user, offer: Offer, comment: str) -> bool:
    """Portal staff return an offer waiting for approval to its editors as a draft, saying why."""
    return _decide(user, offer, Status.DRAFT, Action.RETURNED, comment)


def _decide(user, offer: Offer, status: str, action: str, comment: str) -> bool:
    with transaction.atomic():
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
        if offer.status != Status.REVIEW:
            return False
        before = state_of(offer)
        offer.status = status
        offer.save(update_fields=["status", "updated"])
        record(offer, user, action, before, comment)
    return True


def pending_changes(offer: Offer) -> dict:
    """What an offer waiting for approval changes in its last published version ({} of that version when
    it was never published): {field: [published, now]}, without the status."""
    changes = difference(published_state(offer) or {}, state_of(offer))
    changes.pop("status", None)
    return changes


def sent_back_comment(offer: Offer) -> str:
    """The comment with which portal staff last sent `offer` back, while it is still a draft since."""
    if offer.status != Status.DRAFT:
        return ""
    latest = offer.revisions.exclude(action=Action.RECORDED).first()
    return latest.comment if latest is not None and latest.action == Action.RETURNED else ""


def unused_key(title: str) -> str:
    """A key (and slug) for a new offer called `title` that no offer has as key or slug."""
    from offers.models import unique_key

    base = danish_slugify(title, max_length=190) or "tilbud"
    taken = set()
    for key, slug in Offer.objects.filter(key__startswith=base).values_list("key", "slug"):
        taken |= {key, slug}
    taken |= set(Offer.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    return unique_key(base, taken)


def copy_offer(user, offer: Offer) -> Offer:
    """A draft copy of `offer` (its text, vocabularies and practical details; not its dates), with a new key
    and slug, that `user` goes on to edit."""
    original = Offer.objects.get(pk=offer.pk)
    copy = Offer.objects.get(pk=offer.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.title = (_("Copy of %(title)s") % {"title": original.title})[
        : Offer._meta.get_field("title").max_length
    ]
    copy.key = copy.slug = unused_key(f"{original.key}-kopi")
    copy.status = Status.DRAFT
    with transaction.atomic():
        copy.save()
        for name in ("subjects", "grades", "sdgs"):
            getattr(copy, name).set(getattr(original, name).all())
        comment = _("Copy of “%(title)s” (%(key)s).") % {"title": original.title, "key": original.key}
        record(copy, user, Action.CREATED, comment=comment)
    return copy
