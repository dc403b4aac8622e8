"""Publishing with review and the change history: offers get the status "review" (awaiting approval by portal
staff, offers.review) and every change of an offer is kept as an OfferRevision (offers.history)."""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('offers', '0011_place_editors'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='offer',
            name='status',
            field=models.CharField(choices=[('draft', 'Draft'), ('review', 'Awaiting approval'), ('published', 'Published'), ('archived', 'Archived')], default='draft', max_length=10, verbose_name='status'),
        ),
        migrations.CreateModel(
            name='OfferRevision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='time')),
                ('action', models.CharField(choices=[('recorded', 'State when the history began'), ('created', 'Created'), ('changed', 'Changed'), ('submitted', 'Submitted for approval'), ('approved', 'Approved'), ('returned', 'Sent back')], max_length=10, verbose_name='action')),
                ('changes', models.JSONField(blank=True, default=dict, verbose_name='changes')),
                ('state', models.JSONField(default=dict, verbose_name='state after the change')),
                ('comment', models.TextField(blank=True, verbose_name='comment')),
                ('offer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='offers.offer', verbose_name='offer')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'offer revision',
                'verbose_name_plural': 'offer revisions',
                'ordering': ['-created', '-pk'],
                'indexes': [models.Index(fields=['offer', '-created'], name='offer_revision_offer_created')],
            },
        ),
    ]
