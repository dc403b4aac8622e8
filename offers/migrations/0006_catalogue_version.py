"""A catalogue version for caching search counts: a sequence that every statement writing offers, their
links or learning places advances (municipal sites add their tables in municipalities 0005).

A sequence, not a counter row: nextval() is never rolled back and takes no row lock, so writers never wait
for each other and a version once used is never used again for other data.
"""

from django.db import migrations

TABLES = ["offers_offer", "offers_offer_subjects", "offers_offer_grades", "offers_offer_sdgs", "offers_provider"]

FUNCTION = r"""
CREATE SEQUENCE offers_catalogue_version;

CREATE FUNCTION offers_catalogue_changed() RETURNS trigger AS $$
BEGIN
  PERFORM nextval('offers_catalogue_version');
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

TRIGGER = """
CREATE TRIGGER offers_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
  FOR EACH STATEMENT EXECUTE FUNCTION offers_catalogue_changed();
"""

FORWARD = FUNCTION + "".join(TRIGGER.format(table=table) for table in TABLES)
BACKWARD = "".join(f"DROP TRIGGER offers_catalogue_changed ON {table};\n" for table in TABLES) + (
    "DROP FUNCTION offers_catalogue_changed();\nDROP SEQUENCE offers_catalogue_version;\n"
)


class Migration(migrations.Migration):
    dependencies = [("offers", "0005_search_subjects_and_places")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
