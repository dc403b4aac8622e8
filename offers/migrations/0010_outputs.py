"""Out of the portal (printed catalogues, embeds, feeds): the web sites that may embed a learning place's
offers (portal/embedding.py)."""

from django.db import migrations

import portal.embedding


class Migration(migrations.Migration):
    dependencies = [("offers", "0009_place_editors_occurrences")]

    operations = [
        migrations.AddField(
            model_name="provider",
            name="embed_origins",
            field=portal.embedding.OriginListField(
                blank=True,
                default=list,
                help_text="One address per line, e.g. https://www.museum.dk. Only these sites can show the offers.",
                size=None,
                verbose_name="web sites that may embed the place's offers",
            ),
        ),
    ]
