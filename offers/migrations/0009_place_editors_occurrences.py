"""Dated visits of offers (Occurrence, issue 13): start, end, places, booking deadline and status, with the
database rules an import or a bulk insert must keep too (ends after starts, at least one place, a deadline
on or before the day it starts in Danish time, one date per offer and start, keys unique per offer), and a
partial covering index for the catalogue's "free date in a period" lookups. Every statement that writes
dates advances the catalogue version (migration 0006), as writes to offers do, so cached search counts
that depend on dates are never stale after an edit."""

import django.db.models.constraints
import django.db.models.deletion
import django.db.models.functions.comparison
from django.db import migrations, models

CATALOGUE_VERSION = """
CREATE TRIGGER offers_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offers_occurrence
  FOR EACH STATEMENT EXECUTE FUNCTION offers_catalogue_changed();
"""


class Migration(migrations.Migration):
    dependencies = [("offers", "0008_hardening")]

    operations = [
        migrations.CreateModel(
            name='Occurrence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.SlugField(db_index=False, editable=False, help_text='Stable external identifier, unique within the offer (by default the start, e.g. 2027-03-04-0900).', max_length=100, verbose_name='key')),
                ('starts', models.DateTimeField(verbose_name='starts')),
                ('ends', models.DateTimeField(verbose_name='ends')),
                ('places', models.PositiveSmallIntegerField(default=1, help_text='How many classes or groups can come at this time.', verbose_name='places')),
                ('booking_deadline', models.DateField(blank=True, help_text='The last day a class can request the date. Left empty on a new date: 14 days before it starts (or today, if that has passed). Empty on a saved date: until it starts.', null=True, verbose_name='booking deadline')),
                ('status', models.CharField(choices=[('open', 'Open'), ('cancelled', 'Cancelled')], default='open', max_length=10, verbose_name='status')),
                ('offer', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='occurrences', to='offers.offer', verbose_name='offer')),
            ],
            options={
                'verbose_name': 'date',
                'verbose_name_plural': 'dates',
                'ordering': ['starts'],
                'indexes': [models.Index(condition=models.Q(('status', 'open')), fields=['starts'], include=('offer', 'ends', 'booking_deadline'), name='occurrence_open_starts')],
                'constraints': [models.UniqueConstraint(deferrable=django.db.models.constraints.Deferrable['DEFERRED'], fields=('offer', 'starts'), name='occurrence_offer_starts_unique', violation_error_message='The offer already has a date that starts at this time.'), models.UniqueConstraint(fields=('offer', 'key'), name='occurrence_offer_key_unique'), models.CheckConstraint(condition=models.Q(('ends__gt', models.F('starts'))), name='occurrence_ends_after_starts', violation_error_message='A date must end after it starts.'), models.CheckConstraint(condition=models.Q(('places__gte', 1)), name='occurrence_places_positive', violation_error_message='A date has at least one place.'), models.CheckConstraint(condition=models.Q(('booking_deadline__isnull', True), ('booking_deadline__lte', django.db.models.functions.comparison.Cast(models.Func(models.Value('Europe/Copenhagen'), models.F('starts'), function='timezone', output_field=models.DateTimeField()), models.DateField())), _connector='OR'), name='occurrence_deadline_not_after_start', violation_error_message='The booking deadline must be on or before the day the date starts.')],
            },
        ),
        migrations.RunSQL(CATALOGUE_VERSION, "DROP TRIGGER offers_catalogue_changed ON offers_occurrence;"),
    ]
