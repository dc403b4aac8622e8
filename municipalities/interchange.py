"""The `schools` and `municipal_sites` sections of the interchange format (see portal/interchange.py).

Exactly the fields of version 1 of the format. Portal-only fields, never in a document and never changed
by an import: a school's CVR and EAN numbers; a site's contact phone, goals, the offers added to its
selection without being featured (`extra_offers`), `embed_origins` and `created`/`updated`.
"""

from municipalities.models import Municipality, MunicipalSite, School
from offers.models import Offer
from portal.interchange import Section
from portal.interchange_fields import POSTCODE, Boolean, EntryList, Key, Ref, Text


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
        "include_local_offers": Boolean(),
        "featured": EntryList({"offer": Ref(Offer, "key", required=True), "note": Text()}, unique="offer"),
        "published": Boolean(),
    }
