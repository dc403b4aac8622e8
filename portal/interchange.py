"""The interchange format `aabenskole-portal/1`: reading, checking, importing and exporting a document.

This module owns the document as a whole: the `"format"` line, unknown sections, collecting every error,
the one transaction of an import and the assembly of an export. Each app owns its sections in
`<app>/interchange.py`; `SECTIONS` lists them in dependency order (a section may refer to the ones
before it), so adding a section is one line here.

Writing a section (read offers/interchange.py for a complete one)::

    class ProviderSection(SlugFromKey):     # a new object's slug is its key; else subclass Section
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
portal/interchange_fields.py (Text, Key, Html, Boolean, Integer, Float, Date, LocalDateTime, TextList,
Ref, RefList, EntryList, KeyedEntryList). A missing field or `null` stores the model field's default ("", None, [] or e.g. status
"draft"): an object in a document is the whole of that object's format fields. Model fields a section does
not list are portal-only: an import never changes them, an export never writes them. Validation is
strict about JSON types and reuses the model field's validators; a new rule is a `validators=[...]`
argument or a new Field subclass (`clean`, and for values stored outside the row `load` and
`save_related`). A field made with `keep_when_absent=True` (the optional additions to version 1) keeps the
stored value when the document leaves it out or gives null. Hooks a section may override:

- `queryset()`: the objects an export writes and an import matches by key (default: all).
- `new_object(values)`: the unsaved object an import creates for a new key (e.g. to set a slug).

The import checks every section first and writes nothing unless the whole document is valid; then each
section upserts in bulk: new keys are created, objects whose values differ are updated (their `auto_now`
fields are bumped), equal ones are counted as unchanged and not written. References by key may point
to objects that the same document creates in an earlier section.
"""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass
from functools import cached_property, wraps
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, models, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from portal.interchange_fields import KEEP, Field, JSONObject, name_problems

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
                    problems[self.key] = _("appears more than once (also at %(where)s)") % {
                        "where": f"{self.name}[{seen[values[self.key]]}]"
                    }
                seen.setdefault(values[self.key], index)
            errors.extend(f"{where}: {name}: {message}" for name, message in problems.items())
            if not problems:
                cleaned.append(values)
        return cleaned

    def clean_item(self, item: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        values, problems = {}, name_problems(item, self.fields)
        for name, field in self.fields.items():
            if field.keep_when_absent and item.get(name) is None:
                values[name] = KEEP
                continue
            try:
                values[name] = field.parse(item.get(name))
            except ValidationError as error:
                problems.setdefault(name, " ".join(error.messages))
        for name, field in self.fields.items():
            if name not in problems and values[name] is not KEEP:
                try:
                    field.check(values[name], values)
                except ValidationError as error:
                    problems[name] = " ".join(error.messages)
        return values, problems

    def _load(self, queryset: models.QuerySet) -> list[models.Model]:
        objects = list(queryset)
        for field in self.fields.values():
            if not field.stored_in_row:
                field.load(objects)
        return objects

    def save(self, items: list[dict[str, Any]]) -> Counts:
        """Create new keys, update objects whose values differ, leave the rest alone."""
        key = self.fields[self.key]
        matching = self.queryset().filter(key.lookup([values[self.key] for values in items]))
        existing = {key.get(obj): obj for obj in self._load(matching)}
        counts = Counts()
        created, updated, row_changes = [], [], set()
        related_changes = {name: [] for name, field in self.fields.items() if not field.stored_in_row}
        for values in items:
            obj = existing.get(values[self.key])
            if obj is None:
                obj = self.new_object(values)
                changed = [name for name in self.fields if values[name] is not KEEP]
                created.append(obj)
            else:
                changed = [
                    name
                    for name, field in self.fields.items()
                    if values[name] is not KEEP and field.get(obj) != values[name]
                ]
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
            if fields:
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
            for obj in self._load(self.queryset())
        ]
        return sorted(rows, key=lambda row: row[self.key])


