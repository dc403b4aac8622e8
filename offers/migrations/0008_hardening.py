"""Hardening (issue 10): offers' descriptions are an HtmlField (sanitised on every write, bulk writes
included), and descriptions and summaries have a length limit (portal.text) that forms and imports check.
No schema change in the database: both are Python-side."""

import portal.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("offers", "0007_search")]

    operations = [
        migrations.AlterField(
            model_name="offer",
            name="description",
            field=portal.text.HtmlField(
                blank=True,
                help_text="Simple formatting (paragraphs, lists, links) is kept.",
                validators=[portal.text.MaxLengthValidator(20000)],
                verbose_name="description",
            ),
        ),
        migrations.AlterField(
            model_name="offer",
            name="summary",
            field=models.TextField(
                blank=True,
                help_text="One or two sentences shown in lists.",
                validators=[portal.text.MaxLengthValidator(2000)],
                verbose_name="summary",
            ),
        ),
        migrations.AlterField(
            model_name="provider",
            name="description",
            field=models.TextField(
                blank=True,
                validators=[portal.text.MaxLengthValidator(20000)],
                verbose_name="description",
            ),
        ),
    ]
