"""Search quality: fold case, accents and "aa" the way Danes type, keep a vocabulary for typo tolerance,
and index what the catalogue sorts and matches on.

- offers_fold(text): lower case, accents off (é→e, ü→u; ä→æ, ö→ø), "/" to a space and "aa" to "å". The
  search vector is now built from folded text, and offers/search.py folds the query the same way
  (tests/test_catalogue_search.py checks that the two agree).
- offers_searchword: every word of titles, summaries, themes and descriptions, filled by statement-level
  triggers (cheap for bulk imports), matched with pg_trgm for "did you mean" and fuzzy search.
"""

import django.contrib.postgres.indexes
from django.db import migrations, models

FOLD_FROM = "ÆØÅÄäÖöÜüÁÀÂáàâÉÈÊËéèêëÍÌÎÏíìîïÓÒÔóòôÚÙÛúùûÝýÿÇçÑñ/"
FOLD_TO = "æøåææøøuuaaaaaaeeeeeeeeiiiiiiiioooooouuuuuuyyyccnn "
WORD_SEPARATORS = "[[:space:][:punct:]“”„‟«»‹›–—…‘’‚´`]+"

FORWARD = rf"""
CREATE FUNCTION offers_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT replace(lower(translate(t, '{FOLD_FROM}', '{FOLD_TO}')), 'aa', 'å') $$;

CREATE FUNCTION offers_strip_html(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT regexp_replace(regexp_replace(coalesce(t, ''), '<[^>]*>', ' ', 'g'), '&#?[a-zA-Z0-9]+;', ' ', 'g') $$;

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

CREATE FUNCTION offers_words(title text, summary text, themes varchar[], description text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT w FROM regexp_split_to_table(
      lower(concat_ws(' ', title, summary, array_to_string(themes, ' '), offers_strip_html(description))),
      '{WORD_SEPARATORS}') AS w
    WHERE length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
  $$;

-- Sorted inserts so that two concurrent imports never deadlock on the same words.
CREATE FUNCTION offers_offer_words_inserted() RETURNS trigger AS $$
BEGIN
  INSERT INTO offers_searchword (word, folded)
  SELECT DISTINCT w, offers_fold(w)
  FROM inserted_offers n, offers_words(n.title, n.summary, n.themes, n.description) AS w
  ORDER BY 1
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION offers_offer_words_updated() RETURNS trigger AS $$
BEGIN
  INSERT INTO offers_searchword (word, folded)
  SELECT DISTINCT w, offers_fold(w)
  FROM updated_offers n JOIN previous_offers o ON o.id = n.id,
       offers_words(n.title, n.summary, n.themes, n.description) AS w
  WHERE (n.title, n.summary, n.themes, n.description) IS DISTINCT FROM (o.title, o.summary, o.themes, o.description)
  ORDER BY 1
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offers_offer_words_inserted
  AFTER INSERT ON offers_offer REFERENCING NEW TABLE AS inserted_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_words_inserted();

CREATE TRIGGER offers_offer_words_updated
  AFTER UPDATE ON offers_offer REFERENCING OLD TABLE AS previous_offers NEW TABLE AS updated_offers
  FOR EACH STATEMENT EXECUTE FUNCTION offers_offer_words_updated();

UPDATE offers_offer SET title = title;

INSERT INTO offers_searchword (word, folded)
SELECT DISTINCT w, offers_fold(w)
FROM offers_offer n, offers_words(n.title, n.summary, n.themes, n.description) AS w
ORDER BY 1
ON CONFLICT (word) DO NOTHING;
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS offers_offer_words_updated ON offers_offer;
DROP TRIGGER IF EXISTS offers_offer_words_inserted ON offers_offer;
DROP FUNCTION IF EXISTS offers_offer_words_updated();
DROP FUNCTION IF EXISTS offers_offer_words_inserted();
DROP FUNCTION IF EXISTS offers_words(text, text, varchar[], text);

CREATE OR REPLACE FUNCTION offers_offer_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('danish', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('danish', coalesce(NEW.summary, '') || ' ' || array_to_string(NEW.themes, ' ')), 'B') ||
    setweight(to_tsvector('danish', regexp_replace(coalesce(NEW.description, ''), '<[^>]*>', ' ', 'g')), 'C') ||
    setweight(to_tsvector('danish', coalesce((SELECT name FROM offers_provider WHERE id = NEW.provider_id), '')), 'D');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

UPDATE offers_offer SET title = title;

DROP FUNCTION IF EXISTS offers_strip_html(text);
DROP FUNCTION IF EXISTS offers_fold(text);
"""


class Migration(migrations.Migration):
    dependencies = [("offers", "0003_search_vector_trigger")]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=40, primary_key=True, serialize=False, verbose_name="word")),
                (
                    "folded",
                    models.CharField(
                        help_text="Lower case, accents and “aa” folded.", max_length=40, verbose_name="folded word"
                    ),
                ),
            ],
            options={"verbose_name": "search word", "verbose_name_plural": "search words"},
        ),
        migrations.AddIndex(
            model_name="offer",
            index=models.Index(fields=["status", "title"], name="offer_status_title"),
        ),
        migrations.AddIndex(
            model_name="searchword",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["folded"], name="offer_searchword_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
