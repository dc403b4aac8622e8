"""Teachers search with subject and place names ("natur lejre", "historie odense"): add the offer's subject
names (weight C) and its learning place's city and municipality (weight D, beside the place's name) to the
search vector, and keep it current when subjects are linked or unlinked, a subject is renamed, or a learning
place changes name, city or municipality.

The link triggers are statement-level with transition tables, so a bulk import refreshes each offer once per
statement, not once per row.
"""

from django.db import migrations

VECTOR_WITH_SUBJECTS_AND_PLACE = r"""
CREATE OR REPLACE FUNCTION offers_offer_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('danish', offers_fold(coalesce(NEW.title, ''))), 'A') ||
    setweight(to_tsvector('danish', offers_fold(coalesce(NEW.summary, '') || ' ' || array_to_string(NEW.themes, ' '))), 'B') ||
    setweight(to_tsvector('danish', offers_fold(offers_strip_html(NEW.description) || ' ' || coalesce(
      (SELECT string_agg(s.name, ' ') FROM offers_offer_subjects os JOIN offers_subject s ON s.id = os.subject_id
       WHERE os.offer_id = NEW.id), ''))), 'C') ||
    setweight(to_tsvector('danish', offers_fold(coalesce(
      (SELECT concat_ws(' ', p.name, p.city, m.name) FROM offers_provider p
       LEFT JOIN municipalities_municipality m ON m.id = p.municipality_id WHERE p.id = NEW.provider_id), ''))), 'D');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""

FORWARD = (
    VECTOR_WITH_SUBJECTS_AND_PLACE
    + r"""
CREATE FUNCTION offers_offer_subjects_changed() RETURNS trigger AS $$
BEGIN
  UPDATE offers_offer SET title = title WHERE id IN (SELECT offer_id FROM changed_links);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_offer_subjects_inserted
  AFTER INSERT ON offers_offer_subjects REFERENCING NEW TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_subjects_changed();

CREATE TRIGGER offers_offer_subjects_deleted
  AFTER DELETE ON offers_offer_subjects REFERENCING OLD TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_subjects_changed();

CREATE FUNCTION offers_subject_renamed() RETURNS trigger AS $$
BEGIN
  UPDATE offers_offer SET title = title
  WHERE id IN (SELECT offer_id FROM offers_offer_subjects WHERE subject_id = NEW.id);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_subject_renamed
  AFTER UPDATE OF name ON offers_subject
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION offers_subject_renamed();

DROP TRIGGER offers_provider_renamed ON offers_provider;
CREATE TRIGGER offers_provider_renamed
  AFTER UPDATE OF name, city, municipality_id ON offers_provider
  FOR EACH ROW WHEN ((OLD.name, OLD.city, OLD.municipality_id) IS DISTINCT FROM (NEW.name, NEW.city, NEW.municipality_id))
  EXECUTE FUNCTION offers_provider_renamed();

UPDATE offers_offer SET title = title;
"""
)

BACKWARD = r"""
DROP TRIGGER offers_provider_renamed ON offers_provider;
CREATE TRIGGER offers_provider_renamed
  AFTER UPDATE OF name ON offers_provider
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION offers_provider_renamed();

DROP TRIGGER offers_subject_renamed ON offers_subject;
DROP FUNCTION offers_subject_renamed();
DROP TRIGGER offers_offer_subjects_deleted ON offers_offer_subjects;
DROP TRIGGER offers_offer_subjects_inserted ON offers_offer_subjects;
DROP FUNCTION offers_offer_subjects_changed();

CREATE OR REPLACE FUNCTION offers_offer_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('danish', offers_fold(coalesce(NEW.title, ''))), 'A') ||
    setweight(to_tsvector('danish', offers_fold(coalesce(NEW.summary, '') || ' ' || array_to_string(NEW.themes, ' '))), 'B') ||
    setweight(to_tsvector('danish', offers_fold(offers_strip_html(NEW.description))), 'C') ||
    setweight(to_tsvector('danish', offers_fold(coalesce((SELECT name FROM offers_provider WHERE id = NEW.provider_id), ''))), 'D');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

UPDATE offers_offer SET title = title;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0004_search_quality"),
        ("municipalities", "0001_initial"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
