"""Who may see and change what: the portal's one access module.

*What* a user may do (view, add, change, delete a kind of record) comes from Django's model permissions,
given by a group. *Which* records comes from here, through a role's link to the things it works for:

| role | who | recognised by |
|---|---|---|
| portal staff | superusers; active staff users who hold no role below | ``is_superuser`` / ``is_staff`` |
| municipal consultant | active staff linked to municipalities (``grant_municipality``) | the link ``Municipality.consultants``; the group "Municipal consultants" only gives permissions |
| place editor | active staff linked to learning places (``grant_provider``) | the link ``Provider.editors``; the group "Place editors" only gives permissions |
| everyone else | anonymous, inactive and non-staff users | — |

A staff user in a role's group but linked to nothing (say, a consultant whose last municipality was taken
away) is scoped to nothing: they see no records, never all of them.

| object | portal staff | consultant | place editor | everyone else |
|---|---|---|---|---|
| municipality | all | their own (for sites and partnerships) | — | — |
| municipal site, its featured offers | all | their municipalities' sites | — | published sites |
| partnership, its contacts | all | records involving at least one of their municipalities | — | public records, never contacts |
| learning place | all | none to change; all to look at (public data) | their own places | public pages |
| offer, its dates | all | none to change; published ones to look at and feature | their places' offers (published at once or after review: offers.review) | published offers |
| school, region, vocabularies | all | none to change; all to look at (public data) | the same | public pages |
| booking request (teachers' personal data), allocation round | all | none: only visits per school, as numbers | their places' offers' | the teacher, through her signed link (bookings/links.py) |
| allocation policy (does distance count) | all | their municipalities' | — | — |
| user | with the user permissions | none | none | none |

In the back office a place editor looks only at what they manage: the public records of other places (which
portal staff and consultants look at through ``visible_to``) stay out of their lists, pickers and history
(``looks_beyond_managed``).

Each model's QuerySet has ``managed_by(user)`` (the records the user works on in the back office, built
with ``restrict``) and, where the public sees some records, ``visible_to(user)`` (the public ones plus, as a
preview, those the user manages; built with ``visible``). Views fetch one object with a
``get_<object>_for_user`` helper (404 when the user may not see it); admin classes use
``portal.admin.ScopedAdmin``, which goes through the same QuerySet methods.

Adding a role: write its scope function, add a ``Role`` to ``ROLES``, pass its clause to ``restrict`` in the
``managed_by`` of the models it touches, and give their admin classes ``ScopedAdmin``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_permission_codename, get_user_model
from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404

if TYPE_CHECKING:
    from municipalities.models import Municipality, MunicipalSite
    from offers.models import Offer, Provider
    from partnerships.models import Partnership

CONSULTANTS_GROUP = "Municipal consultants"
PLACE_EDITORS_GROUP = "Place editors"


def is_active_staff(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


# --- Roles and their scopes ---


def consulted_municipalities(user) -> QuerySet[Municipality]:
    """The consultant's scope: the municipalities an active staff user is linked to (none for others)."""
    from municipalities.models import Municipality

    if not is_active_staff(user):
        return Municipality.objects.none()
    return Municipality.objects.filter(consultants=user)


def edited_providers(user) -> QuerySet[Provider]:
    """The place editor's scope: the learning places an active staff user is linked to (none for others)."""
    from offers.models import Provider

    if not is_active_staff(user):
        return Provider.objects.none()
    return Provider.objects.filter(editors=user)


@dataclass(frozen=True)
class Role:
    """A scoped role: `link` is the user's relation to what the role works for, `group` gives it its model
    permissions, `scope(user)` is a QuerySet of what the user works for in this role."""

    name: str
    group: str
    link: str
    scope: Callable[[object], QuerySet]


CONSULTANT = Role("consultant", CONSULTANTS_GROUP, "consultant_for", consulted_municipalities)
PLACE_EDITOR = Role("place_editor", PLACE_EDITORS_GROUP, "editor_for", edited_providers)
ROLES = (CONSULTANT, PLACE_EDITOR)


def is_consultant(user) -> bool:
    """An active staff user linked to at least one municipality."""
    return consulted_municipalities(user).exists()


def is_place_editor(user) -> bool:
    """An active staff user linked to at least one learning place."""
    return edited_providers(user).exists()


