"""Forms of the public pages: choosing a school (municipalities.views.choose_school)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import School


class ChooseSchoolForm(forms.Form):
    school = forms.ModelChoiceField(
        queryset=School.objects.all(),
        to_field_name="key",
        error_messages={"invalid_choice": _("That school is not in the list. Search for it again.")},
    )
