"""Out of the portal (printed catalogues, embeds, feeds): the web sites that may embed a municipal site's
selection (portal/embedding.py)."""

from django.db import migrations

import portal.embedding


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0007_coverage"), ("offers", "0010_outputs")]

    operations = [
        migrations.AddField(
            model_name="municipalsite",
            name="embed_origins",
            field=portal.embedding.OriginListField(
                blank=True,
                default=list,
                help_text="One address per line, e.g. https://www.lejre.dk. Only these sites can show the selection.",
                size=None,
                verbose_name="web sites that may embed the selection",
            ),
        ),
    ]
