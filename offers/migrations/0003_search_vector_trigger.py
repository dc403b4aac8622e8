"""Keep Offer.search_vector current in the database, whatever writes the row (admin, import,
bulk_create, raw SQL), and refresh it when a provider is renamed.

Weights: title A; summary and themes B; description (tags stripped) C; provider name D.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARD = r"""
CREATE FUNCTION offers_offer_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('danish', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('danish', coalesce(NEW.summary, '') || ' ' || array_to_string(NEW.themes, ' ')), 'B') ||
    setweight(to_tsvector('danish', regexp_replace(coalesce(NEW.description, ''), '<[^>]*>', ' ', 'g')), 'C') ||
    setweight(to_tsvector('danish', coalesce((SELECT name FROM offers_provider WHERE id = NEW.provider_id), '')), 'D');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_offer_search_vector_update
  BEFORE INSERT OR UPDATE OF title, summary, themes, description, provider_id ON offers_offer
  FOR EACH ROW EXECUTE FUNCTION offers_offer_search_vector();

CREATE FUNCTION offers_provider_renamed() RETURNS trigger AS $$
BEGIN
  UPDATE offers_offer SET title = title WHERE provider_id = NEW.id;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_provider_renamed
  AFTER UPDATE OF name ON offers_provider
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION offers_provider_renamed();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS offers_provider_renamed ON offers_provider;
DROP FUNCTION IF EXISTS offers_provider_renamed();
DROP TRIGGER IF EXISTS offers_offer_search_vector_update ON offers_offer;
DROP FUNCTION IF EXISTS offers_offer_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [("offers", "0002_reference_data")]
    operations = [
        TrigramExtension(),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
