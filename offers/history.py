"""An offer's change history: every change made in the back office (who, when, which fields from what to
what), kept as `OfferRevision` rows with the offer's state after the change.

The admin records a revision for each saved form, action and review decision (`record`), an import one for
each offer it creates or changes (`record_import`); the offer's history page shows them beside Django's own
log. The state of the last published version (`published_state`) is what
portal staff compare a change waiting for approval with (offers.review).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The fields a revision keeps: what a teacher sees and what identifies the offer. The facet and search
# columns follow from these (database triggers), the timestamps from the revision itself.
TRACKED_FIELDS = (
    "title",
    "provider",
    "status",
    "summary",
    "description",
    "subjects",
    "grades",
    "sdgs",
    "themes",
    "languages",
    "format",
    "price_dkk",
    "duration_minutes",
    "max_participants",
    "available_from",
    "available_to",
    "booking_url",
    "booking_email",
    "key",
    "slug",
)


class OfferRevision(models.Model):
    """One change of an offer: `changes` maps each changed field to [before, after]; `state` is every
    tracked field after the change (names for related records, so a revision reads the same after they are
    renamed or deleted)."""

    class Action(models.TextChoices):
        RECORDED = "recorded", _("State when the history began")
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Sent back")

    offer = models.ForeignKey(
        "offers.Offer", on_delete=models.CASCADE, related_name="revisions", verbose_name=_("offer")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    created = models.DateTimeField(_("time"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    state = models.JSONField(_("state after the change"), default=dict)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("offer revision")
        verbose_name_plural = _("offer revisions")
        indexes = [models.Index(fields=["offer", "-created"], name="offer_revision_offer_created")]

    def __str__(self) -> str:
        return f"{self.offer_id}: {self.get_action_display()} {self.created:%Y-%m-%d %H:%M}"

    def changed_fields(self) -> list["FieldChange"]:
        return describe(self.changes)


def state_of(offer) -> dict:
    """The tracked fields of `offer` as JSON values (related records by name, sorted)."""
    state = {}
    for name in TRACKED_FIELDS:
        field = offer._meta.get_field(name)
        if field.many_to_many:
            state[name] = sorted(str(related) for related in getattr(offer, name).all())
        elif field.is_relation:
            state[name] = str(getattr(offer, name)) if getattr(offer, field.attname) else None
        else:
            value = field.value_from_object(offer)
            state[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return state


def difference(before: dict, after: dict) -> dict:
    """{field: [before, after]} for the tracked fields whose values differ."""
    return {
        name: [before.get(name), after.get(name)]
        for name in TRACKED_FIELDS
        if _blank(before.get(name)) != _blank(after.get(name))
    }


def _blank(value):
    return None if value in ("", [], None) else value


def record(offer, user, action: str, before: dict | None = None, comment: str = "") -> OfferRevision | None:
    """Keep a revision of `offer` as it is now, after `user` did `action` to it; `before` is its state
    before (None for a new offer). A change that changed nothing and has no comment keeps nothing. The first
    revision of an offer that existed before the history began is preceded by that earlier state."""
    after = state_of(offer)
    changes = difference(before or {}, after)
    if not changes and not comment and action == OfferRevision.Action.CHANGED:
        return None
    if before is not None and not offer.revisions.exists():
        OfferRevision.objects.create(offer=offer, action=OfferRevision.Action.RECORDED, state=before)
    user = user if user is not None and user.is_authenticated else None
    return OfferRevision.objects.create(
        offer=offer, user=user, action=action, changes=changes, state=after, comment=comment
    )


def states(offers) -> dict[str, dict]:
    """{key: state} of the offers of the QuerySet `offers`, in a constant number of queries."""
    loaded = offers.select_related("provider").prefetch_related("subjects", "grades", "sdgs")
    return {offer.key: state_of(offer) for offer in loaded.defer("search_vector")}


def record_import(before: dict[str, dict], after: dict[str, dict], comment: str) -> int:
    """Keep a revision (by nobody: an import) of each offer whose state differs between `before` and `after`
    ({key: state}, from `states`); returns how many."""
    from offers.models import Offer

    ids = dict(Offer.objects.filter(key__in=list(after)).values_list("key", "pk"))
    with_history = set(
        OfferRevision.objects.filter(offer_id__in=ids.values()).values_list("offer_id", flat=True).distinct()
    )
    revisions = []
    for key, state in after.items():
        old = before.get(key)
        changes = difference(old or {}, state)
        if not changes:
            continue
        if old is not None and ids[key] not in with_history:
            revisions.append(
                OfferRevision(offer_id=ids[key], action=OfferRevision.Action.RECORDED, state=old)
            )
        action = OfferRevision.Action.CREATED if old is None else OfferRevision.Action.CHANGED
        revisions.append(
            OfferRevision(offer_id=ids[key], action=action, changes=changes, state=state, comment=comment)
        )
    OfferRevision.objects.bulk_create(revisions, batch_size=1000)
    return sum(revision.action != OfferRevision.Action.RECORDED for revision in revisions)


def published_state(offer) -> dict | None:
    """The tracked fields of the offer's last published version, or None when it was never published
    (as far as its history goes)."""
    for state in offer.revisions.values_list("state", flat=True):
        if state.get("status") == "published":
            return state
    return None


class FieldChange:
    """A changed field as people read it: its label, and the values before and after as text."""

    def __init__(self, name: str, before, after):
        from offers.models import Offer

        field = Offer._meta.get_field(name)
        self.name = name
        self.label = field.verbose_name
        self.before = _as_text(field, before)
        self.after = _as_text(field, after)


def _as_text(field, value) -> str:
    if value in (None, "", []):
        return "–"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def describe(changes: dict) -> list[FieldChange]:
    """`changes` ({field: [before, after]}) as `FieldChange`s, in the order of the form."""
    return [FieldChange(name, *changes[name]) for name in TRACKED_FIELDS if name in changes]
