"""The interchange format `aabenskole-portal/1`: reading, checking, importing and exporting a document.

This module owns the document as a whole: the `"format"` line, unknown sections, collecting every error,
the one transaction of an import and the assembly of an export. Each app owns its sections in
`<app>/interchange.py`; `SECTIONS` lists them in dependency order (a section may refer to the ones
before it), so adding a section is one line here.

Writing a section (read offers/interchange.py for a complete one)::

    class ProviderSection(Section):
        name = "providers"                  # top-level key in the document
        model = Provider
        key = "key"                         # the field that identifies an object (the default)
        fields = {                          # JSON field -> Field; also the order of an export
            "key": Key(),
            "name": Text(required=True),
            "municipality": Ref(Municipality, "code"),
            "postcode": Text(validators=[POSTCODE]),
            ...
        }

Each JSON field is stored in the model field of the same name; the field types are in
portal/interchange_fields.py (Text, Key, Html, Integer, Float, Date, TextList, Ref, RefList). A missing
field or `null` stores the model field's default ("", None, [] or e.g. status "draft"). Validation is
strict about JSON types and reuses the model field's validators; a new rule is a `validators=[...]`
argument or a new Field subclass (`clean`, and for values stored outside the row `load` and
`save_related`). Hooks a section may override:

- `queryset()`: the objects an export writes and an import matches by key (default: all).
- `new_object(values)`: the unsaved object an import creates for a new key (e.g. to set a slug).

The import checks every section first and writes nothing unless the whole document is valid; then each
section upserts in bulk: new keys are created, objects whose values differ are updated (their `auto_now`
fields are bumped), equal ones are counted as unchanged and not written. References by key may point
to objects that the same document creates in an earlier section.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from portal.interchange_fields import Field

FORMAT = "aabenskole-portal/1"

SECTIONS = [
    "municipalities.interchange.SchoolSection",
    "offers.interchange.ProviderSection",
    "offers.interchange.OfferSection",
    "municipalities.interchange.MunicipalSiteSection",
    "partnerships.interchange.PartnershipSection",
]


class InterchangeError(Exception):
    """The document cannot be read or imported; `messages` says why, one line per problem."""

    def __init__(self, messages: list[str]):
        # A lone surrogate from the JSON would make printing the message fail; show it escaped.
        self.messages = [message.encode("utf-8", "backslashreplace").decode("utf-8") for message in messages]
        super().__init__("\n".join(self.messages))


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class References:
    """Stable identifier <-> primary key of the objects a document can refer to, loaded once per model."""

    def __init__(self):
        self._maps: dict[tuple, tuple[dict, dict, dict]] = {}
        self._declared: dict[tuple, set] = {}

    def _load(self, model: type[models.Model], field: str) -> tuple[dict, dict, dict]:
        if (model, field) not in self._maps:
            rows = model._default_manager.order_by(*model._meta.ordering, field).values_list(field, "pk")
            ids = dict(rows.iterator(chunk_size=10_000))
            ranks = {identifier: rank for rank, identifier in enumerate(ids)}
            self._maps[model, field] = ids, {pk: identifier for identifier, pk in ids.items()}, ranks
        return self._maps[model, field]

    def ids(self, model: type[models.Model], field: str) -> dict[Any, int]:
        return self._load(model, field)[0]

    def pk(self, model: type[models.Model], field: str, identifier: Any) -> int:
        return self.ids(model, field)[identifier]

    def identifier(self, model: type[models.Model], field: str, pk: int) -> Any:
        return self._load(model, field)[1][pk]

    def rank(self, model: type[models.Model], field: str) -> dict[Any, int]:
        """Position of each identifier in the model's ordering: the order of lists in an export."""
        return self._load(model, field)[2]

    def declare(self, model: type[models.Model], field: str, identifiers: set) -> None:
        """Identifiers the document itself is about to create, so references to them are valid."""
        self._declared.setdefault((model, field), set()).update(identifiers)

    def exists(self, model: type[models.Model], field: str, identifier: Any) -> bool:
        return identifier in self.ids(model, field) or identifier in self._declared.get((model, field), ())

    def forget(self, model: type[models.Model]) -> None:
        """Reload `model` on next use (after a section wrote to it)."""
        self._maps = {pair: maps for pair, maps in self._maps.items() if pair[0] is not model}


