"""`manage.py createsuperuser`, in English throughout.

Django's prompts and messages here are English only, while the field names come from the models, which the
portal's Danish default would translate ("Brugernavn (leave blank to use 'root')"); so the whole command
speaks English.
"""

from django.contrib.auth.management.commands import createsuperuser
from django.utils import translation


class Command(createsuperuser.Command):
    def execute(self, *args, **options):
        with translation.override("en"):
            return super().execute(*args, **options)