def looks_beyond_managed(user) -> bool:
    """True unless `user` is only a place editor (linked to places, or in their group though linked to none):
    the back office then shows them only the records they manage, not the public records of other places (a
    consultant's or portal staff's ``visible_to``)."""
    if not is_active_staff(user):
        return True
    groups = set(user.groups.values_list("name", flat=True))
    editor = PLACE_EDITORS_GROUP in groups or is_place_editor(user)
    return not editor or CONSULTANTS_GROUP in groups or is_consultant(user)


def sees_everything(user) -> bool:
    """Portal staff: superusers, and active staff users with no role link and in no role's group."""
    if not is_active_staff(user):
        return False
    if user.is_superuser:
        return True
    holds_a_role = Q()
    for role in ROLES:
        holds_a_role |= Q(**{f"{role.link}__isnull": False}) | Q(groups__name=role.group)
    return not get_user_model()._default_manager.filter(holds_a_role, pk=user.pk).exists()


# --- Building blocks of the QuerySet methods ---


def restrict(queryset: QuerySet, user, **clauses: Callable[[QuerySet], Q]) -> QuerySet:
    """`queryset` narrowed to the records `user` manages: every record for portal staff; for a user with
    roles, those that a role's clause selects, given that role's scope (e.g.
    ``consultant=lambda municipalities: Q(municipality__in=municipalities)``); none for everyone else."""
    if sees_everything(user):
        return queryset
    if not is_active_staff(user):
        return queryset.none()
    condition = Q(pk__in=[])
    for role in ROLES:
        if role.name in clauses:
            condition |= clauses[role.name](role.scope(user))
    return queryset.filter(condition)


def may_view_model(user, model: type[Model]) -> bool:
    opts = model._meta
    return any(
        user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
        for action in ("view", "change")
    )


def visible(queryset: QuerySet, user, public: Q) -> QuerySet:
    """The records of `queryset` that `user` may open on the site: the public ones, plus (as a preview) those
    they manage when they may view such records in the back office."""
    if not may_view_model(user, queryset.model):
        return queryset.filter(public)
    if sees_everything(user):
        return queryset
    managed = queryset.model._default_manager.managed_by(user).values("pk")
    return queryset.filter(public | Q(pk__in=managed))


def manages(user, obj: Model) -> bool:
    """True when `obj` is among the records `user` manages (one query)."""
    return type(obj)._default_manager.managed_by(user).filter(pk=obj.pk).exists()


# --- One object for a user, or 404 ---


def get_site_for_user(user, slug: str, *, managed: bool = False) -> MunicipalSite:
    """The municipal site of the municipality `slug` that `user` may see: published, or a preview of one
    they manage; with `managed`, only one they manage (the coverage page)."""
    from municipalities.models import MunicipalSite

    sites = MunicipalSite.objects.select_related("municipality__region")
    sites = sites.managed_by(user) if managed else sites.visible_to(user)
    return get_object_or_404(sites, municipality__slug=slug)


def get_partnership_for_user(
    user, slug: str, *, managed: bool = False, queryset: QuerySet[Partnership] | None = None
) -> Partnership:
    """The partnership `slug` that `user` may see: public, or a preview of one they manage; with
    `managed`, only one they manage (the agreement). `queryset` adds what the page needs to load."""
    from partnerships.models import Partnership

    records = Partnership.objects.all() if queryset is None else queryset
    records = records.managed_by(user) if managed else records.visible_to(user)
    return get_object_or_404(records, slug=slug)


def get_offer_for_user(user, slug: str, *, queryset: QuerySet[Offer] | None = None) -> Offer:
    """The offer `slug` if `user` may see it: published, or a preview of one they manage."""
    from offers.models import Offer

    offers = Offer.objects.all() if queryset is None else queryset
    return get_object_or_404(offers.visible_to(user), slug=slug)


def choosable_offers(user, *linked: QuerySet) -> QuerySet[Offer]:
    """The offers `user` may link to a record (a site's featured offers, a partnership's offers): those
    visible to them (published ones for a consultant), plus those whose ids `linked` gives, i.e. already
    linked (so a record whose offer was archived since can still be saved)."""
    from offers.models import Offer

    choosable = Q(pk__in=Offer.objects.visible_to(user).values("pk"))
    for ids in linked:
        choosable |= Q(pk__in=ids)
    return Offer.objects.filter(choosable)
