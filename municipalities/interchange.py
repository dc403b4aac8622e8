"""The `schools` and `municipal_sites` sections of the interchange format (see portal/interchange.py)."""

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from municipalities.models import FeaturedOffer, Municipality, MunicipalSite, School
from offers.models import Offer
from portal.interchange import Section
from portal.interchange_fields import POSTCODE, Field, Key, Ref, RefList, Text


class SchoolSection(Section):
    name = "schools"
    model = School
    fields = {
        "key": Key(),
        "name": Text(required=True),
        "kind": Text(),
        "address": Text(),
        "postcode": Text(validators=[POSTCODE]),
        "municipality": Ref(Municipality, "code"),
    }


class Boolean(Field):
    """`true` or `false`; left out or `null` stores the model field's default."""

    def clean(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(_("must be true or false"))
        return value


class FeaturedList(Field):
    """The featured offers of a site, in order: `[{"offer": KEY, "note": TEXT}, ...]`.

    Stored as FeaturedOffer rows whose positions follow the list order (1, 2, 3 …); read back as a tuple of
    (offer key, note) pairs, so a document is unchanged when only the numbering of positions differs.
    """

    ENTRY_FIELDS = {"offer", "note"}

    @property
    def empty(self) -> tuple:
        return ()

    def clean(self, value: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, list):
            raise ValidationError(_('must be a list of objects like {"offer": "key", "note": "text"}'))
        note_length = FeaturedOffer._meta.get_field("note").max_length
        entries, seen = [], set()
        for index, entry in enumerate(value):
            where = f"[{index}]"
            if not isinstance(entry, dict):
                raise ValidationError(f"{where}: {_('must be an object')}")
            unknown = sorted(entry.keys() - self.ENTRY_FIELDS)
            if unknown:
                raise ValidationError(f"{where}: {_('unknown field')} {', '.join(unknown)}")
            offer = entry.get("offer")
            if not isinstance(offer, str) or not offer.strip():
                raise ValidationError(f"{where}: offer: {_('is required (the key of an offer)')}")
            offer = offer.strip()
            if not self.refs.exists(Offer, "key", offer):
                raise ValidationError(
                    f"{where}: offer: {_('unknown offer')}: {json.dumps(offer, ensure_ascii=False)}"
                )
            if offer in seen:
                raise ValidationError(f"{where}: offer: {_('appears more than once')} ({offer})")
            seen.add(offer)
            note = entry.get("note")
            if note is not None and not isinstance(note, str):
                raise ValidationError(f"{where}: note: {_('must be text (in quotes)')}")
            note = (note or "").strip()
            if len(note) > note_length:
                raise ValidationError(
                    f"{where}: note: " + _("must be at most %(max)s characters") % {"max": note_length}
                )
            entries.append((offer, note))
        return tuple(entries)

    def load(self, objects: list[models.Model]) -> None:
        rows = FeaturedOffer.objects.filter(site__in=[obj.pk for obj in objects]).order_by(
            "site", "position", "pk"
        )
        current: dict[int, list] = {}
        for site_pk, offer_pk, note in rows.values_list("site_id", "offer_id", "note"):
            current.setdefault(site_pk, []).append((self.refs.identifier(Offer, "key", offer_pk), note))
        self.current = {pk: tuple(entries) for pk, entries in current.items()}

    def get(self, obj: models.Model) -> tuple:
        return self.current.get(obj.pk, ())

    def save_related(self, changes: list[tuple[models.Model, tuple]]) -> None:
        FeaturedOffer.objects.filter(site__in=[site.pk for site, _value in changes]).delete()
        offers = self.refs.ids(Offer, "key")
        FeaturedOffer.objects.bulk_create(
            FeaturedOffer(site=site, offer_id=offers[offer], note=note, position=position)
            for site, entries in changes
            for position, (offer, note) in enumerate(entries, start=1)
        )

    def to_json(self, value: tuple) -> list[dict[str, str | None]]:
        return [{"offer": offer, "note": note or None} for offer, note in value]


class MunicipalSiteSection(Section):
    """`municipal_sites`: one per municipality, identified by its code.

    Beyond the spec's example fields, `contact_phone`, `goals` and `extra_offers` (keys of offers in the
    selection that are not featured) carry the rest of a site, so a round trip loses nothing.
    """

    name = "municipal_sites"
    model = MunicipalSite
    key = "municipality"
    fields = {
        "municipality": Ref(Municipality, "code", required=True),
        "title": Text(required=True),
        "intro": Text(),
        "contact_name": Text(),
        "contact_email": Text(),
        "contact_phone": Text(),
        "transport_info": Text(),
        "goals": Text(),
        "include_local_offers": Boolean(),
        "featured": FeaturedList(),
        "extra_offers": RefList(Offer, "key"),
        "published": Boolean(),
    }