class Section:
    """One top-level list of the document, one model: checks, upserts and exports its objects."""

    name: ClassVar[str]
    model: ClassVar[type[models.Model]]
    key: ClassVar[str] = "key"
    fields: dict[str, Field]

    def __init__(self, refs: References):
        self.refs = refs
        self.fields = {name: field.bind(self.model, name, refs) for name, field in type(self).fields.items()}

    def queryset(self) -> models.QuerySet:
        row_fields = [field.model_field.name for field in self.fields.values() if field.stored_in_row]
        return self.model._default_manager.only("pk", *row_fields)

    def new_object(self, values: dict[str, Any]) -> models.Model:
        return self.model()

    def declare(self, items: Any) -> None:
        if isinstance(items, list):
            keys = {
                item[self.key]
                for item in items
                if isinstance(item, dict) and isinstance(item.get(self.key), str)
            }
            self.refs.declare(self.model, self.key, {key.strip() for key in keys})

    def clean(self, items: Any, errors: list[str]) -> list[dict[str, Any]]:
        """The valid items of the section, as values to store; each problem is appended to `errors`."""
        if not isinstance(items, list):
            errors.append(f"{self.name}: " + _("must be a list of objects"))
            return []
        cleaned, seen = [], {}
        for index, item in enumerate(items):
            where = f"{self.name}[{index}]"
            if not isinstance(item, dict):
                errors.append(f"{where}: " + _("must be an object"))
                continue
            if isinstance(item.get(self.key), str | int) and not isinstance(item[self.key], bool):
                where += f" {self.key}={str(item[self.key]).strip()}"
            values, problems = self.clean_item(item)
            if self.key not in problems:
                if values[self.key] in seen:
                    problems[self.key] = _("appears more than once (also at %(section)s[%(index)s])") % {
                        "section": self.name,
                        "index": seen[values[self.key]],
                    }
                seen.setdefault(values[self.key], index)
            errors.extend(f"{where}: {name}: {message}" for name, message in problems.items())
            if not problems:
                cleaned.append(values)
        return cleaned

    def clean_item(self, item: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        values, problems = {}, {}
        for name in sorted(item.keys() - self.fields.keys()):
            problems[name] = _("unknown field")
        for name, field in self.fields.items():
            value = item.get(name)
            try:
                values[name] = field.empty if value is None else field.clean(value)
                if field.required and values[name] in (None, "", frozenset()):
                    raise ValidationError(_("is required"))
            except ValidationError as error:
                problems[name] = " ".join(error.messages)
        for name, field in self.fields.items():
            if name not in problems:
                try:
                    field.check(values[name], values)
                except ValidationError as error:
                    problems[name] = " ".join(error.messages)
        return values, problems

    def _load(self) -> list[models.Model]:
        objects = list(self.queryset())
        for field in self.fields.values():
            if not field.stored_in_row:
                field.load(objects)
        return objects

    def save(self, items: list[dict[str, Any]]) -> Counts:
        """Create new keys, update objects whose values differ, leave the rest alone."""
        key = self.fields[self.key]
        existing = {key.get(obj): obj for obj in self._load()}
        counts = Counts()
        created, updated, row_changes = [], [], set()
        related_changes = {name: [] for name, field in self.fields.items() if not field.stored_in_row}
        for values in items:
            obj = existing.get(values[self.key])
            if obj is None:
                obj = self.new_object(values)
                changed = list(self.fields)
                created.append(obj)
            else:
                changed = [name for name, field in self.fields.items() if field.get(obj) != values[name]]
                if not changed:
                    counts.unchanged += 1
                    continue
                updated.append(obj)
            for name in changed:
                field = self.fields[name]
                if field.stored_in_row:
                    field.set(obj, values[name])
                    row_changes.add(field.model_field.name)
                else:
                    related_changes[name].append((obj, values[name]))
        self.model._default_manager.bulk_create(created, batch_size=1000)
        if updated:
            stamps = [
                field for field in self.model._meta.concrete_fields if getattr(field, "auto_now", False)
            ]
            for obj in updated:
                for stamp in stamps:
                    stamp.pre_save(obj, add=False)
            fields = sorted(row_changes | {stamp.name for stamp in stamps})
            self.model._default_manager.bulk_update(updated, fields, batch_size=500)
        for name, changes in related_changes.items():
            if changes:
                self.fields[name].save_related(changes)
        self.refs.forget(self.model)
        counts.created, counts.updated = len(created), len(updated)
        return counts

    def export(self) -> list[dict[str, Any]]:
        rows = [
            {name: field.to_json(field.get(obj)) for name, field in self.fields.items()}
            for obj in self._load()
        ]
        return sorted(rows, key=lambda row: row[self.key])


def _sections(refs: References) -> list[Section]:
    return [import_string(path)(refs) for path in SECTIONS]


def read_document(path: str) -> Any:
    """The parsed JSON of the file at `path`."""
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except FileNotFoundError:
        message = _("%(path)s: no such file") % {"path": path}
    except OSError as error:
        message = _("%(path)s: cannot be read (%(error)s)") % {"path": path, "error": error.strerror}
    except UnicodeDecodeError:
        message = _("%(path)s: is not UTF-8 text") % {"path": path}
    except json.JSONDecodeError as error:
        message = _("%(path)s: is not valid JSON: %(error)s at line %(line)s, column %(column)s") % {
            "path": path,
            "error": error.msg,
            "line": error.lineno,
            "column": error.colno,
        }
    raise InterchangeError([message])


def import_document(document: Any) -> dict[str, Counts]:
    """Check the whole document, then upsert every section in one transaction; counts per section."""
    if not isinstance(document, dict):
        raise InterchangeError([_('the document must be a JSON object with "format": "%s"') % FORMAT])
    errors = []
    if document.get("format") != FORMAT:
        errors.append("format: " + _("must be %s") % json.dumps(FORMAT))
    refs = References()
    sections = _sections(refs)
    names = [section.name for section in sections]
    for name in sorted(document.keys() - {"format", *names}):
        errors.append(f"{name}: " + _("unknown section (known: %s)") % ", ".join(names))
    present = [section for section in sections if section.name in document]
    for section in present:
        section.declare(document[section.name])
    cleaned = {section.name: section.clean(document[section.name], errors) for section in present}
    if errors:
        raise InterchangeError(errors)
    with transaction.atomic():
        return {section.name: section.save(cleaned[section.name]) for section in present}


def export_document() -> dict[str, Any]:
    """Every object of every section, in dependency order, each list ordered by key."""
    return {"format": FORMAT, **{section.name: section.export() for section in _sections(References())}}


def dump_document(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
