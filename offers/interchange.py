"""The `providers` and `offers` sections of the interchange format (see portal/interchange.py).

Portal-only fields, never in a document and never changed by an import: the page address (`slug`, set
from the key when an object is created), `created`/`updated`, a provider's `embed_origins`, and the offer's
search vector (kept current by a database trigger on every insert and update, imports included).

Each offer an import creates or changes gets a revision in its history (offers.history), by no user.

An offer's `occurrences` (dated visits) are Occurrence rows matched by their key within the offer: an
import updates them in place, adds new keys and deletes those the offer no longer lists.
"""

from django.utils.translation import gettext as _

from municipalities.models import Municipality
from offers.history import record_import, states
from offers.models import SDG, GradeLevel, Offer, Provider, Subject
from portal.interchange import SlugFromKey
from portal.interchange_fields import (
    LANGUAGE_CODE,
    POSTCODE,
    Date,
    Float,
    Html,
    Integer,
    Key,
    KeyedEntryList,
    LocalDateTime,
    Ref,
    RefList,
    Text,
    TextList,
)


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
        "occurrences": KeyedEntryList(
            {
                "key": Key(),
                "starts": LocalDateTime(required=True),
                "ends": LocalDateTime(required=True, after="starts"),
                "places": Integer(min_value=1),
                "booking_deadline": Date(not_after="starts"),
                "status": Text(),
            },
            distinct=("starts",),
        ),
    }

    def save(self, items):
        """Upsert, and keep a revision of each offer the import created or changed."""
        offers = Offer.objects.filter(key__in=[values[self.key] for values in items])
        before = states(offers)
        counts = super().save(items)
        record_import(before, states(offers), comment=_("Import"))
        return counts
