"""Subjects, grade levels and the 17 SDGs, from the CSV files in offers/data/."""

from pathlib import Path

from django.db import migrations

from portal.reference import read_csv, upsert

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    upsert(apps.get_model("offers", "Subject"), "slug", read_csv(DATA / "subjects.csv"))
    upsert(
        apps.get_model("offers", "GradeLevel"),
        "slug",
        [{**r, "order": int(r["order"])} for r in read_csv(DATA / "grade_levels.csv")],
    )
    upsert(
        apps.get_model("offers", "SDG"),
        "number",
        [{**r, "number": int(r["number"])} for r in read_csv(DATA / "sdgs.csv")],
    )


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
