"""The teacher's request form, her changes, and the place's decision in the back office."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bookings.models import BookingRequest
from offers.models import GradeLevel, Occurrence

# Requests to one e-mail address that may wait for confirmation within a day: the form sends mail to any
# address it is given, so it must not become a way to flood one.
UNCONFIRMED_PER_DAY = 3


class RequestForm(forms.ModelForm):
    """A class's request for one of the offer's free dates (full ones join the waiting list), or with wished
    dates for an offer booked on request. The school comes from the school picker (request.my_school)."""

    class Meta:
        model = BookingRequest
        fields = [
            "occurrence",
            "wished_dates",
            "grade",
            "pupils",
            "adults",
            "name",
            "email",
            "phone",
            "message",
        ]
        widgets = {
            "wished_dates": forms.Textarea(attrs={"rows": 3}),
            "message": forms.Textarea(attrs={"rows": 4}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel"}),
        }

    def __init__(self, *args, offer, dates, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        if dates is None:
            del self.fields["occurrence"]
            self.fields["wished_dates"].required = True
        else:
            del self.fields["wished_dates"]
            field = self.fields["occurrence"]
            field.queryset, field.required, field.empty_label = dates, True, None
            field.widget = forms.RadioSelect()
            field.label_from_instance = self.date_label
            field.choices = field.choices  # rebuild with the new label
        grades = offer.grades.all()
        self.fields["grade"].queryset = grades if grades else GradeLevel.objects.all()
        self.fields["phone"].required = True

    def clean_email(self):
        email = self.cleaned_data["email"]
        since = timezone.now() - datetime.timedelta(days=1)
        unconfirmed = BookingRequest.objects.filter(
            email__iexact=email, status=BookingRequest.Status.UNCONFIRMED, created_at__gte=since
        )
        if unconfirmed.count() >= UNCONFIRMED_PER_DAY:
            raise forms.ValidationError(
                _(
                    "Confirm the requests already sent to this e-mail address (see your inbox) before sending more."
                )
            )
        return email

    @staticmethod
    def date_label(occurrence: Occurrence) -> str:
        label = str(occurrence)
        if getattr(occurrence, "left", 1) <= 0:
            label += " – " + str(_("fully booked: join the waiting list"))
        return label


class ChangeForm(forms.ModelForm):
    """What the teacher may change herself: her class and how to reach her."""

    class Meta:
        model = BookingRequest
        fields = ["grade", "pupils", "adults", "name", "phone", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}


class DecisionForm(forms.Form):
    """The place's decision on a request (bookings/admin.py)."""

    CONFIRM, DECLINE, PROPOSE = "confirm", "decline", "propose"
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[(CONFIRM, _("Confirm")), (DECLINE, _("Decline")), (PROPOSE, _("Propose another date"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason or note to the teacher"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    other_date = forms.ModelChoiceField(
        label=_("Another date"), queryset=Occurrence.objects.none(), required=False
    )
    agreed_starts = forms.DateTimeField(
        label=_("Agreed time (offers booked on request)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args, booking: BookingRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_date"].queryset = (
            Occurrence.objects.filter(offer_id=booking.offer_id).free().exclude(pk=booking.occurrence_id)
        )

    def clean(self):
        data = super().clean()
        if data.get("action") == self.DECLINE and not data.get("reason", "").strip():
            self.add_error("reason", _("Give a reason for the teacher."))
        if data.get("action") == self.PROPOSE and not data.get("other_date"):
            self.add_error("other_date", _("Choose the date to propose."))
        return data
