"""The back office for dated visits: the offer's next dates inline on the offer, the list of all dates (with
a cancel action), and per offer a month calendar (cancel a date there) and a form that creates a series.

Scope: the list, the forms and the inline are scoped (portal.admin.ScopedAdmin / ScopedInline: a place
editor keeps only their places' offers' dates); the per-offer pages find the offer through the offer admin's
queryset and ask this admin's permissions (per date where there is one), and creating a series needs the
right to change the offer.
"""

import re
from datetime import date, time, timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from offers.holidays import school_calendar
from offers.models import DEADLINE_DAYS, Occurrence, Offer
from offers.occurrences import MAX_SERIES, Series, create_series, default_deadline, month_bounds, month_weeks
from portal.admin import ScopedAdmin, ScopedInline

INLINE_DATES = 20  # the offer form shows this many of the next dates; the calendar shows all


class OccurrenceForm(forms.ModelForm):
    """A new date left without a booking deadline gets the default one (see the field's help text)."""

    class Meta:
        model = Occurrence
        fields = ["starts", "ends", "places", "booking_deadline", "status"]

    def clean(self):
        cleaned = super().clean()
        starts = cleaned.get("starts")
        if self.instance.pk is None and starts and not cleaned.get("booking_deadline"):
            cleaned["booking_deadline"] = default_deadline(starts, timezone.localdate())
        return cleaned


class NextDatesFormSet(BaseInlineFormSet):
    """Only the offer's next dates (not over yet), so an offer with a year of dates keeps a short form."""

    def get_queryset(self):
        if not hasattr(self, "_next_dates"):
            self._next_dates = super().get_queryset().filter(ends__gt=timezone.now())[:INLINE_DATES]
        return self._next_dates


class OccurrenceInline(ScopedInline, admin.TabularInline):
    model = Occurrence
    form = OccurrenceForm
    formset = NextDatesFormSet
    fields = ["starts", "ends", "places", "booking_deadline", "status"]
    extra = 1
    template = "admin/offers/occurrence/inline.html"

    class Media:
        css = {"all": ["css/admin_dates.css"]}


_TIME = re.compile(r"([01]?[0-9]|2[0-3])[:.]([0-5][0-9])")
_WEEK_WORDS = re.compile(r"\b(uge|week)\b", re.IGNORECASE)


