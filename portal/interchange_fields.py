"""Field types of the interchange format (see portal/interchange.py for how sections use them).

A field turns one JSON value into a Python value the model can store (`clean`), reads the stored value
back in the same form (`get`, so "unchanged" is a plain comparison), puts it on an object (`set`) and
writes it as JSON (`to_json`). Validation reuses the model field's own validators (max length, e-mail,
URL, database integer range) and adds the strict JSON type checks and the database constraints the
model declares, so a bad value becomes a named error instead of a crash or an IntegrityError.

Fields stored outside the row (many-to-many links, rows of another model) also implement `load` (read the
current values of many objects at once) and `save_related` (write them after the objects have ids).

Every section of every app uses these types; a new kind of value is a new Field subclass here.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from datetime import UTC, date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.text import sanitize_html

if TYPE_CHECKING:
    from portal.interchange import References

POSTCODE = RegexValidator(r"^[0-9]{4}\Z", _('must be four digits, e.g. "4000"'))
LANGUAGE_CODE = RegexValidator(r"^[a-z]{2}\Z", _('must be a two-letter language code (ISO 639-1), e.g. "da"'))
# What the portal's key columns (SlugField) can hold, so every exported key can be imported again.
_KEY = RegexValidator(
    r"^[-a-zA-Z0-9_]+\Z",
    _(
        'must be letters a-z, digits, hyphens and underscores only (no spaces, no æ, ø, å), e.g. "vikingeskibsmuseet"'
    ),
)
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_ISO_MINUTE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}\Z")


class JSONObject(dict):
    """A JSON object as read from a document; `repeated` names the fields it gives more than once
    (JSON parsers keep only the last value, so an error is the only way not to drop one silently)."""

    repeated: frozenset[str] = frozenset()

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> JSONObject:
        """`object_pairs_hook` for json.load."""
        obj = cls(pairs)
        if len(obj) < len(pairs):
            obj.repeated = frozenset(name for name, n in Counter(name for name, _v in pairs).items() if n > 1)
        return obj


def name_problems(item: dict, known: Any) -> dict[str, str]:
    """Problems with the field names of a JSON object: unknown ones and ones given more than once."""
    problems = {name: str(_("unknown field")) for name in sorted(item.keys() - set(known))}
    for name in sorted(getattr(item, "repeated", ())):
        problems.setdefault(name, str(_("given more than once")))
    return problems


def _encodes(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _storable(value: Any) -> str:
    """A JSON string, trimmed, that PostgreSQL can store (no NUL character, no lone surrogate)."""
    if not isinstance(value, str):
        raise ValidationError(_("must be text (in quotes)"))
    if "\x00" in value or not _encodes(value):
        raise ValidationError(_("contains a character that cannot be stored (NUL or a lone surrogate)"))
    return value.strip()


def _show(value: Any) -> str:
    """A value as the document spells it: strings in quotes, numbers bare."""
    return json.dumps(value, ensure_ascii=False)


# The value of a `keep_when_absent` field that a document leaves out or gives as null: the import keeps what
# the portal has (a new object gets the model's default).
KEEP = type("Keep", (), {"__repr__": lambda self: "KEEP"})()


class Field:
    """One field of an interchange object, stored in the model field of the same name.

    `keep_when_absent` is for the optional additions to version 1 (the end of the spec): a document written
    before them leaves them out, and importing it must not erase what the portal has (e.g. a school's
    coordinates from the reference list), so a field left out or null keeps the stored value.
    """

    def __init__(
        self, *, required: bool = False, validators: list | None = None, keep_when_absent: bool = False
    ):
        self.required = required
        self.validators = validators or []
        self.keep_when_absent = keep_when_absent

    def bind(self, model: type[models.Model], name: str, refs: References) -> Field:
        """A copy of this field for one import or export run."""
        bound = copy.copy(self)
        bound.name, bound.refs = name, refs
        bound.model_field = model._meta.get_field(name)
        return bound

    @cached_property
    def empty(self) -> Any:
        """The value stored when the document leaves the field out or gives null."""
        return self.model_field.get_default()

    @property
    def stored_in_row(self) -> bool:
        return self.model_field.concrete and not self.model_field.many_to_many

    def parse(self, value: Any) -> Any:
        """A JSON value, null included → the value to store; raises ValidationError."""
        cleaned = self.empty if value is None else self.clean(value)
        if self.required and cleaned in (None, "", (), frozenset()):
            raise ValidationError(_("is required"))
        return cleaned

    def clean(self, value: Any) -> Any:
        """A JSON value other than null → the value to store; raises ValidationError."""
        raise NotImplementedError

    def check(self, value: Any, values: dict[str, Any]) -> None:
        """Checks against the object's other cleaned values; raises ValidationError."""

    def lookup(self, values: list) -> models.Q:
        """The objects whose value of this field is one of `values` (the key of a section)."""
        return models.Q(**{f"{self.model_field.name}__in": values})

    @cached_property
    def all_validators(self) -> list:
        return [*self.validators, *self.model_field.validators]

    def run_validators(self, value: Any) -> None:
        for validator in self.all_validators:
            validator(value)

    def get(self, obj: models.Model) -> Any:
        return getattr(obj, self.model_field.attname)

    def set(self, obj: models.Model, value: Any) -> None:
        setattr(obj, self.model_field.attname, value)

    def to_json(self, value: Any) -> Any:
        return value


