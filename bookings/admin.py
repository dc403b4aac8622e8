"""The place handles its requests in the back office: a list per offer and date with their states, and on a
request's page its decision (confirm, decline with a reason, propose another date). Allocation rounds are
opened, allocated and read (the table of decisions) here too. Scope: portal.access through ScopedAdmin."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from bookings import allocation, links, states
from bookings.forms import DecisionForm
from bookings.models import AllocationPolicy, AllocationRound, BookingRequest
from municipalities.models import Municipality
from offers.models import Offer
from portal.admin import ScopedAdmin


@admin.register(BookingRequest)
class BookingRequestAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["created_at", "offer", "occurrence", "school", "pupils", "status"]
    list_filter = [
        "status",
        ("offer", admin.RelatedOnlyFieldListFilter),
        ("occurrence", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["offer", "occurrence", "school"]
    search_fields = ["school__name", "offer__title"]
    readonly_fields = [
        "offer",
        "occurrence",
        "wished_dates",
        "agreed_starts",
        "school",
        "grade",
        "pupils",
        "adults",
        "name",
        "email",
        "phone",
        "message",
        "status",
        "reason",
        "proposed_occurrence",
        "offered_until",
        "allocation",
        "created_at",
        "email_confirmed_at",
        "decided_at",
        "anonymised_at",
    ]
    change_form_template = "admin/bookings/bookingrequest/change_form.html"

    def has_add_permission(self, request):
        return False  # teachers send requests on the offer pages

    def get_urls(self):
        handle = path(
            "<int:pk>/handle/",
            self.admin_site.admin_view(self.handle_view),
            name="bookings_bookingrequest_handle",
        )
        return [handle, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra = {"show_save": False, "show_save_and_continue": False, "show_save_and_add_another": False}
        if obj is not None and self.has_change_permission(request, obj) and obj.status in self.DECIDABLE:
            extra["decision_form"] = DecisionForm(booking=obj)
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    DECIDABLE = {
        BookingRequest.Status.PENDING,
        BookingRequest.Status.WAITING,
        BookingRequest.Status.CONFIRMED,
    }

    @staticmethod
    def _decide(form: DecisionForm, booking: BookingRequest, base_url: str) -> str:
        data = form.cleaned_data
        if data["action"] == DecisionForm.CONFIRM:
            states.confirm(booking, base_url, data.get("agreed_starts"))
            return gettext("The request is confirmed; the teacher has been told by e-mail.")
        if data["action"] == DecisionForm.DECLINE:
            states.decline(booking, data["reason"], base_url)
            return gettext("The request is declined; the teacher has been told by e-mail.")
        states.propose(booking, data["other_date"], data.get("reason", ""), base_url)
        return gettext("The other date is proposed to the teacher by e-mail.")

    def handle_view(self, request, pk):
        """POST: the place's decision. 404 for a request outside the user's scope, 403 without the right."""
        if request.method != "POST":
            return redirect("admin:bookings_bookingrequest_change", pk)
        booking = self.get_object(request, str(pk))
        if booking is None:
            raise Http404
        if not self.has_change_permission(request, booking):
            raise PermissionDenied
        form = DecisionForm(request.POST, booking=booking)
        if not form.is_valid():
            errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
            messages.error(request, " ".join(errors))
            return redirect("admin:bookings_bookingrequest_change", pk)
        try:
            messages.success(request, self._decide(form, booking, links.base_url(request)))
        except states.BookingError as error:
            messages.error(request, str(error))
        return redirect("admin:bookings_bookingrequest_change", pk)


@admin.register(AllocationRound)
class AllocationRoundAdmin(ScopedAdmin, admin.ModelAdmin):
    list_display = ["offer", "requests_until", "status", "allocated_at"]
    list_filter = ["status"]
    list_select_related = ["offer"]
    fields = ["offer", "requests_until", "status", "seed", "allocated_at", "decisions"]
    readonly_fields = ["status", "seed", "allocated_at", "decisions"]
    change_form_template = "admin/bookings/allocationround/change_form.html"

    def get_readonly_fields(self, request, obj=None):
        fixed = ["offer", "requests_until"] if obj and obj.status != obj.Status.OPEN else []
        return [*fixed, *self.readonly_fields]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "offer":
            kwargs["queryset"] = Offer.objects.managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("decisions"))
    def decisions(self, obj):
        if not obj.table:
            return "–"
        head = format_html(
            "<tr><th scope='col'>{}</th><th scope='col'>{}</th><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th><th scope='col'>{}</th><th scope='col'>{}</th><th scope='col'>{}</th></tr>",
            _("Order"),
            _("School"),
            _("Date"),
            _("Visits this school year"),
            _("Distance (km)"),
            _("Lot number"),
            _("Result"),
            _("Why"),
        )
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    row["rank"],
                    row["school"],
                    row["date"],
                    row["visits"],
                    "–" if row["km"] is None else row["km"],
                    row["lot"],
                    _("Confirmed") if row["placed"] else _("Waiting list"),
                    row["reason"],
                )
                for row in obj.table
            ),
        )
        return format_html(
            '<table class="allocation-table"><thead>{}</thead><tbody>{}</tbody></table>', head, rows
        )

    def get_urls(self):
        run = path(
            "<int:pk>/allocate/",
            self.admin_site.admin_view(require_POST(self.allocate_view)),
            name="bookings_allocationround_allocate",
        )
        return [run, *super().get_urls()]

    def allocate_view(self, request, pk):
        round_ = self.get_object(request, str(pk))
        if round_ is None:
            raise Http404
        if not self.has_change_permission(request, round_):
            raise PermissionDenied
        try:
            decisions = allocation.allocate(round_, links.base_url(request))
        except states.BookingError as error:
            messages.error(request, str(error))
        else:
            placed = sum(1 for decision in decisions if decision.placed)
            messages.success(
                request,
                gettext("Allocated: %(placed)d of %(total)d requests got a place.")
                % {"placed": placed, "total": len(decisions)},
            )
        return redirect(reverse("admin:bookings_allocationround_change", args=[pk]))


@admin.register(AllocationPolicy)
class AllocationPolicyAdmin(ScopedAdmin, admin.ModelAdmin):
    """The municipality's say in allocation rounds at its learning places: kept by its consultants."""

    list_display = ["municipality", "favour_distant"]
    list_select_related = ["municipality"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "municipality":
            kwargs["queryset"] = Municipality.objects.managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
