"""Who may act for which municipality: the one access helper for consultants.

A municipal consultant (åben skole-konsulent) is an active staff user linked to one or more municipalities
through ``Municipality.consultants`` (a many-to-many field to the user model; the reverse accessor on a user
is ``user.consultant_for``). The link gives the *scope*; membership of the group ``CONSULTANTS_GROUP`` gives
the *permissions* (view/add/change municipal sites and their featured offers; see the data migration that
creates the group). ``manage.py grant_municipality`` sets up both.

Rules, deliberately simple and explicit:
- superusers consult for every municipality;
- active staff users consult for the municipalities they are linked to;
- everyone else (anonymous, inactive, non-staff) consults for none.

Every view and admin class that scopes by municipality goes through these functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from municipalities.models import Municipality

if TYPE_CHECKING:
    from municipalities.models import MunicipalSite

CONSULTANTS_GROUP = "Municipal consultants"


def _is_active_staff(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


def consulted_municipalities(user) -> QuerySet[Municipality]:
    """The municipalities ``user`` consults for: all for superusers, their own for consultants, else none."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Municipality.objects.none()
    if user.is_superuser:
        return Municipality.objects.all()
    if not user.is_staff:
        return Municipality.objects.none()
    return Municipality.objects.filter(consultants=user)


def is_consultant(user) -> bool:
    """True for an active staff user linked to at least one municipality (superusers need no link)."""
    return _is_active_staff(user) and Municipality.objects.filter(consultants=user).exists()


def consults_for(user, municipality: Municipality) -> bool:
    """True when ``user`` may act for ``municipality`` (one query, none for superusers)."""
    if user is not None and user.is_authenticated and user.is_active and user.is_superuser:
        return True
    return consulted_municipalities(user).filter(pk=municipality.pk).exists()


def sites_for(user) -> QuerySet[MunicipalSite]:
    """The municipal sites ``user`` may see and edit in the back office, published or not."""
    from municipalities.models import MunicipalSite

    return MunicipalSite.objects.filter(municipality__in=consulted_municipalities(user))


def visible_offers(user, offers: QuerySet) -> QuerySet:
    """The offers a back-office user may look up: all for those who may change offers, else published
    only, so a consultant choosing offers to feature (admin autocomplete, offer list) never sees drafts."""
    return offers.visible_to(user)