class Text(Field):
    """A string, trimmed; checked against the model field's length, validators and choices."""

    @cached_property
    def choices(self) -> list[str]:
        return [choice for choice, _label in self.model_field.flatchoices]

    def clean(self, value: Any) -> str:
        value = _storable(value)
        if not value:
            return self.empty
        if self.choices and value not in self.choices:
            raise ValidationError(
                _("must be one of: %(choices)s"), params={"choices": ", ".join(self.choices)}
            )
        self.run_validators(value)
        return value

    def to_json(self, value: str) -> str | None:
        return value or None


class Key(Text):
    """The stable identifier of an object: what a slug may hold (letters, digits, hyphens, underscores)."""

    def __init__(self):
        super().__init__(required=True, validators=[_KEY])


class Html(Text):
    """Text with simple markup; everything but the allowed tags is removed (portal.text.sanitize_html) before
    the model field's checks, so e.g. its length limit counts what will be stored."""

    def clean(self, value: Any) -> str:
        return super().clean(sanitize_html(_storable(value)))


class Boolean(Field):
    """`true` or `false`."""

    def clean(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(_("must be true or false"))
        return value


class Integer(Field):
    """A whole number of at least `min_value`."""

    def __init__(self, *, min_value: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.min_value = min_value

    def clean(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.min_value:
            raise ValidationError(_("must be a whole number %(min)s or more"), params={"min": self.min_value})
        self.run_validators(value)
        return value


class Float(Field):
    """A number between `min_value` and `max_value`."""

    def __init__(self, *, min_value: float, max_value: float, **kwargs):
        super().__init__(**kwargs)
        self.min_value, self.max_value = min_value, max_value

    def clean(self, value: Any) -> float:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not (self.min_value <= value <= self.max_value)
        ):
            raise ValidationError(
                _("must be a number from %(min)s to %(max)s"),
                params={"min": self.min_value, "max": self.max_value},
            )
        return float(value)


class Date(Field):
    """An ISO date; `not_before` names another date field of the object that must not be later, `not_after`
    a date or moment (LocalDateTime) field that must not be earlier (for a moment: its day, Danish time)."""

    def __init__(self, *, not_before: str | None = None, not_after: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.not_before, self.not_after = not_before, not_after

    def clean(self, value: Any) -> date:
        try:
            if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
                raise ValueError
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(_('must be a date written YYYY-MM-DD, e.g. "2026-08-01"')) from None

    def check(self, value: date | None, values: dict[str, Any]) -> None:
        earlier = values.get(self.not_before)
        if value and earlier and value < earlier:
            raise ValidationError(_("must be on or after %(field)s"), params={"field": self.not_before})
        later = values.get(self.not_after)
        if isinstance(later, datetime):
            later = timezone.localdate(later, timezone.get_default_timezone())
        if value and later and value > later:
            raise ValidationError(
                _("must be on or before the day of %(field)s"), params={"field": self.not_after}
            )

    def to_json(self, value: date | None) -> str | None:
        return value.isoformat() if value else None


class LocalDateTime(Field):
    """A moment in Danish time (the portal's time zone), written `YYYY-MM-DDTHH:MM`; `after` names another
    such field of the object that must be earlier.

    When the clocks go back, the hour that comes twice means its first (summer time) pass; a time the
    clocks skip in spring is an error.
    """

    def __init__(self, *, after: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.after = after

    def clean(self, value: Any) -> datetime:
        try:
            if not isinstance(value, str) or not _ISO_MINUTE.match(value.strip()):
                raise ValueError
            written = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                _('must be a time written YYYY-MM-DDTHH:MM, e.g. "2027-03-04T09:00"')
            ) from None
        zone = timezone.get_default_timezone()
        moment = written.replace(tzinfo=zone)
        if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != written:
            raise ValidationError(_("does not exist in Danish time (the clocks skip that hour)"))
        # In UTC, as the database gives it back: an ambiguous local time never equals another zone's.
        return moment.astimezone(UTC)

    def check(self, value: datetime | None, values: dict[str, Any]) -> None:
        earlier = values.get(self.after)
        if value and earlier and value <= earlier:
            raise ValidationError(_("must be after %(field)s"), params={"field": self.after})

    def to_json(self, value: datetime | None) -> str | None:
        return (
            timezone.localtime(value, timezone.get_default_timezone()).strftime("%Y-%m-%dT%H:%M")
            if value
            else None
        )


class TextList(Field):
    """A list of strings (a PostgreSQL array), each trimmed and not empty; the order is kept.

    Items are checked against the array's item field (length, choices); `unique` refuses repeated items.
    """

    def __init__(self, *, unique: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.unique = unique

    @cached_property
    def choices(self) -> list[str]:
        return [choice for choice, _label in self.model_field.base_field.flatchoices]

    def clean(self, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError(_("must be a list of texts (in quotes)"))
        items = [_storable(item) for item in value]
        for item in items:
            if not item:
                raise ValidationError(_("must not contain empty texts"))
            try:
                if self.choices and item not in self.choices:
                    raise ValidationError(
                        _("must be one of: %(choices)s"), params={"choices": ", ".join(self.choices)}
                    )
                for validator in self.validators:
                    validator(item)
                self.model_field.base_field.run_validators(item)
            except ValidationError as error:
                raise ValidationError(f"{_show(item)}: {' '.join(error.messages)}") from None
        if self.unique:
            _refuse_repeated(items)
        return items


def _refuse_repeated(items: list) -> None:
    repeated = [item for item, n in Counter(items).items() if n > 1]
    if repeated:
        raise ValidationError(
            _("lists %(values)s more than once"), params={"values": ", ".join(_show(i) for i in repeated)}
        )


def _is_identifier(value: Any, as_int: bool) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) if as_int else isinstance(value, str)


def _unknown(model: type[models.Model], identifiers: list) -> ValidationError:
    return ValidationError(
        _("unknown %(model)s: %(values)s"),
        params={"model": model._meta.verbose_name, "values": ", ".join(_show(i) for i in identifiers)},
    )


class Ref(Field):
    """A foreign key, written as the referenced object's stable identifier (`to_field`)."""

    def __init__(self, to: type[models.Model], to_field: str, **kwargs):
        super().__init__(**kwargs)
        self.to, self.to_field = to, to_field
        self.as_int = isinstance(to._meta.get_field(to_field), models.IntegerField)

    def clean(self, value: Any) -> Any:
        if not _is_identifier(value, self.as_int):
            raise ValidationError(
                _("must be a whole number") if self.as_int else _("must be text (in quotes)")
            )
        value = value if self.as_int else value.strip()
        if value != "" and not self.refs.exists(self.to, self.to_field, value):
            raise _unknown(self.to, [value])
        return None if value == "" else value

    def lookup(self, values: list) -> models.Q:
        return models.Q(**{f"{self.model_field.name}__{self.to_field}__in": values})

    def get(self, obj: models.Model) -> Any:
        pk = super().get(obj)
        return None if pk is None else self.refs.identifier(self.to, self.to_field, pk)

    def set(self, obj: models.Model, value: Any) -> None:
        super().set(obj, None if value is None else self.refs.pk(self.to, self.to_field, value))


class RefList(Field):
    """A many-to-many field, written as a list of the referenced objects' stable identifiers."""

    def __init__(self, to: type[models.Model], to_field: str, **kwargs):
        super().__init__(**kwargs)
        self.to, self.to_field = to, to_field
        self.as_int = isinstance(to._meta.get_field(to_field), models.IntegerField)

    @property
    def empty(self) -> frozenset:
        return frozenset()

    def clean(self, value: Any) -> frozenset:
        if not isinstance(value, list) or not all(_is_identifier(item, self.as_int) for item in value):
            raise ValidationError(
                _("must be a list of whole numbers")
                if self.as_int
                else _("must be a list of texts (in quotes)")
            )
        items = value if self.as_int else [item.strip() for item in value]
        unknown = [item for item in items if not self.refs.exists(self.to, self.to_field, item)]
        if unknown:
            raise _unknown(self.to, unknown)
        return frozenset(items)

    @cached_property
    def link_table(self) -> tuple[str, str, str]:
        """The many-to-many link table and its two columns, quoted for SQL.

        Links are read and written with one array-valued statement each (`= ANY`, `unnest`): tens of
        thousands of rows without a model instance or a query parameter per row.
        """
        through, quote = self.model_field.remote_field.through._meta, connection.ops.quote_name
        return (
            quote(through.db_table),
            quote(through.get_field(self.model_field.m2m_field_name()).column),
            quote(through.get_field(self.model_field.m2m_reverse_field_name()).column),
        )

    def load(self, objects: list[models.Model]) -> None:
        """Read the current values of `objects` in one query."""
        table, source, target = self.link_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {source}, {target} FROM {table} WHERE {source} = ANY(%s)", [[o.pk for o in objects]]
            )
            rows = cursor.fetchall()
        current: dict[int, set] = {}
        for obj_pk, ref_pk in rows:
            current.setdefault(obj_pk, set()).add(self.refs.identifier(self.to, self.to_field, ref_pk))
        self.current = {pk: frozenset(values) for pk, values in current.items()}

    def get(self, obj: models.Model) -> frozenset:
        return self.current.get(obj.pk, frozenset())

    def save_related(self, changes: list[tuple[models.Model, frozenset]]) -> None:
        """Replace the values of the changed objects (which all have ids by now)."""
        table, source, target = self.link_table
        pks = self.refs.ids(self.to, self.to_field)
        links = [(obj.pk, pks[item]) for obj, value in changes for item in value]
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} WHERE {source} = ANY(%s)",
                [[obj.pk for obj, _value in changes if obj.pk in self.current]],
            )
            cursor.execute(
                f"INSERT INTO {table} ({source}, {target}) SELECT * FROM unnest(%s::bigint[], %s::bigint[])",
                [[obj_pk for obj_pk, _ref in links], [ref_pk for _obj, ref_pk in links]],
            )

    def to_json(self, value: frozenset) -> list:
        rank = self.refs.rank(self.to, self.to_field)
        return sorted(value, key=rank.__getitem__)


class EntryList(Field):
    """A list of small objects stored as rows of another model that point to the object, in order.

    E.g. a site's featured offers `[{"offer": KEY, "note": TEXT}, ...]` (FeaturedOffer rows) or a
    partnership's contacts (Contact rows). The Field's name is the reverse relation (`related_name`);
    `entries` declares each entry's fields as Fields of the row model. Rows get positions 1, 2, 3 … in list
    order and are read back as a tuple of value tuples, so "unchanged" is a plain comparison and a mere
    renumbering of positions is no change. `unique` names an entry field no two entries may share.
    """

    def __init__(self, entries: dict[str, Field], *, unique: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.entries, self.unique = entries, unique

    def bind(self, model: type[models.Model], name: str, refs: References) -> Field:
        bound = super().bind(model, name, refs)
        bound.row_model = bound.model_field.related_model
        bound.parent = bound.model_field.field.attname
        bound.entries = {key: field.bind(bound.row_model, key, refs) for key, field in self.entries.items()}
        return bound

    @property
    def empty(self) -> tuple:
        return ()

    def clean(self, value: Any) -> tuple[tuple, ...]:
        if not isinstance(value, list):
            raise ValidationError(
                _("must be a list of objects with the fields %(fields)s"),
                params={"fields": ", ".join(self.entries)},
            )
        rows = tuple(self._clean_entry(self._where(index, entry), entry) for index, entry in enumerate(value))
        if self.unique:
            self._refuse_shared(self.unique, value, rows)
        return rows

    def _where(self, index: int, entry: Any) -> str:
        """How an error names an entry: its position in the list."""
        return f"[{index}]"

    def _refuse_shared(self, name: str, value: list, rows: tuple[tuple, ...]) -> None:
        position = list(self.entries).index(name)
        seen: dict[Any, int] = {}
        for index, row in enumerate(rows):
            if row[position] in seen:
                raise ValidationError(
                    f"{self._where(index, value[index])}: {name}: "
                    + _("appears more than once (also at %(where)s)") % {"where": f"[{seen[row[position]]}]"}
                )
            seen[row[position]] = index

    def _clean_entry(self, where: str, entry: Any) -> tuple:
        if not isinstance(entry, dict):
            raise ValidationError(f"{where}: {_('must be an object')}")
        for name, message in name_problems(entry, self.entries).items():
            raise ValidationError(f"{where}: {name}: {message}")
        values = []
        for name, field in self.entries.items():
            try:
                values.append(field.parse(entry.get(name)))
            except ValidationError as error:
                raise ValidationError(f"{where}: {name}: {' '.join(error.messages)}") from None
        return tuple(values)

    def load(self, objects: list[models.Model]) -> None:
        rows = (
            self.row_model._default_manager.filter(**{f"{self.parent}__in": [obj.pk for obj in objects]})
            .order_by(self.parent, "position", "pk")
            .only(self.parent, *(field.model_field.name for field in self.entries.values()))
        )
        current: dict[int, list] = {}
        for row in rows:
            current.setdefault(getattr(row, self.parent), []).append(
                tuple(field.get(row) for field in self.entries.values())
            )
        self.current = {pk: tuple(entries) for pk, entries in current.items()}

    def get(self, obj: models.Model) -> tuple:
        return self.current.get(obj.pk, ())

    def save_related(self, changes: list[tuple[models.Model, tuple]]) -> None:
        """Replace the rows of the changed objects (which all have ids by now)."""
        manager = self.row_model._default_manager
        manager.filter(**{f"{self.parent}__in": [obj.pk for obj, _value in changes]}).delete()
        rows = []
        for obj, entries in changes:
            for position, values in enumerate(entries, start=1):
                row = self.row_model(**{self.parent: obj.pk, "position": position})
                for field, value in zip(self.entries.values(), values, strict=True):
                    field.set(row, value)
                rows.append(row)
        manager.bulk_create(rows, batch_size=1000)

    def to_json(self, value: tuple) -> list[dict[str, Any]]:
        fields = self.entries.items()
        return [
            {name: field.to_json(item) for (name, field), item in zip(fields, values, strict=True)}
            for values in value
        ]


class KeyedEntryList(EntryList):
    """Like EntryList, but every entry has its own `key`, unique within the object, and the order of the list
    carries no meaning: entries are compared and exported in key order. E.g. an offer's `occurrences`.

    An import updates the row of a key that stays in place (it keeps its id, so whatever refers to the row
    stays attached), adds the new keys and deletes the rows whose keys the object no longer lists. Each
    entry field's `check` runs against the entry's other values; `distinct` names more entry fields that
    no two entries may share (e.g. a start time). Errors name an entry by position and key.
    """

    def __init__(self, entries: dict[str, Field], *, distinct: tuple[str, ...] = (), **kwargs):
        super().__init__(entries, unique="key", **kwargs)
        self.distinct = distinct

    def _where(self, index: int, entry: Any) -> str:
        key = entry.get("key") if isinstance(entry, dict) else None
        return f"[{index}] key={key.strip()}" if isinstance(key, str) else f"[{index}]"

    def _sorted(self, rows) -> tuple[tuple, ...]:
        position = list(self.entries).index("key")
        return tuple(sorted(rows, key=lambda row: row[position]))

    def clean(self, value: Any) -> tuple[tuple, ...]:
        rows = super().clean(value)
        for index, row in enumerate(rows):
            values = dict(zip(self.entries, row, strict=True))
            for name, field in self.entries.items():
                try:
                    field.check(values[name], values)
                except ValidationError as error:
                    raise ValidationError(
                        f"{self._where(index, value[index])}: {name}: {' '.join(error.messages)}"
                    ) from None
        for name in self.distinct:
            self._refuse_shared(name, value, rows)
        return self._sorted(rows)

    def load(self, objects: list[models.Model]) -> None:
        rows = self.row_model._default_manager.filter(
            **{f"{self.parent}__in": [obj.pk for obj in objects]}
        ).only(self.parent, *(field.model_field.name for field in self.entries.values()))
        current: dict[int, list] = {}
        for row in rows:
            current.setdefault(getattr(row, self.parent), []).append(
                tuple(field.get(row) for field in self.entries.values())
            )
        self.current = {pk: self._sorted(entries) for pk, entries in current.items()}

    def save_related(self, changes: list[tuple[models.Model, tuple]]) -> None:
        """Update, add and delete the rows of the changed objects by key (the objects all have ids by now)."""
        manager = self.row_model._default_manager
        fields = list(self.entries.values())
        rows = {
            (getattr(row, self.parent), row.key): row
            for row in manager.filter(**{f"{self.parent}__in": [obj.pk for obj, _value in changes]})
        }
        key_at = list(self.entries).index("key")
        created, updated, kept = [], [], set()
        for obj, entries in changes:
            for values in entries:
                row = rows.get((obj.pk, values[key_at]))
                if row is None:
                    row = self.row_model(**{self.parent: obj.pk})
                    created.append(row)
                else:
                    kept.add(row.pk)
                    if tuple(field.get(row) for field in fields) == values:
                        continue
                    updated.append(row)
                for field, value in zip(fields, values, strict=True):
                    field.set(row, value)
        manager.filter(pk__in=[row.pk for row in rows.values() if row.pk not in kept]).delete()
        manager.bulk_update(updated, [field.model_field.name for field in fields], batch_size=500)
        manager.bulk_create(created, batch_size=1000)
