"""The `schools` and `municipal_sites` sections of the interchange format (see portal/interchange.py).

The fields of version 1 and its optional additions (schools' `latitude`/`longitude`, sites' `transport`).
The additions keep what the portal has when a document leaves them out or gives null (`keep_when_absent`),
so a document written before them never erases coordinates or transport rules. Portal-only fields, never
in a document and never changed by an import: a school's CVR and EAN numbers and the source of its
coordinates (`location_source`); a site's contact phone, goals, the offers added to its selection
without being featured (`extra_offers`), `embed_origins` and `created`/`updated`.
"""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from municipalities.models import Municipality, MunicipalSite, School
from offers.models import GradeLevel, Offer
from portal.interchange import Section
from portal.interchange_fields import (
    KEEP,
    POSTCODE,
    Boolean,
    EntryList,
    Field,
    Float,
    Integer,
    Key,
    Ref,
    RefList,
    Text,
    name_problems,
)


class Coordinate(Float):
    """A latitude or longitude that comes with its `partner` (both or neither)."""

    def __init__(self, *, partner: str, **kwargs):
        super().__init__(keep_when_absent=True, **kwargs)
        self.partner = partner

    def check(self, value: Any, values: dict[str, Any]) -> None:
        # Called only for a value given; a partner with a problem of its own is reported by itself.
        if values.get(self.partner) is KEEP:
            raise ValidationError(
                _("must come with %(partner)s (both or neither)"), params={"partner": self.partner}
            )


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
        "latitude": Coordinate(partner="longitude", min_value=-90, max_value=90),
        "longitude": Coordinate(partner="latitude", min_value=-180, max_value=180),
    }


class Transport(Field):
    """A site's `transport` object, stored in the site's `transport_<member>` fields (`grades`: the
    `transport_grades` links). Inside the object, a member left out or null stores its default; the object
    itself left out or null keeps the site's rules. A site without rules (no scheme) exports null."""

    MEMBERS = {
        "scheme": Text(required=True),
        "grades": RefList(GradeLevel, "slug"),
        "max_distance_km": Integer(min_value=0),
        "within_municipality_only": Boolean(),
        "max_amount_dkk": Integer(min_value=0),
        "apply_days_before": Integer(min_value=0),
        "apply_url": Text(),
        "apply_email": Text(),
        "note": Text(),
    }

    def __init__(self):
        super().__init__(keep_when_absent=True)

    def bind(self, model, name, refs) -> Field:
        bound = copy.copy(self)
        bound.name, bound.refs, bound.model = name, refs, model
        bound.members = {
            key: field.bind(model, f"transport_{key}", refs) for key, field in self.MEMBERS.items()
        }
        bound.row_members = {key: field for key, field in bound.members.items() if field.stored_in_row}
        return bound

    @property
    def stored_in_row(self) -> bool:
        return False

    @property
    def empty(self) -> None:
        return None

    def clean(self, value: Any) -> tuple:
        if not isinstance(value, dict):
            raise ValidationError(
                _("must be an object with the fields %(fields)s"), params={"fields": ", ".join(self.members)}
            )
        for name, message in name_problems(value, self.members).items():
            raise ValidationError(f"{name}: {message}")
        cleaned = []
        for name, member in self.members.items():
            try:
                cleaned.append(member.parse(value.get(name)))
            except ValidationError as error:
                raise ValidationError(f"{name}: {' '.join(error.messages)}") from None
        return tuple(cleaned)

    def load(self, objects: list) -> None:
        self.members["grades"].load(objects)
        columns = [member.model_field.attname for member in self.row_members.values()]
        rows = self.model._default_manager.filter(pk__in=[obj.pk for obj in objects]).values_list(
            "pk", *columns
        )
        self.current = {}
        for pk, *stored in rows:
            obj = self.model(pk=pk, **dict(zip(columns, stored, strict=True)))
            if obj.transport_scheme:
                self.current[pk] = tuple(member.get(obj) for member in self.members.values())

    def get(self, obj) -> tuple | None:
        return self.current.get(obj.pk)

    def save_related(self, changes: list[tuple[Any, tuple]]) -> None:
        for obj, value in changes:
            for (name, member), item in zip(self.members.items(), value, strict=True):
                if name in self.row_members:
                    member.set(obj, item)
        columns = [member.model_field.name for member in self.row_members.values()]
        self.model._default_manager.bulk_update([obj for obj, _value in changes], columns, batch_size=500)
        grades = list(self.members).index("grades")
        self.members["grades"].save_related([(obj, value[grades]) for obj, value in changes])

    def to_json(self, value: tuple | None) -> dict[str, Any] | None:
        if value is None:
            return None
        return {
            name: member.to_json(item)
            for (name, member), item in zip(self.members.items(), value, strict=True)
        }


class MunicipalSiteSection(Section):
    """`municipal_sites`: one per municipality, identified by its code. `featured` is the site's featured
    offers in order, each with the consultant's note (FeaturedOffer rows)."""

    name = "municipal_sites"
    model = MunicipalSite
    key = "municipality"
    fields = {
        "municipality": Ref(Municipality, "code", required=True),
        "title": Text(required=True),
        "intro": Text(),
        "contact_name": Text(),
        "contact_email": Text(),
        "transport_info": Text(),
        "transport": Transport(),
        "include_local_offers": Boolean(),
        "featured": EntryList({"offer": Ref(Offer, "key", required=True), "note": Text()}, unique="offer"),
        "published": Boolean(),
    }
