"""The `partnerships` section of the interchange format (see portal/interchange.py).

Exactly the fields of version 1 of the format. Portal-only fields, never in a document and never changed by
an import (an updated record keeps its evaluation history): time and resources, evaluation notes, the date
of the last evaluation, the record that continues this one (`successor`), the page address and
`created`/`updated`. A new record's slug is its key (made unique, never a reserved path such as
"oversigt").
"""

from municipalities.models import Municipality, School
from offers.models import GradeLevel, Offer, Provider, Subject
from partnerships.models import RESERVED_SLUGS, Partnership
from portal.interchange import SlugFromKey
from portal.interchange_fields import Boolean, Date, EntryList, Key, RefList, Text, TextList


class PartnershipSection(SlugFromKey):
    name = "partnerships"
    model = Partnership
    reserved_slugs = RESERVED_SLUGS
    fields = {
        "key": Key(),
        "title": Text(required=True),
        "kind": Text(required=True),
        "description": Text(),
        "providers": RefList(Provider, "key"),
        "schools": RefList(School, "key"),
        "municipalities": RefList(Municipality, "code"),
        "started": Date(),
        "ended": Date(not_before="started"),
        "recurring": Boolean(),
        "grades": RefList(GradeLevel, "slug"),
        "subjects": RefList(Subject, "slug"),
        "activities": TextList(unique=True),
        "agreement": Text(),
        "goals": Text(),
        "contacts": EntryList({"role": Text(required=True), "name": Text(), "email": Text()}),
        "offers": RefList(Offer, "key"),
        "public": Boolean(),
    }