class SeriesForm(forms.Form):
    first = forms.DateField(
        label=gettext_lazy("First day"), widget=forms.DateInput({"type": "date"}, "%Y-%m-%d")
    )
    last = forms.DateField(
        label=gettext_lazy("Last day"), widget=forms.DateInput({"type": "date"}, "%Y-%m-%d")
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Weekdays"),
        choices=[(number + 1, name) for number, name in WEEKDAYS.items()],
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    times = forms.CharField(
        label=gettext_lazy("Start times"), help_text=gettext_lazy("Danish time, e.g. 9:00, 11:30")
    )
    minutes = forms.IntegerField(label=gettext_lazy("Duration (minutes)"), min_value=5, max_value=24 * 60)
    places = forms.IntegerField(
        label=gettext_lazy("Places"),
        min_value=1,
        max_value=1000,
        initial=1,
        help_text=gettext_lazy("How many classes or groups can come at each time."),
    )
    deadline_days = forms.IntegerField(
        label=gettext_lazy("Booking deadline (days before)"),
        min_value=0,
        max_value=365,
        initial=DEADLINE_DAYS,
        help_text=gettext_lazy("The last day to request a date, counted back from the day it starts."),
    )
    skip_holidays = forms.BooleanField(
        label=gettext_lazy("Leave out school holidays and public holidays"), required=False, initial=True
    )
    skip_weeks = forms.CharField(
        label=gettext_lazy("Also leave out weeks"),
        required=False,
        help_text=gettext_lazy("Week numbers, e.g. “8” or “uge 7, uge 8”."),
    )

    def __init__(self, *args, offer: Offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes"].initial = offer.duration_minutes or 90

    def clean_times(self) -> tuple[time, ...]:
        times = []
        for word in re.split(r"[\s,;]+", self.cleaned_data["times"].strip()):
            if word.lower() in ("", "kl", "kl."):
                continue
            if not (match := _TIME.fullmatch(word)):
                raise forms.ValidationError(
                    _("“%(word)s” is not a time; write e.g. 9:00 or 13.30.") % {"word": word}
                )
            times.append(time(int(match[1]), int(match[2])))
        if not times:
            raise forms.ValidationError(_("Give at least one start time."))
        return tuple(sorted(set(times)))

    def clean_skip_weeks(self) -> frozenset[int]:
        weeks = set()
        for word in re.split(r"[\s,;]+", _WEEK_WORDS.sub(" ", self.cleaned_data["skip_weeks"]).strip()):
            if word and not (word.isdigit() and 1 <= int(word) <= 53):
                raise forms.ValidationError(_("“%(word)s” is not a week number (1–53).") % {"word": word})
            if word:
                weeks.add(int(word))
        return frozenset(weeks)

    def clean_first(self) -> date:
        first = self.cleaned_data["first"]
        if first < timezone.localdate():
            raise forms.ValidationError(_("A series cannot begin in the past."))
        return first

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if cleaned["last"] < cleaned["first"]:
            self.add_error("last", _("The last day must be on or after the first."))
            return cleaned
        if cleaned["last"] > cleaned["first"] + timedelta(days=2 * 366):
            self.add_error("last", _("A series can cover at most two years."))
            return cleaned
        school = school_calendar()
        if cleaned["skip_holidays"] and not (
            school.covers(cleaned["first"]) and school.covers(cleaned["last"])
        ):
            self.add_error(
                "last",
                _(
                    "The holiday calendar covers %(first)s to %(last)s; plan within it or include the holidays."
                )
                % {"first": date_format(school.first_day), "last": date_format(school.last_day)},
            )
            return cleaned
        count = len(self.series().plan(school)[0])
        if count == 0:
            self.add_error(
                "weekdays", _("No day in the period matches: check the weekdays and the weeks left out.")
            )
        elif count > MAX_SERIES:
            self.add_error(
                "last",
                _("That is %(count)d dates; a series can have at most %(max)d.")
                % {"count": count, "max": MAX_SERIES},
            )
        return cleaned

    def series(self) -> Series:
        data = self.cleaned_data
        return Series(
            first=data["first"],
            last=data["last"],
            weekdays=frozenset(data["weekdays"]),
            times=data["times"],
            minutes=data["minutes"],
            places=data["places"],
            deadline_days=data["deadline_days"],
            skip_holidays=data["skip_holidays"],
            skip_weeks=data["skip_weeks"],
        )


def _month(value: str | None) -> date | None:
    """The first day of the month written ``YYYY-MM``; today's month when not given; None when unreadable."""
    if not value:
        return timezone.localdate().replace(day=1)
    if not re.fullmatch(r"(19|2[0-9])[0-9]{2}-[0-9]{2}", value):  # 1900–2999: a calendar's neighbours exist
        return None
    try:
        return date(int(value[:4]), int(value[5:]), 1)
    except ValueError:
        return None


def _shift(month: date, by: int) -> date:
    index = month.year * 12 + month.month - 1 + by
    return date(index // 12, index % 12 + 1, 1)


@admin.register(Occurrence)
class OccurrenceAdmin(ScopedAdmin, admin.ModelAdmin):
    form = OccurrenceForm
    list_display = ["__str__", "offer", "ends", "places", "booking_deadline", "status"]
    list_filter = ["status"]
    list_select_related = ["offer"]
    date_hierarchy = "starts"
    search_fields = ["offer__title", "offer__key", "key"]
    autocomplete_fields = ["offer"]
    fields = ["offer", "starts", "ends", "places", "booking_deadline", "status", "key"]
    readonly_fields = ["key"]
    actions = ["cancel_dates"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "offer":
            kwargs["queryset"] = Offer.objects.managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "offer/<int:offer_id>/calendar/", view(self.calendar_view), name="offers_occurrence_calendar"
            ),
            path("offer/<int:offer_id>/series/", view(self.series_view), name="offers_occurrence_series"),
            path("<int:pk>/cancel/", view(self.cancel_view), name="offers_occurrence_cancel"),
            *super().get_urls(),
        ]

    @admin.action(description=gettext_lazy("Cancel selected dates"), permissions=["change"])
    def cancel_dates(self, request, queryset):
        count = queryset.managed_by(request.user).open().update(status=Occurrence.Status.CANCELLED)
        message = ngettext("%(count)d date was cancelled.", "%(count)d dates were cancelled.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def _offer(self, request, offer_id: int) -> Offer:
        """The offer, when the user may see it in the offer admin (whose queryset carries any scope)."""
        offers = self.admin_site.get_model_admin(Offer).get_queryset(request)
        return get_object_or_404(offers, pk=offer_id)

    def _page(self, request, offer: Offer, title: str, **context) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "offer": offer,
            "title": title,
            "subtitle": offer.title,
            "calendar_url": reverse("admin:offers_occurrence_calendar", args=[offer.pk]),
            "series_url": reverse("admin:offers_occurrence_series", args=[offer.pk]),
            "can_add": self.has_add_permission(request),
            **context,
        }

    def calendar_view(self, request, offer_id: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        offer = self._offer(request, offer_id)
        month = _month(request.GET.get("month"))
        if month is None:
            return HttpResponseBadRequest(_("Write the month as YYYY-MM, e.g. 2027-03."))
        first, last = month_bounds(month.year, month.month)
        occurrences = list(offer.occurrences.in_period(first, last))
        weeks = month_weeks(month.year, month.month, occurrences, school_calendar(), timezone.localdate())
        context = self._page(
            request,
            offer,
            _("Dates in %(month)s") % {"month": date_format(month, "F Y")},
            month=month,
            weeks=weeks,
            previous_month=_shift(month, -1),
            next_month=_shift(month, 1),
            can_change=self.has_change_permission(request),
        )
        return TemplateResponse(request, "admin/offers/occurrence/calendar.html", context)

    def series_view(self, request, offer_id: int):
        if not self.has_add_permission(request):
            raise PermissionDenied
        offer = self._offer(request, offer_id)
        if not self.admin_site.get_model_admin(Offer).has_change_permission(request, offer):
            raise PermissionDenied
        form = SeriesForm(request.POST or None, offer=offer)
        if request.method == "POST" and form.is_valid():
            series = form.series()
            result = create_series(offer, series)
            message = _series_message(len(result.created), result.existing, result.skipped)
            self.log_change(request, offer, message)
            self.message_user(request, message, messages.SUCCESS)
            month = timezone.localdate(result.created[0].starts) if result.created else series.first
            return redirect(_calendar_url(offer, month))
        return TemplateResponse(
            request,
            "admin/offers/occurrence/series.html",
            self._page(request, offer, _("Create a series of dates"), form=form),
        )

    def cancel_view(self, request, pk: int):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        occurrence = get_object_or_404(self.get_queryset(request), pk=pk)
        offer = self._offer(request, occurrence.offer_id)
        if not self.has_change_permission(request, occurrence):
            raise PermissionDenied
        if occurrence.cancel():
            message = _("The date %(date)s was cancelled.") % {"date": occurrence}
            self.log_change(request, offer, message)
            self.message_user(request, message, messages.SUCCESS)
        else:
            self.message_user(request, _("The date %(date)s was already cancelled.") % {"date": occurrence})
        return redirect(_calendar_url(offer, timezone.localdate(occurrence.starts)))


def _calendar_url(offer: Offer, day: date) -> str:
    return f"{reverse('admin:offers_occurrence_calendar', args=[offer.pk])}?month={day:%Y-%m}"


def _series_message(created: int, existing: int, skipped) -> str:
    parts = [ngettext("Created %(count)d date.", "Created %(count)d dates.", created) % {"count": created}]
    if existing:
        parts.append(
            ngettext("%(count)d was there already.", "%(count)d were there already.", existing)
            % {"count": existing}
        )
    if skipped:
        reasons = ", ".join(f"{reason} ({count})" for reason, count in skipped.items())
        parts.append(_("Left out: %(reasons)s.") % {"reasons": reasons})
    return " ".join(parts)
