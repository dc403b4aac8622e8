"""Danish text: the day-care grade level is "Dagtilbud (0–6 år)" with an en dash, as offers/data/grade_levels.csv
now says (databases migrated before the CSV changed still have a hyphen). The coverage page itself needs no
table: it reads municipalities/data/curriculum.csv (see municipalities/coverage.py)."""

from django.db import migrations


def en_dash(apps, schema_editor):
    apps.get_model("offers", "GradeLevel").objects.filter(slug="dagtilbud").update(name="Dagtilbud (0–6 år)")


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0006_schools_transport"),
        ("offers", "0002_reference_data"),
    ]

    operations = [migrations.RunPython(en_dash, migrations.RunPython.noop)]
