"""A municipal site's selection is part of what its search counts: its tables advance the catalogue
version too (see offers 0006)."""

from django.db import migrations

TABLES = ["municipalities_municipalsite", "municipalities_featuredoffer", "municipalities_municipalsite_extra_offers"]

TRIGGER = """
CREATE TRIGGER offers_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
  FOR EACH STATEMENT EXECUTE FUNCTION offers_catalogue_changed();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0004_consultants_group"),
        ("offers", "0006_catalogue_version"),
    ]

    operations = [
        migrations.RunSQL(
            "".join(TRIGGER.format(table=table) for table in TABLES),
            "".join(f"DROP TRIGGER offers_catalogue_changed ON {table};\n" for table in TABLES),
        )
    ]