class SlugFromKey(Section):
    """A new object's page address (slug) is its key, made unique with -2, -3 …; it never changes later.

    `reserved_slugs` are paths of other pages that no object may take.
    """

    reserved_slugs: ClassVar[frozenset[str]] = frozenset()

    @cached_property
    def taken_slugs(self) -> set[str]:
        return set(self.model._default_manager.values_list("slug", flat=True)) | self.reserved_slugs

    def new_object(self, values: dict[str, Any]) -> models.Model:
        max_length = self.model._meta.get_field("slug").max_length
        slug, number = values[self.key], 1
        while slug in self.taken_slugs:
            number += 1
            suffix = f"-{number}"
            slug = values[self.key][: max_length - len(suffix)] + suffix
        self.taken_slugs.add(slug)
        return self.model(slug=slug)


def _without_cycle_collection(function):
    """Run `function` with Python's cycle collector paused.

    A large document is millions of long-lived objects (50,000 offers: the parsed JSON, the cleaned values,
    the model instances); the collector would scan them all over and over as they pile up, which tripled
    the time of an import. Reference counting still frees everything that is not a cycle, and the
    collector runs again afterwards.
    """

    @wraps(function)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


def _sections(refs: References) -> list[Section]:
    return [import_string(path)(refs) for path in SECTIONS]


@_without_cycle_collection
def read_document(path: str) -> Any:
    """The parsed JSON of the file at `path` (objects as JSONObject, so repeated names can be reported)."""
    try:
        with open(path, encoding="utf-8-sig") as file:
            return json.load(file, object_pairs_hook=JSONObject.from_pairs)
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
    except RecursionError:
        message = _("%(path)s: is nested too deeply to be an interchange document") % {"path": path}
    raise InterchangeError([message])


# The PostgreSQL advisory lock that serialises imports ("aabenimp" as a number; any constant would do).
IMPORT_LOCK_ID = int.from_bytes(b"aabenimp", "big")


def _claim_import_lock() -> None:
    """Make this transaction the only import; another import that runs now fails at once, writing nothing
    (two imports at once could leave an offer in a state neither document describes). Imports are bulk
    work: the web's statement timeout does not apply to them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK_ID])
        if not cursor.fetchone()[0]:
            raise InterchangeError(
                [_("another import is running; nothing was written. Try again when it has finished.")]
            )
        cursor.execute("SET LOCAL statement_timeout = 0")


@_without_cycle_collection
def import_document(document: Any) -> dict[str, Counts]:
    """Check the whole document, then upsert every section in one transaction; counts per section.

    A section that is left out or `null` is not given: its objects in the portal are left alone. One import
    at a time (`_claim_import_lock`), checked and written in the same transaction.
    """
    if not isinstance(document, dict):
        raise InterchangeError([_('the document must be a JSON object with "format": "%s"') % FORMAT])
    with transaction.atomic():
        _claim_import_lock()
        return _check_and_save(document)


def _check_and_save(document: dict) -> dict[str, Counts]:
    errors = []
    if document.get("format") != FORMAT:
        errors.append("format: " + _("must be %s") % json.dumps(FORMAT))
    refs = References()
    sections = _sections(refs)
    names = [section.name for section in sections]
    for name, problem in name_problems(document, ["format", *names]).items():
        if name not in ["format", *names]:
            problem = _("unknown section (known: %s)") % ", ".join(names)
        errors.append(f"{name}: {problem}")
    present = [section for section in sections if document.get(section.name) is not None]
    for section in present:
        section.declare(document[section.name])
    cleaned = {section.name: section.clean(document[section.name], errors) for section in present}
    if errors:
        raise InterchangeError(errors)
    try:
        with transaction.atomic():
            return {section.name: section.save(cleaned[section.name]) for section in present}
    except DatabaseError as error:
        # Every rule of the database is checked above; this is the last line of defence (e.g. another
        # process wrote the same key at the same moment). The transaction was rolled back.
        raise InterchangeError(
            [
                _("the database refused the import, nothing was written: %s")
                % str(error).strip().splitlines()[0]
            ]
        ) from error


@_without_cycle_collection
def export_document() -> dict[str, Any]:
    """Every object of every section, in dependency order, each list ordered by key."""
    return {"format": FORMAT, **{section.name: section.export() for section in _sections(References())}}


def dump_document(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
