"""Regions, the 98 municipalities and the schools, from the CSV files in municipalities/data/."""

from pathlib import Path

from django.db import migrations

from portal.reference import read_csv, upsert
from portal.text import danish_slugify

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    Region = apps.get_model("municipalities", "Region")
    Municipality = apps.get_model("municipalities", "Municipality")
    School = apps.get_model("municipalities", "School")

    upsert(
        Region,
        "code",
        [
            {"code": r["code"], "name": r["name"], "slug": danish_slugify(r["name"])}
            for r in read_csv(DATA / "regions.csv")
        ],
    )
    regions = {r.code: r for r in Region.objects.all()}
    upsert(
        Municipality,
        "code",
        [
            {
                "code": r["code"],
                "name": r["name"],
                "slug": danish_slugify(r["name"]),
                "region": regions[r["region_code"]],
            }
            for r in read_csv(DATA / "municipalities.csv")
        ],
    )
    municipalities = {m.code: m for m in Municipality.objects.all()}
    existing = set(School.objects.values_list("key", flat=True))
    fields = ["name", "kind", "address", "postcode", "cvr", "ean"]
    School.objects.bulk_create(
        [
            School(
                key=r["key"], municipality=municipalities.get(r["municipality"]), **{f: r[f] for f in fields}
            )
            for r in read_csv(DATA / "schools.csv")
            if r["key"] not in existing
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
