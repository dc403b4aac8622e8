"""The teacher's pages (no account: her signed link, bookings/links.py) and the consultant's numbers.

- ``request_form``: on an offer, a request for a date (or wished dates) from the chosen school;
- ``manage`` and the actions beside it: confirm the e-mail, change, cancel, accept an offered place or a
  proposed date; each a POST through the link;
- ``visits``: per school of a municipality, the visits booked this school year (numbers only).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from bookings import emails, links, states
from bookings.forms import ChangeForm, RequestForm
from bookings.models import BookingRequest, bookable_dates, school_year_start, visits_per_school
from municipalities.models import MunicipalSite
from offers.models import Offer
from portal.access import get_site_for_user, may_view_model

BOOKING_RELATIONS = ("offer__provider", "occurrence", "school", "grade", "proposed_occurrence", "allocation")


@require_http_methods(["GET", "POST"])
def request_form(request, slug):
    offer = get_object_or_404(Offer.objects.published().select_related("provider"), slug=slug)
    school = request.my_school.school
    dates = bookable_dates(offer) if offer.occurrences.exists() else None
    form = RequestForm(request.POST if request.method == "POST" else None, offer=offer, dates=dates)
    status = 200
    if request.method == "POST":
        if school is None:
            messages.error(request, _("Choose your school first."))
            status = 400
        elif form.is_valid():
            booking = form.save(commit=False)
            booking.offer, booking.school = offer, school
            booking.allocation = states.collecting_round(offer.pk)
            booking.save()
            emails.confirm_your_email(booking, links.base_url(request))
            return redirect("bookings:sent")
        else:
            status = 400
    context = {"offer": offer, "school": school, "form": form, "has_dates": dates is not None}
    return render(request, "bookings/request_form.html", context, status=status)


@require_safe
def sent(request):
    return render(request, "bookings/sent.html")


def _booking(token: str) -> BookingRequest:
    return links.booking_for_token(token, BookingRequest.objects.select_related(*BOOKING_RELATIONS))


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """The request as the teacher sees it, with her other requests, and a form to change her class's
    details."""
    booking = _booking(token)
    editable = booking.is_open or booking.status == BookingRequest.Status.CONFIRMED
    data = request.POST if request.method == "POST" else None
    form = ChangeForm(data, instance=booking) if editable else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("This request can no longer be changed."))
            return redirect("bookings:manage", token)
        if form.is_valid():
            states.change(booking, form.cleaned_data)
            messages.success(request, _("Your changes are saved."))
            return redirect("bookings:manage", token)
    others = (
        BookingRequest.objects.filter(email__iexact=booking.email, anonymised_at__isnull=True)
        .exclude(pk=booking.pk)
        .exclude(status=BookingRequest.Status.UNCONFIRMED)
        .select_related("offer", "occurrence")
    )
    context = {
        "booking": booking,
        "token": token,
        "form": form,
        "others": [(other, links.token_for(other)) for other in others],
    }
    return render(request, "bookings/manage.html", context, status=400 if form and form.errors else 200)


def _act(request, token, action, done: str):
    booking = _booking(token)
    try:
        action(booking, links.base_url(request))
    except states.BookingError as error:
        messages.error(request, str(error))
        return redirect("bookings:manage", token)
    messages.success(request, done)
    return redirect("bookings:manage", token)


@require_POST
def confirm_email(request, token):
    booking = _booking(token)
    if states.confirm_email(booking, links.base_url(request)):
        messages.success(request, _("Thank you: your e-mail is confirmed, and the request counts."))
    return redirect("bookings:manage", token)


@require_POST
def cancel(request, token):
    return _act(request, token, states.cancel, _("The request is cancelled."))


@require_POST
def accept_offer(request, token):
    return _act(request, token, states.accept_offer, _("The place is yours: the visit is confirmed."))


@require_POST
def accept_proposal(request, token):
    return _act(request, token, states.accept_proposal, _("You have accepted the proposed date."))


@login_required
@require_safe
def visits(request, slug):
    """Per school of the municipality, the visits booked through the portal this school year, fewest first:
    for those who manage the municipality's site (consultants, portal staff); 404 for another one's."""
    if not may_view_model(request.user, MunicipalSite):
        raise PermissionDenied
    site = get_site_for_user(request.user, slug, managed=True)
    today = timezone.localdate()
    schools = list(visits_per_school(site.municipality, today))
    context = {
        "site": site,
        "schools": schools,
        "year_start": school_year_start(today),
        "without": sum(1 for school in schools if not school.visits),
    }
    return render(request, "bookings/visits.html", context)
