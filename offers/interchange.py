"""The `providers` and `offers` sections of the interchange format (see portal/interchange.py)."""

from functools import cached_property
from typing import Any

from municipalities.models import Municipality
from offers.models import SDG, GradeLevel, Offer, Provider, Subject
from portal.interchange import Section
from portal.interchange_fields import (
    LANGUAGE_CODE,
    POSTCODE,
    Date,
    Float,
    Html,
    Integer,
    Key,
    Ref,
    RefList,
    Text,
    TextList,
)


class SlugFromKey(Section):
    """A new object's page address (slug) is its key, made unique with -2, -3 …; it never changes later."""

    @cached_property
    def taken_slugs(self) -> set[str]:
        return set(self.model._default_manager.values_list("slug", flat=True))

    def new_object(self, values: dict[str, Any]) -> Any:
        max_length = self.model._meta.get_field("slug").max_length
        slug, number = values[self.key], 1
        while slug in self.taken_slugs:
            number += 1
            suffix = f"-{number}"
            slug = values[self.key][: max_length - len(suffix)] + suffix
        self.taken_slugs.add(slug)
        return self.model(slug=slug)


class ProviderSection(SlugFromKey):
    name = "providers"
    model = Provider
    fields = {
        "key": Key(),
        "name": Text(required=True),
        "kind": Text(required=True),
        "description": Text(),
        "municipality": Ref(Municipality, "code"),
        "address": Text(),
        "postcode": Text(validators=[POSTCODE]),
        "city": Text(),
        "latitude": Float(min_value=-90, max_value=90),
        "longitude": Float(min_value=-180, max_value=180),
        "website": Text(),
        "email": Text(),
        "phone": Text(),
    }


class OfferSection(SlugFromKey):
    name = "offers"
    model = Offer
    fields = {
        "key": Key(),
        "provider": Ref(Provider, "key", required=True),
        "title": Text(required=True),
        "summary": Text(),
        "description": Html(),
        "format": Text(required=True),
        "subjects": RefList(Subject, "slug"),
        "grades": RefList(GradeLevel, "slug"),
        "sdgs": RefList(SDG, "number"),
        "themes": TextList(),
        "price_dkk": Integer(min_value=0),
        "duration_minutes": Integer(min_value=1),
        "max_participants": Integer(min_value=1),
        "available_from": Date(),
        "available_to": Date(not_before="available_from"),
        "booking_url": Text(),
        "booking_email": Text(),
        "languages": TextList(validators=[LANGUAGE_CODE]),
        "status": Text(),
    }
