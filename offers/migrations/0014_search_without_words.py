"""Indexes for searches without words at 50,000 offers (issues 12 and 13: distance and dates).

- ``offer_published_facets`` covers the published offers' facet values. A search without words reads
  every published offer's values (the date filters, "ledige datoer", the distance bands and "transport
  covered" from a chosen school; offers.search_engine); from this index PostgreSQL reads them without
  visiting the table, whose rows also hold the texts and the search vector: at 50,000 offers about 8 MB
  instead of 92 MB, 5 ms instead of 40 ms for a pass over the published offers.
- ``offers_placecount``: how many published offers each learning place has, apart for those that need no
  travel, kept per statement by a trigger like offers_facetcount (migration 0007): the distance bands from
  a chosen school then take one distance per place and no pass over the offers (about 8 ms instead of 45).
- ``occurrence_open_span`` finds the open dates that take place in a day or period (the overlap of
  [starts, ends) with it; OccurrenceQuerySet.in_period()): about 3 ms for a day at 450,000 dates, where
  the index on the start read every date from now to that day (about 25 ms).
"""

import django.contrib.postgres.fields.ranges
import django.contrib.postgres.indexes
from django.db import migrations, models

# offers.distance.NO_TRAVEL_FORMATS, as it was when this migration was written.
NO_TRAVEL = "format IN ('outreach', 'online', 'material')"

FORWARD = f"""
-- Adds the published offers of ``changed`` (with ``sign`` 1 or -1) to their places' counts, in a fixed
-- order so that concurrent writers lock rows in the same order, and forgets places without offers.
CREATE FUNCTION offers_placecount_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO offers_placecount AS t (provider_id, no_travel, offers)
    SELECT provider_id, {NO_TRAVEL}, count(*) FROM new_offers WHERE status = 'published'
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (provider_id, no_travel) DO UPDATE SET offers = t.offers + EXCLUDED.offers;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO offers_placecount AS t (provider_id, no_travel, offers)
    SELECT provider_id, {NO_TRAVEL}, -count(*) FROM old_offers WHERE status = 'published'
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (provider_id, no_travel) DO UPDATE SET offers = t.offers + EXCLUDED.offers;
  ELSE
    INSERT INTO offers_placecount AS t (provider_id, no_travel, offers)
    SELECT provider_id, no_travel, sum(d) FROM (
      SELECT provider_id, {NO_TRAVEL} AS no_travel, -1 AS d FROM old_offers WHERE status = 'published'
      UNION ALL
      SELECT provider_id, {NO_TRAVEL}, 1 FROM new_offers WHERE status = 'published'
    ) c GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT (provider_id, no_travel) DO UPDATE SET offers = t.offers + EXCLUDED.offers;
  END IF;
  DELETE FROM offers_placecount WHERE offers = 0;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_placecount_inserted
  AFTER INSERT ON offers_offer REFERENCING NEW TABLE AS new_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_placecount_changed();
CREATE TRIGGER offers_placecount_updated
  AFTER UPDATE ON offers_offer REFERENCING OLD TABLE AS old_offers NEW TABLE AS new_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_placecount_changed();
CREATE TRIGGER offers_placecount_deleted
  AFTER DELETE ON offers_offer REFERENCING OLD TABLE AS old_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_placecount_changed();

INSERT INTO offers_placecount (provider_id, no_travel, offers)
SELECT provider_id, {NO_TRAVEL}, count(*) FROM offers_offer WHERE status = 'published' GROUP BY 1, 2 ORDER BY 1, 2;
"""

BACKWARD = """
DROP TRIGGER offers_placecount_deleted ON offers_offer;
DROP TRIGGER offers_placecount_updated ON offers_offer;
DROP TRIGGER offers_placecount_inserted ON offers_offer;
DROP FUNCTION offers_placecount_changed();
"""


class Migration(migrations.Migration):
    dependencies = [("offers", "0013_similar_words_index")]

    operations = [
        migrations.CreateModel(
            name="PlaceCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("provider_id", models.IntegerField(verbose_name="learning place")),
                ("no_travel", models.BooleanField(verbose_name="needs no travel")),
                ("offers", models.IntegerField(default=0, verbose_name="published offers")),
            ],
            options={
                "verbose_name": "offers per learning place",
                "verbose_name_plural": "offers per learning place",
                "constraints": [
                    models.UniqueConstraint(fields=("provider_id", "no_travel"), name="offer_placecount_unique")
                ],
            },
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.AddIndex(
            model_name="offer",
            index=models.Index(
                condition=models.Q(status="published"),
                fields=["created", "id"],
                include=[
                    "provider",
                    "format",
                    "price_dkk",
                    "available_from",
                    "available_to",
                    "facet_subjects",
                    "facet_grades",
                    "facet_sdgs",
                    "facet_region",
                    "facet_municipality",
                    "facet_kind",
                ],
                name="offer_published_facets",
            ),
        ),
        migrations.AddIndex(
            model_name="occurrence",
            index=django.contrib.postgres.indexes.GistIndex(
                models.Func(
                    models.F("starts"),
                    models.F("ends"),
                    function="tstzrange",
                    output_field=django.contrib.postgres.fields.ranges.DateTimeRangeField(),
                ),
                condition=models.Q(status="open"),
                name="occurrence_open_span",
            ),
        ),
    ]
