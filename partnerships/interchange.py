"""The `partnerships` section of the interchange format (see portal/interchange.py).

Exactly the fields of the spec (../shared/spec/interchange-format.md): a conforming reader treats unknown
fields as errors, so the portal-only fields (time and resources, evaluation notes, date of the last
evaluation, the record that continues this one) stay out of documents. An import never touches them: an
updated record keeps its evaluation history. A new record's slug is its key (made unique, never a reserved
path such as "oversigt").
"""

import json
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from municipalities.interchange import Boolean
from municipalities.models import Municipality, School
from offers.interchange import SlugFromKey
from offers.models import GradeLevel, Offer, Provider, Subject
from partnerships.models import RESERVED_SLUGS, Activity, Contact, Partnership
from portal.interchange_fields import Date, Field, Key, RefList, Text, TextList


class ActivityList(TextList):
    """Activities from the spec's vocabulary, each at most once, in the document's order."""

    def clean(self, value: Any) -> list[str]:
        items = super().clean(value)
        unknown = [item for item in items if item not in Activity.values]
        if unknown:
            raise ValidationError(
                _("unknown activity %(values)s (known: %(choices)s)")
                % {
                    "values": ", ".join(json.dumps(item, ensure_ascii=False) for item in unknown),
                    "choices": ", ".join(Activity.values),
                }
            )
        if len(set(items)) < len(items):
            raise ValidationError(_("lists an activity more than once"))
        return items


class ContactList(Field):
    """`contacts`: `[{"role": ROLE, "name": TEXT, "email": TEXT}, ...]`, in order.

    Stored as Contact rows whose positions follow the list (0, 1, 2 …); read back as a tuple of
    (role, name, email), so "unchanged" is a plain comparison.
    """

    ENTRY_FIELDS = {"role": Text(required=True), "name": Text(), "email": Text()}

    def bind(self, model: type[models.Model], name: str, refs) -> Field:
        bound = super().bind(model, name, refs)
        bound.entry_fields = {key: field.bind(Contact, key, refs) for key, field in self.ENTRY_FIELDS.items()}
        return bound

    @property
    def empty(self) -> tuple:
        return ()

    def clean(self, value: Any) -> tuple[tuple[str, str, str], ...]:
        if not isinstance(value, list):
            raise ValidationError(
                _('must be a list of objects like {"role": "teacher", "name": "…", "email": "…"}')
            )
        return tuple(self._clean_entry(index, entry) for index, entry in enumerate(value))

    def _clean_entry(self, index: int, entry: Any) -> tuple[str, str, str]:
        where = f"[{index}]"
        if not isinstance(entry, dict):
            raise ValidationError(f"{where}: {_('must be an object')}")
        unknown = sorted(entry.keys() - self.entry_fields.keys())
        if unknown:
            raise ValidationError(f"{where}: {', '.join(unknown)}: {_('unknown field')}")
        values = []
        for name, field in self.entry_fields.items():
            raw = entry.get(name)
            try:
                value = field.empty if raw is None else field.clean(raw)
                if field.required and not value:
                    raise ValidationError(_("is required"))
            except ValidationError as error:
                raise ValidationError(f"{where}: {name}: {' '.join(error.messages)}") from None
            values.append(value)
        return tuple(values)

    def load(self, objects: list[models.Model]) -> None:
        rows = Contact.objects.filter(partnership__in=[obj.pk for obj in objects]).order_by(
            "partnership", "position", "pk"
        )
        current: dict[int, list] = {}
        for partnership_pk, role, name, email in rows.values_list("partnership_id", "role", "name", "email"):
            current.setdefault(partnership_pk, []).append((role, name, email))
        self.current = {pk: tuple(entries) for pk, entries in current.items()}

    def get(self, obj: models.Model) -> tuple:
        return self.current.get(obj.pk, ())

    def save_related(self, changes: list[tuple[models.Model, tuple]]) -> None:
        Contact.objects.filter(partnership__in=[obj.pk for obj, _value in changes]).delete()
        Contact.objects.bulk_create(
            Contact(partnership=obj, role=role, name=name, email=email, position=position)
            for obj, entries in changes
            for position, (role, name, email) in enumerate(entries)
        )

    def to_json(self, value: tuple) -> list[dict[str, str | None]]:
        return [{"role": role, "name": name or None, "email": email or None} for role, name, email in value]


class PartnershipSection(SlugFromKey):
    name = "partnerships"
    model = Partnership
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
        "activities": ActivityList(),
        "agreement": Text(),
        "goals": Text(),
        "contacts": ContactList(),
        "offers": RefList(Offer, "key"),
        "public": Boolean(),
    }

    @cached_property
    def taken_slugs(self) -> set[str]:
        return set(Partnership.objects.values_list("slug", flat=True)) | RESERVED_SLUGS
