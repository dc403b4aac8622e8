"""Who may see and manage which partnerships in the back office: the one access helper of the app.

Built on municipalities.access (the consultant model):
- superusers, and staff who are not municipal consultants, see every partnership (portal staff);
- a municipal consultant (linked to municipalities, or a member of the consultants group) sees the
  partnerships that involve at least one municipality they consult for;
- everyone else (anonymous, inactive, non-staff) sees none.

What they may *do* with the records they see comes from the model permissions (the consultants group gets
view/add/change by a data migration). Every admin class and non-public view goes through these functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from municipalities.access import CONSULTANTS_GROUP, consulted_municipalities, is_consultant
from municipalities.models import Municipality

if TYPE_CHECKING:
    from partnerships.models import Partnership

VIEW_PERMISSION = "partnerships.view_partnership"


def _is_active_staff(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


def municipality_scope(user) -> QuerySet[Municipality] | None:
    """The municipalities whose partnerships `user` sees, or None when they see every partnership."""
    if not _is_active_staff(user):
        return Municipality.objects.none()
    if user.is_superuser:
        return None
    if is_consultant(user) or user.groups.filter(name=CONSULTANTS_GROUP).exists():
        return consulted_municipalities(user)
    return None


def in_scope(user, partnership: Partnership) -> bool:
    """True when `partnership` is among the records `user` sees in the back office (one query)."""
    from partnerships.models import Partnership

    return Partnership.objects.managed_by(user).filter(pk=partnership.pk).exists()


def may_manage(user, partnership: Partnership) -> bool:
    """True when `user` may open the back-office pages of `partnership` (its agreement, its admin page)."""
    return user.has_perm(VIEW_PERMISSION) and in_scope(user, partnership)


def visible_partnerships(user) -> QuerySet[Partnership]:
    """The records `user` may open on the public site: public ones, plus (as a preview, marked as not
    public on the page) the records they manage in the back office."""
    from partnerships.models import Partnership

    if not user.has_perm(VIEW_PERMISSION):
        return Partnership.objects.public()
    managed = Partnership.objects.managed_by(user).values("pk")
    return Partnership.objects.filter(Q(public=True) | Q(pk__in=managed))


def summary_municipalities(user) -> QuerySet[Municipality]:
    """The municipalities the consultants' summary shows to `user`: their own, or (for portal staff)
    every municipality that takes part in a partnership."""
    scope = municipality_scope(user)
    if scope is None:
        return Municipality.objects.filter(partnerships__isnull=False).distinct().order_by("name")
    return scope.order_by("name")
