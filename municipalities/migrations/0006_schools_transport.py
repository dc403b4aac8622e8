"""Coordinates and transport support (issue 12).

Postcodes with a point on land inside each area, and schools' coordinates with their source, both from
the CSV files in municipalities/data/ (copied from the shared reference data); the municipal sites'
transport support as rules. The transport grade links advance the catalogue version like the site's
other tables (see 0005).
"""

from pathlib import Path

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

from portal.reference import read_csv

DATA = Path(__file__).resolve().parent.parent / "data"
TRANSPORT_GRADES = "municipalities_municipalsite_transport_grades"


def load_points(apps, schema_editor):
    Region = apps.get_model("municipalities", "Region")
    Postcode = apps.get_model("municipalities", "Postcode")
    School = apps.get_model("municipalities", "School")
    regions = dict(Region.objects.values_list("code", "pk"))
    Postcode.objects.bulk_create(
        Postcode(
            code=row["postcode"],
            city=row["city"],
            region_id=regions[row["region_code"]],
            latitude=float(row["lat"]),
            longitude=float(row["lon"]),
        )
        for row in read_csv(DATA / "postcodes.csv")
    )
    rows = {row["key"]: row for row in read_csv(DATA / "schools.csv")}
    schools = list(School.objects.filter(key__in=rows))
    for school in schools:
        row = rows[school.key]
        school.latitude, school.longitude = float(row["lat"]), float(row["lon"])
        school.location_source = row["location_source"]
    School.objects.bulk_update(schools, ["latitude", "longitude", "location_source"], batch_size=1000)


def unload_points(apps, schema_editor):
    apps.get_model("municipalities", "Postcode").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0005_catalogue_version"), ("offers", "0007_search")]

    operations = [
        migrations.CreateModel(
            name='Postcode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=4, unique=True, verbose_name='postcode')),
                ('city', models.CharField(max_length=100, verbose_name='city')),
                ('latitude', models.FloatField(validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='latitude')),
                ('longitude', models.FloatField(validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='longitude')),
            ],
            options={
                'verbose_name': 'postcode',
                'verbose_name_plural': 'postcodes',
                'ordering': ['code'],
            },
        ),
        migrations.AddField(
            model_name='municipalsite',
            name='transport_apply_days_before',
            field=models.PositiveSmallIntegerField(blank=True, help_text='How many days before the visit an application must arrive.', null=True, verbose_name='apply days before'),
        ),
        migrations.AddField(
            model_name='municipalsite',
            name='transport_apply_email',
            field=models.EmailField(blank=True, max_length=254, verbose_name='where to apply (e-mail)'),
        ),
        migrations.AddField(
            model_name='municipalsite',
            name='transport_apply_url',
            field=models.URLField(blank=True, max_length=300, verbose_name='where to apply (web address)'),
        ),
        migrations.AddField(
            model_name='municipalsite',
            name='transport_grades',
            field=models.ManyToManyField(blank=True, help_text='None chosen: every grade level.', related_name='+', to='offers.gradelevel', verbose_name='grade levels covered'),
        ),
        migrations.AddField(
            model_name='municipalsite',
            name='transport_max_amount_dkk',
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name='maximum amount per trip (DKK)'),
        ),
        migrations.AddField(
            model_name='municipalsite',
            name='transport_max_distance_km',
            field=models.PositiveIntegerField(blank=True, help_text='Straight line from the school to the learning place. Empty: no limit.', null=True, verbose_name='maximum distance (km)'),
        ),
        migrations.AddField(
            model_name='municipalsite',
            name='transport_note',
            field=models.TextField(blank=True, verbose_name='transport note'),
        ),
        migrations.AddField(
            model_name='municipalsite',
            name='transport_scheme',
            field=models.CharField(blank=True, choices=[('none', 'No support'), ('pool', 'Transport pool: schools apply per trip'), ('bus', 'Bus: the municipality books and pays a bus'), ('public_transport', 'Public transport cards or tickets for classes')], help_text="Leave empty while the municipality's support is not registered.", max_length=20, verbose_name='transport scheme'),
        ),
        migrations.AddField(
            model_name='municipalsite',
            name='transport_within_municipality_only',
            field=models.BooleanField(default=False, verbose_name='only places in the municipality'),
        ),
        migrations.AddField(
            model_name='school',
            name='latitude',
            field=models.FloatField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='latitude'),
        ),
        migrations.AddField(
            model_name='school',
            name='location_source',
            field=models.CharField(blank=True, choices=[('register', "The ministry's institution register"), ('postcode', "The postcode's point (approximate)"), ('manual', 'Entered by hand')], help_text="Where the coordinates come from. Without coordinates, the postcode's point is used.", max_length=10, verbose_name='location source'),
        ),
        migrations.AddField(
            model_name='school',
            name='longitude',
            field=models.FloatField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='longitude'),
        ),
        migrations.AddConstraint(
            model_name='school',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('latitude__isnull', True), ('longitude__isnull', True)), models.Q(('latitude__isnull', False), ('latitude__range', (-90, 90)), ('longitude__isnull', False), ('longitude__range', (-180, 180))), _connector='OR'), name='school_coordinates_both_or_neither', violation_error_message='Give both latitude and longitude, or neither.'),
        ),
        migrations.AddField(
            model_name='postcode',
            name='region',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='municipalities.region', verbose_name='region'),
        ),
    
        migrations.RunPython(load_points, unload_points),
        migrations.RunSQL(
            f"""CREATE TRIGGER offers_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
                ON {TRANSPORT_GRADES} FOR EACH STATEMENT EXECUTE FUNCTION offers_catalogue_changed();""",
            f"DROP TRIGGER offers_catalogue_changed ON {TRANSPORT_GRADES};",
        ),
    ]
