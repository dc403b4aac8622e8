"""Loading the reference data shipped as CSV files inside the apps (used by data migrations)."""

import csv
from pathlib import Path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(f)]


def upsert(model, key: str, rows: list[dict]) -> None:
    """Create or update one object per row, matched on `key`; rows already present are updated."""
    for row in rows:
        values = dict(row)
        model.objects.update_or_create(**{key: values.pop(key)}, defaults=values)
