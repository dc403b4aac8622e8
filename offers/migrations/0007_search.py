"""The search reworked for speed and for Danish (issues 9, 10 and 11).

- Facet values on the offer row: ``facet_subjects``, ``facet_grades``, ``facet_sdgs`` (id arrays, GIN
  indexed) and ``facet_municipality``, ``facet_region``, ``facet_kind`` (from its learning place), so that
  offers/search_engine.py counts every facet in one pass over the hits. The search-vector trigger fills
  them with the vector; the link tables (subjects, grades, SDGs), learning places and municipalities
  refresh the offers they touch.
- The vector also holds the stages of the offer's grades (weight D: "dagtilbud", "indskoling",
  "mellemtrin", "udskoling", "ungdomsuddannelse"), so that "vuggestue" or "børnehave" can find offers for
  day care (offers/search_words.py), and no text is long enough to fail it: the description counts with
  its first 100,000 characters, the summary and themes with 10,000 each ("string is too long for tsvector").
- ``title_sort``: the title as Danes sort it (æ, ø, å after z, "aa" as "å", accents folded), in the "C"
  collation so that the server's collation never changes the order.
- The typo vocabulary (``offers_searchword``) holds the words of published offers only, each with the
  number of published offers that use it: statement triggers add and subtract when offers are inserted,
  changed, published, unpublished or deleted, and words no offer uses any more are removed.
- ``offers_facetcount``: how many published offers have each facet value, kept per statement by a
  trigger, so that the catalogue without words (or with one facet) needs no count over every offer.
- Changes to subjects, grade levels, SDGs, municipalities and regions advance the catalogue version too,
  so the search may keep their names in memory under it.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models

TEXT_LIMIT = 100_000  # characters of a description that count for search (keep in step with the docstring)

FORWARD = rf"""
CREATE FUNCTION offers_sort_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT translate(offers_fold(coalesce(t, '')), 'æøå', '{{|}}') $$;

