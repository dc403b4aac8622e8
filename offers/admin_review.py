"""The offer admin's part in publishing with review (offers.review) and the change history (offers.history):
the actions (submit, approve, copy), the queue of offers waiting for portal staff, the page where staff compare
an offer with its last published version and approve it or send it back, and the history page's field changes.

Every page finds its offers through the offer admin's queryset, so a place editor reaches only their own.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from offers import review
from offers.history import OfferRevision, describe, published_state
from offers.models import Offer
from portal import access

QUEUE_SIZE = 200  # the queue page lists this many offers, oldest first


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Comment to the place"),
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text=gettext_lazy("Needed when you send the offer back: say what should change."),
    )


class OfferReviewAdmin:
    """For OfferAdmin: review, copy and history."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("review/", view(self.review_queue_view), name="offers_offer_review_queue"),
            path("<int:offer_id>/review/", view(self.review_view), name="offers_offer_review"),
            *super().get_urls(),
        ]

    def has_approve_permission(self, request) -> bool:
        """Portal staff who may change offers approve them."""
        return access.sees_everything(request.user) and self.has_change_permission(request)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if review.needs_review(request.user):
            actions.pop("publish", None)
        else:
            actions.pop("submit", None)
        return actions

    @admin.action(description=gettext_lazy("Send selected offers for approval"), permissions=["change"])
    def submit(self, request, queryset):
        count = review.set_status(request.user, queryset.managed_by(request.user), Offer.Status.REVIEW)
        message = ngettext(
            "%(count)d offer was sent to portal staff for approval.",
            "%(count)d offers were sent to portal staff for approval.",
            count,
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Approve selected offers"), permissions=["approve"])
    def approve(self, request, queryset):
        waiting = queryset.managed_by(request.user).filter(status=Offer.Status.REVIEW)
        count = sum(review.approve(request.user, offer) for offer in waiting)
        message = ngettext(
            "%(count)d offer was approved and published.",
            "%(count)d offers were approved and published.",
            count,
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Copy selected offers"), permissions=["add"])
    def copy_offers(self, request, queryset):
        copies = [review.copy_offer(request.user, offer) for offer in queryset.managed_by(request.user)]
        if len(copies) == 1:
            copy = copies[0]
            self.message_user(
                request, _("The copy “%(title)s” is a draft.") % {"title": copy.title}, messages.SUCCESS
            )
            return redirect("admin:offers_offer_change", copy.pk)
        message = ngettext(
            "%(count)d offer was copied; the copies are drafts.",
            "%(count)d offers were copied; the copies are drafts.",
            len(copies),
        )
        self.message_user(request, message % {"count": len(copies)}, messages.SUCCESS)
        return None

    def changelist_view(self, request, extra_context=None):
        context = extra_context or {}
        if self.has_approve_permission(request):
            context["review_queue_url"] = reverse("admin:offers_offer_review_queue")
            context["review_queue_count"] = Offer.objects.filter(status=Offer.Status.REVIEW).count()
        return super().changelist_view(request, context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = extra_context or {}
        if self.has_approve_permission(request):
            context["may_review"] = True
        return super().change_view(request, object_id, form_url, context)

    def review_queue_view(self, request):
        if not self.has_approve_permission(request):
            raise PermissionDenied
        submitted = OfferRevision.objects.filter(offer=OuterRef("pk"), action=OfferRevision.Action.SUBMITTED)
        offers = (
            self.get_queryset(request)
            .filter(status=Offer.Status.REVIEW)
            .select_related("provider")
            .annotate(submitted=Subquery(submitted.values("created")[:1]))
            .order_by("submitted", "pk")[:QUEUE_SIZE]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Offers awaiting approval"),
            "offers": offers,
        }
        return TemplateResponse(request, "admin/offers/offer/review_queue.html", context)

    def review_view(self, request, offer_id: int):
        if not self.has_approve_permission(request):
            raise PermissionDenied
        offer = get_object_or_404(self.get_queryset(request).select_related("provider"), pk=offer_id)
        form = ReviewForm(request.POST or None)
        if request.method == "POST":
            decision = request.POST.get("decision")
            if decision not in ("approve", "send_back"):
                return HttpResponseBadRequest(_("Choose to approve the offer or to send it back."))
            if form.is_valid() and self._decide(request, offer, decision, form):
                return redirect("admin:offers_offer_review_queue")
        changes = review.pending_changes(offer) if offer.status == Offer.Status.REVIEW else {}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Approve or send back"),
            "subtitle": offer.title,
            "offer": offer,
            "waiting": offer.status == Offer.Status.REVIEW,
            "changes": describe(changes),
            "first_publication": offer.status == Offer.Status.REVIEW and published_state(offer) is None,
            "form": form,
        }
        return TemplateResponse(request, "admin/offers/offer/review.html", context)

    def _decide(self, request, offer: Offer, decision: str, form: ReviewForm) -> bool:
        comment = form.cleaned_data["comment"].strip()
        if decision == "send_back" and not comment:
            form.add_error("comment", _("Say what the place should change before you send the offer back."))
            return False
        decide = review.approve if decision == "approve" else review.send_back
        if not decide(request.user, offer, comment):
            self.message_user(request, _("The offer no longer awaits approval."), messages.WARNING)
            return True
        self.log_change(request, offer, _("Approved.") if decision == "approve" else _("Sent back."))
        done = _("“%(title)s” is published.") if decision == "approve" else _("“%(title)s” was sent back.")
        self.message_user(request, done % {"title": offer.title}, messages.SUCCESS)
        return True

    def history_view(self, request, object_id, extra_context=None):
        """Django's log, and above it every recorded change of the offer field by field (offers.history)."""
        offer = self.get_object(request, object_id)
        context = extra_context or {}
        if offer is not None and self.has_view_or_change_permission(request, offer):
            context["revisions"] = offer.revisions.exclude(
                action=OfferRevision.Action.RECORDED
            ).select_related("user")
        return super().history_view(request, object_id, context)