CREATE FUNCTION offers_search_description(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT left(offers_strip_html(left(t, {TEXT_LIMIT * 4})), {TEXT_LIMIT}) $$;

CREATE OR REPLACE FUNCTION offers_words(title text, summary text, themes varchar[], description text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT w FROM regexp_split_to_table(
      lower(concat_ws(' ', title, left(summary, 10000), left(array_to_string(themes, ' '), 10000),
                      offers_search_description(description))),
      '[[:space:][:punct:]“”„‟«»‹›–—…‘’‚´`]+') AS w
    WHERE length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
  $$;

CREATE OR REPLACE FUNCTION offers_offer_search_vector() RETURNS trigger AS $$
DECLARE
  place record;
  subject_names text;
  stages text;
BEGIN
  SELECT p.name, p.city, p.kind, p.municipality_id, m.name AS municipality, m.region_id
    INTO place
    FROM offers_provider p LEFT JOIN municipalities_municipality m ON m.id = p.municipality_id
    WHERE p.id = NEW.provider_id;
  SELECT coalesce(array_agg(l.subject_id ORDER BY l.subject_id), '{{}}'), string_agg(s.name, ' ')
    INTO NEW.facet_subjects, subject_names
    FROM offers_offer_subjects l JOIN offers_subject s ON s.id = l.subject_id WHERE l.offer_id = NEW.id;
  SELECT coalesce(array_agg(l.gradelevel_id ORDER BY l.gradelevel_id), '{{}}'), string_agg(DISTINCT g.stage, ' ')
    INTO NEW.facet_grades, stages
    FROM offers_offer_grades l JOIN offers_gradelevel g ON g.id = l.gradelevel_id WHERE l.offer_id = NEW.id;
  NEW.facet_sdgs := ARRAY(SELECT sdg_id FROM offers_offer_sdgs WHERE offer_id = NEW.id ORDER BY 1);
  NEW.facet_municipality := place.municipality_id;
  NEW.facet_region := place.region_id;
  NEW.facet_kind := coalesce(place.kind, '');
  NEW.title_sort := offers_sort_key(NEW.title);
  NEW.search_vector :=
    setweight(to_tsvector('danish', offers_fold(coalesce(NEW.title, ''))), 'A') ||
    setweight(to_tsvector('danish', offers_fold(left(coalesce(NEW.summary, ''), 10000) || ' ' ||
                                                left(array_to_string(NEW.themes, ' '), 10000))), 'B') ||
    setweight(to_tsvector('danish', offers_fold(offers_search_description(NEW.description) || ' ' ||
                                                coalesce(subject_names, ''))), 'C') ||
    setweight(to_tsvector('danish', offers_fold(concat_ws(' ', place.name, place.city, place.municipality,
                                                          stages))), 'D');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- Links: the subjects' trigger (offers 0005) refreshes the offers whose links changed; grades and SDGs now too.
CREATE TRIGGER offers_offer_grades_inserted
  AFTER INSERT ON offers_offer_grades REFERENCING NEW TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_subjects_changed();
CREATE TRIGGER offers_offer_grades_deleted
  AFTER DELETE ON offers_offer_grades REFERENCING OLD TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_subjects_changed();
CREATE TRIGGER offers_offer_sdgs_inserted
  AFTER INSERT ON offers_offer_sdgs REFERENCING NEW TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_subjects_changed();
CREATE TRIGGER offers_offer_sdgs_deleted
  AFTER DELETE ON offers_offer_sdgs REFERENCING OLD TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_subjects_changed();

-- A learning place's kind is a facet of its offers now.
DROP TRIGGER offers_provider_renamed ON offers_provider;
CREATE TRIGGER offers_provider_renamed
  AFTER UPDATE OF name, city, municipality_id, kind ON offers_provider
  FOR EACH ROW WHEN ((OLD.name, OLD.city, OLD.municipality_id, OLD.kind)
                     IS DISTINCT FROM (NEW.name, NEW.city, NEW.municipality_id, NEW.kind))
  EXECUTE FUNCTION offers_provider_renamed();

CREATE FUNCTION offers_municipality_changed() RETURNS trigger AS $$
BEGIN
  UPDATE offers_offer SET title = title
  WHERE provider_id IN (SELECT id FROM offers_provider WHERE municipality_id = NEW.id);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_municipality_changed
  AFTER UPDATE OF name, region_id ON municipalities_municipality
  FOR EACH ROW WHEN ((OLD.name, OLD.region_id) IS DISTINCT FROM (NEW.name, NEW.region_id))
  EXECUTE FUNCTION offers_municipality_changed();

CREATE FUNCTION offers_gradelevel_changed() RETURNS trigger AS $$
BEGIN
  UPDATE offers_offer SET title = title
  WHERE id IN (SELECT offer_id FROM offers_offer_grades WHERE gradelevel_id = NEW.id);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_gradelevel_changed
  AFTER UPDATE OF stage ON offers_gradelevel
  FOR EACH ROW WHEN (OLD.stage IS DISTINCT FROM NEW.stage)
  EXECUTE FUNCTION offers_gradelevel_changed();

-- The names the search shows are cached under the catalogue version (offers 0006).
CREATE TRIGGER offers_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offers_subject
  FOR EACH STATEMENT EXECUTE FUNCTION offers_catalogue_changed();
CREATE TRIGGER offers_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offers_gradelevel
  FOR EACH STATEMENT EXECUTE FUNCTION offers_catalogue_changed();
CREATE TRIGGER offers_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offers_sdg
  FOR EACH STATEMENT EXECUTE FUNCTION offers_catalogue_changed();
CREATE TRIGGER offers_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities_municipality
  FOR EACH STATEMENT EXECUTE FUNCTION offers_catalogue_changed();
CREATE TRIGGER offers_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities_region
  FOR EACH STATEMENT EXECUTE FUNCTION offers_catalogue_changed();

-- The typo vocabulary: words of published offers only, counted, pruned.
DROP TRIGGER offers_offer_words_inserted ON offers_offer;
DROP TRIGGER offers_offer_words_updated ON offers_offer;
DROP FUNCTION offers_offer_words_inserted();
DROP FUNCTION offers_offer_words_updated();

-- Adds ``deltas`` to the counts of ``words`` (sorted, so that concurrent writers lock rows in the same
-- order), then removes the words no published offer uses any more.
CREATE FUNCTION offers_searchword_add(words text[], deltas int[]) RETURNS void AS $$
BEGIN
  INSERT INTO offers_searchword AS s (word, folded, offers)
  SELECT w, offers_fold(w), d FROM unnest(words, deltas) AS x(w, d) ORDER BY w
  ON CONFLICT (word) DO UPDATE SET offers = s.offers + EXCLUDED.offers;
  DELETE FROM offers_searchword WHERE word = ANY(words) AND offers <= 0;
END
$$ LANGUAGE plpgsql;

-- Each statement that writes offers: +1 per word of every offer published after it, -1 per word of every
-- offer published before it (only offers whose words or status changed).
CREATE FUNCTION offers_offer_words_changed() RETURNS trigger AS $$
DECLARE
  words text[];
  deltas int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(w ORDER BY w), array_agg(n ORDER BY w) INTO words, deltas FROM (
      SELECT w, count(DISTINCT o.id)::int AS n
      FROM new_offers o, offers_words(o.title, o.summary, o.themes, o.description) AS w
      WHERE o.status = 'published' GROUP BY w) counted;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(w ORDER BY w), array_agg(-n ORDER BY w) INTO words, deltas FROM (
      SELECT w, count(DISTINCT o.id)::int AS n
      FROM old_offers o, offers_words(o.title, o.summary, o.themes, o.description) AS w
      WHERE o.status = 'published' GROUP BY w) counted;
  ELSE
    SELECT array_agg(w ORDER BY w), array_agg(n ORDER BY w) INTO words, deltas FROM (
      SELECT w, sum(d)::int AS n FROM (
        SELECT DISTINCT o.id, -1 AS d, w
        FROM old_offers o JOIN new_offers c ON c.id = o.id,
             offers_words(o.title, o.summary, o.themes, o.description) AS w
        WHERE o.status = 'published'
          AND (o.status, o.title, o.summary, o.themes, o.description)
              IS DISTINCT FROM (c.status, c.title, c.summary, c.themes, c.description)
        UNION ALL
        SELECT DISTINCT n.id, 1 AS d, w
        FROM new_offers n JOIN old_offers c ON c.id = n.id,
             offers_words(n.title, n.summary, n.themes, n.description) AS w
        WHERE n.status = 'published'
          AND (n.status, n.title, n.summary, n.themes, n.description)
              IS DISTINCT FROM (c.status, c.title, c.summary, c.themes, c.description)
      ) changed GROUP BY w HAVING sum(d) <> 0) counted;
  END IF;
  IF words IS NOT NULL THEN
    PERFORM offers_searchword_add(words, deltas);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_offer_words_inserted
  AFTER INSERT ON offers_offer REFERENCING NEW TABLE AS new_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_words_changed();
CREATE TRIGGER offers_offer_words_updated
  AFTER UPDATE ON offers_offer REFERENCING OLD TABLE AS old_offers NEW TABLE AS new_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_words_changed();
CREATE TRIGGER offers_offer_words_deleted
  AFTER DELETE ON offers_offer REFERENCING OLD TABLE AS old_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_words_changed();

-- Facet counts of the whole catalogue: every value of every published offer, counted per statement.
CREATE FUNCTION offers_facet_values(subjects integer[], grades integer[], sdgs integer[], municipality integer,
                                    region integer, kind text, format text, price integer)
  RETURNS TABLE (facet text, value text) LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT 'fag', x::text FROM unnest(subjects) AS x
    UNION ALL SELECT 'klassetrin', x::text FROM unnest(grades) AS x
    UNION ALL SELECT 'verdensmaal', x::text FROM unnest(sdgs) AS x
    UNION ALL SELECT 'kommune', municipality::text WHERE municipality IS NOT NULL
    UNION ALL SELECT 'region', region::text WHERE region IS NOT NULL
    UNION ALL SELECT 'udbyder', kind WHERE kind <> ''
    UNION ALL SELECT 'format', format
    UNION ALL SELECT 'gratis', '1' WHERE price = 0
    UNION ALL SELECT '', ''
  $$;

-- Adds ``deltas`` to the counts of (``facets``, ``vals``), sorted so that concurrent writers lock rows in
-- the same order, and forgets the values no published offer has any more.
CREATE FUNCTION offers_facetcount_add(facets text[], vals text[], deltas integer[]) RETURNS void AS $$
BEGIN
  INSERT INTO offers_facetcount AS t (facet, value, offers)
  SELECT f, v, d FROM unnest(facets, vals, deltas) AS x(f, v, d) ORDER BY 1, 2
  ON CONFLICT (facet, value) DO UPDATE SET offers = t.offers + EXCLUDED.offers;
  DELETE FROM offers_facetcount WHERE offers = 0;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION offers_facetcount_changed() RETURNS trigger AS $$
DECLARE
  facets text[];
  vals text[];
  deltas integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(facet ORDER BY facet, value), array_agg(value ORDER BY facet, value),
           array_agg(n ORDER BY facet, value) INTO facets, vals, deltas
    FROM (SELECT f.facet, f.value, count(*)::integer AS n
          FROM new_offers c,
               offers_facet_values(c.facet_subjects, c.facet_grades, c.facet_sdgs, c.facet_municipality,
                                   c.facet_region, c.facet_kind, c.format, c.price_dkk) AS f
          WHERE c.status = 'published' GROUP BY 1, 2) counted;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(facet ORDER BY facet, value), array_agg(value ORDER BY facet, value),
           array_agg(-n ORDER BY facet, value) INTO facets, vals, deltas
    FROM (SELECT f.facet, f.value, count(*)::integer AS n
          FROM old_offers c,
               offers_facet_values(c.facet_subjects, c.facet_grades, c.facet_sdgs, c.facet_municipality,
                                   c.facet_region, c.facet_kind, c.format, c.price_dkk) AS f
          WHERE c.status = 'published' GROUP BY 1, 2) counted;
  ELSE
    SELECT array_agg(facet ORDER BY facet, value), array_agg(value ORDER BY facet, value),
           array_agg(n ORDER BY facet, value) INTO facets, vals, deltas
    FROM (SELECT f.facet, f.value, sum(c.d)::integer AS n
          FROM (SELECT -1 AS d, o.status, o.facet_subjects, o.facet_grades, o.facet_sdgs, o.facet_municipality,
                       o.facet_region, o.facet_kind, o.format, o.price_dkk
                FROM old_offers o JOIN new_offers n ON n.id = o.id
                WHERE o.status = 'published'
                  AND (o.status, o.facet_subjects, o.facet_grades, o.facet_sdgs, o.facet_municipality,
                       o.facet_region, o.facet_kind, o.format, o.price_dkk)
                      IS DISTINCT FROM (n.status, n.facet_subjects, n.facet_grades, n.facet_sdgs,
                                        n.facet_municipality, n.facet_region, n.facet_kind, n.format, n.price_dkk)
                UNION ALL
                SELECT 1, n.status, n.facet_subjects, n.facet_grades, n.facet_sdgs, n.facet_municipality,
                       n.facet_region, n.facet_kind, n.format, n.price_dkk
                FROM new_offers n JOIN old_offers o ON o.id = n.id
                WHERE n.status = 'published'
                  AND (o.status, o.facet_subjects, o.facet_grades, o.facet_sdgs, o.facet_municipality,
                       o.facet_region, o.facet_kind, o.format, o.price_dkk)
                      IS DISTINCT FROM (n.status, n.facet_subjects, n.facet_grades, n.facet_sdgs,
                                        n.facet_municipality, n.facet_region, n.facet_kind, n.format, n.price_dkk)
               ) c,
               offers_facet_values(c.facet_subjects, c.facet_grades, c.facet_sdgs, c.facet_municipality,
                                   c.facet_region, c.facet_kind, c.format, c.price_dkk) AS f
          GROUP BY 1, 2 HAVING sum(c.d) <> 0) counted;
  END IF;
  IF facets IS NOT NULL THEN
    PERFORM offers_facetcount_add(facets, vals, deltas);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_facetcount_inserted
  AFTER INSERT ON offers_offer REFERENCING NEW TABLE AS new_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_facetcount_changed();
CREATE TRIGGER offers_facetcount_updated
  AFTER UPDATE ON offers_offer REFERENCING OLD TABLE AS old_offers NEW TABLE AS new_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_facetcount_changed();
CREATE TRIGGER offers_facetcount_deleted
  AFTER DELETE ON offers_offer REFERENCING OLD TABLE AS old_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_facetcount_changed();

-- Vectors stay in the row, uncompressed, unless the row would not fit: searching, counting and ranking
-- read them for every hit, and fetching each from TOAST cost more than all the rest (benchmarks/README.md).
ALTER TABLE offers_offer ALTER COLUMN search_vector SET STORAGE MAIN;

-- Fill what is new for the offers there are.
UPDATE offers_offer SET title = title;
DELETE FROM offers_facetcount;
INSERT INTO offers_facetcount (facet, value, offers)
SELECT f.facet, f.value, count(*)
FROM offers_offer c,
     offers_facet_values(c.facet_subjects, c.facet_grades, c.facet_sdgs, c.facet_municipality, c.facet_region,
                         c.facet_kind, c.format, c.price_dkk) AS f
WHERE c.status = 'published'
GROUP BY 1, 2 ORDER BY 1, 2;
DELETE FROM offers_searchword;
INSERT INTO offers_searchword (word, folded, offers)
SELECT w, offers_fold(w), count(DISTINCT o.id)
FROM offers_offer o, offers_words(o.title, o.summary, o.themes, o.description) AS w
WHERE o.status = 'published'
GROUP BY w ORDER BY w;
"""

BACKWARD = r"""
ALTER TABLE offers_offer ALTER COLUMN search_vector SET STORAGE EXTENDED;
DROP TRIGGER offers_facetcount_deleted ON offers_offer;
DROP TRIGGER offers_facetcount_updated ON offers_offer;
DROP TRIGGER offers_facetcount_inserted ON offers_offer;
DROP FUNCTION offers_facetcount_changed();
DROP FUNCTION offers_facetcount_add(text[], text[], integer[]);
DROP FUNCTION offers_facet_values(integer[], integer[], integer[], integer, integer, text, text, integer);
DROP TRIGGER offers_offer_words_deleted ON offers_offer;
DROP TRIGGER offers_offer_words_updated ON offers_offer;
DROP TRIGGER offers_offer_words_inserted ON offers_offer;
DROP FUNCTION offers_offer_words_changed();
DROP FUNCTION offers_searchword_add(text[], int[]);
DROP TRIGGER offers_catalogue_changed ON municipalities_region;
DROP TRIGGER offers_catalogue_changed ON municipalities_municipality;
DROP TRIGGER offers_catalogue_changed ON offers_sdg;
DROP TRIGGER offers_catalogue_changed ON offers_gradelevel;
DROP TRIGGER offers_catalogue_changed ON offers_subject;
DROP TRIGGER offers_gradelevel_changed ON offers_gradelevel;
DROP FUNCTION offers_gradelevel_changed();
DROP TRIGGER offers_municipality_changed ON municipalities_municipality;
DROP FUNCTION offers_municipality_changed();
DROP TRIGGER offers_offer_sdgs_deleted ON offers_offer_sdgs;
DROP TRIGGER offers_offer_sdgs_inserted ON offers_offer_sdgs;
DROP TRIGGER offers_offer_grades_deleted ON offers_offer_grades;
DROP TRIGGER offers_offer_grades_inserted ON offers_offer_grades;
DROP TRIGGER offers_provider_renamed ON offers_provider;
CREATE TRIGGER offers_provider_renamed
  AFTER UPDATE OF name, city, municipality_id ON offers_provider
  FOR EACH ROW WHEN ((OLD.name, OLD.city, OLD.municipality_id) IS DISTINCT FROM (NEW.name, NEW.city, NEW.municipality_id))
  EXECUTE FUNCTION offers_provider_renamed();
"""
# Going back restores the earlier triggers and vector of offers 0004/0005 by running their SQL again.


def backward_sql(apps, schema_editor):
    from importlib import import_module

    quality = import_module("offers.migrations.0004_search_quality")
    places = import_module("offers.migrations.0005_search_subjects_and_places")
    schema_editor.execute(BACKWARD)
    schema_editor.execute(places.VECTOR_WITH_SUBJECTS_AND_PLACE)
    start = quality.FORWARD.index("CREATE FUNCTION offers_words")
    end = quality.FORWARD.index("UPDATE offers_offer SET title = title;")
    schema_editor.execute(
        "DROP FUNCTION offers_words(text, text, varchar[], text);\n" + quality.FORWARD[start:end]
    )
    schema_editor.execute(
        "DROP FUNCTION offers_search_description(text); DROP FUNCTION offers_sort_key(text);"
        "UPDATE offers_offer SET title = title;"
    )


def forward_sql(apps, schema_editor):
    schema_editor.execute(FORWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0006_catalogue_version"),
        ("municipalities", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="offer",
            name="facet_subjects",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.IntegerField(), default=list, editable=False, size=None
            ),
        ),
        migrations.AddField(
            model_name="offer",
            name="facet_grades",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.IntegerField(), default=list, editable=False, size=None
            ),
        ),
        migrations.AddField(
            model_name="offer",
            name="facet_sdgs",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.IntegerField(), default=list, editable=False, size=None
            ),
        ),
        migrations.AddField(
            model_name="offer",
            name="facet_municipality",
            field=models.IntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="offer",
            name="facet_region",
            field=models.IntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="offer",
            name="facet_kind",
            field=models.CharField(blank=True, default="", editable=False, max_length=20),
        ),
        migrations.AddField(
            model_name="offer",
            name="title_sort",
            field=models.CharField(blank=True, db_collation="C", default="", editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="searchword",
            name="offers",
            field=models.IntegerField(default=0, verbose_name="published offers"),
        ),
        migrations.CreateModel(
            name="FacetCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("facet", models.CharField(max_length=20, verbose_name="facet")),
                ("value", models.CharField(max_length=40, verbose_name="value")),
                ("offers", models.IntegerField(default=0, verbose_name="published offers")),
            ],
            options={
                "verbose_name": "facet count",
                "verbose_name_plural": "facet counts",
                "constraints": [
                    models.UniqueConstraint(fields=("facet", "value"), name="offer_facetcount_unique")
                ],
            },
        ),
        migrations.RemoveIndex(model_name="offer", name="offer_status_title"),
        migrations.AddIndex(
            model_name="offer",
            index=models.Index(fields=["status", "title_sort"], name="offer_status_title_sort"),
        ),
        migrations.AddIndex(
            model_name="offer",
            index=django.contrib.postgres.indexes.GinIndex(fields=["facet_subjects"], name="offer_facet_subjects"),
        ),
        migrations.AddIndex(
            model_name="offer",
            index=django.contrib.postgres.indexes.GinIndex(fields=["facet_grades"], name="offer_facet_grades"),
        ),
        migrations.AddIndex(
            model_name="offer",
            index=django.contrib.postgres.indexes.GinIndex(fields=["facet_sdgs"], name="offer_facet_sdgs"),
        ),
        migrations.RunPython(forward_sql, backward_sql),
    ]
