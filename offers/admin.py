"""The back office for learning places, offers and the offer vocabularies, and how pickers show offers.

Learning places and offers are scoped (portal.admin.ScopedAdmin): a place editor sees and changes only their
own places and those places' offers; portal staff choose which fields only they change (`STAFF_ONLY_*`).
"""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from offers import review
from offers.admin_occurrences import OccurrenceInline
from offers.admin_review import OfferReviewAdmin
from offers.history import state_of
from offers.models import SDG, GradeLevel, Offer, Provider, Subject
from portal import access
from portal.admin import EmbedSnippetAdmin, PortalAdmin, ScopedAdmin

# Fields only portal staff change; a place editor sees them read-only. Keys are the interchange's stable
# identifiers and slugs the pages' addresses (a new offer of a place editor gets both from its title); the
# municipality places a learning place in a consultant's coverage.
STAFF_ONLY_PROVIDER_FIELDS = ["key", "slug", "municipality"]
STAFF_ONLY_OFFER_FIELDS = ["key", "slug"]


class StaffOnlyFields:
    """Fields in `staff_only_fields` are read-only, and not prepopulated, for anyone but portal staff."""

    staff_only_fields: list[str] = []

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if access.sees_everything(request.user):
            return readonly
        return readonly + [name for name in self.staff_only_fields if name not in readonly]

    def get_prepopulated_fields(self, request, obj=None):
        if not access.sees_everything(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)


def offer_label(offer: Offer) -> str:
    """How a picker shows an offer: title, then place and town, grades and status, so that offers with the
    same title can be told apart ("Byg et vikingeskib – Lejre Museum, Lejre · 4. klasse–6. klasse · Udgivet").
    Needs the offer's provider and grades loaded (`offer_choices`)."""
    place = ", ".join(part for part in (offer.provider.name, offer.provider.city) if part)
    details = [place, offer.grade_span, str(offer.get_status_display())]
    return f"{offer.title} – {' · '.join(detail for detail in details if detail)}"


def offer_choices(offers):
    """`offers` with what `offer_label` needs, in a constant number of queries."""
    return offers.select_related("provider").prefetch_related("grades")


def labelled_by_offer(field):
    """A form field choosing offers (from `offer_choices`) that shows them as `offer_label` does."""
    field.label_from_instance = offer_label
    return field


@admin.register(Subject)
class SubjectAdmin(PortalAdmin, admin.ModelAdmin):
    list_display = ["name", "slug", "level"]
    list_filter = ["level"]
    search_fields = ["name", "slug"]


@admin.register(GradeLevel)
class GradeLevelAdmin(PortalAdmin, admin.ModelAdmin):
    list_display = ["name", "slug", "stage", "order"]
    list_filter = ["stage"]
    search_fields = ["name", "slug"]


@admin.register(SDG)
class SDGAdmin(PortalAdmin, admin.ModelAdmin):
    list_display = ["number", "name_da", "name_en"]
    search_fields = ["name_da", "name_en"]


@admin.register(Provider)
class ProviderAdmin(StaffOnlyFields, EmbedSnippetAdmin, ScopedAdmin, admin.ModelAdmin):
    list_scope = "visible_to"  # consultants look up every place for partnerships; place editors their own
    staff_only_fields = STAFF_ONLY_PROVIDER_FIELDS
    list_display = ["name", "kind", "municipality", "city", "updated"]
    list_filter = ["kind", "municipality__region"]
    list_select_related = ["municipality"]
    search_fields = ["name", "key", "city"]
    autocomplete_fields = ["municipality"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created", "updated", "embed_snippet", "editor_names"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "description"]}),
        (_("Place"), {"fields": ["address", "postcode", "city", "municipality", "latitude", "longitude"]}),
        (_("Contact"), {"fields": ["website", "email", "phone"]}),
        (
            _("Identifiers"),
            {"fields": ["key", "slug", "editor_names", "created", "updated"], "classes": ["collapse"]},
        ),
        (_("On other web sites"), {"fields": ["embed_origins", "embed_snippet"]}),
    ]

    @admin.display(description=_("place editors"))
    def editor_names(self, provider: Provider) -> str:
        """Who keeps the place up to date (given with manage.py grant_provider)."""
        if not provider.pk:
            return "–"
        return ", ".join(user.get_username() for user in provider.editors.order_by("username")) or "–"

    def embed_path(self, provider: Provider) -> str:
        return reverse("offers:provider_embed", args=[provider.slug])

    def embed_title(self, provider: Provider) -> str:
        return provider.name


@admin.register(Offer)
class OfferAdmin(OfferReviewAdmin, StaffOnlyFields, ScopedAdmin, admin.ModelAdmin):
    list_scope = "visible_to"  # consultants look at published offers to feature them; place editors their own
    staff_only_fields = STAFF_ONLY_OFFER_FIELDS
    list_display = ["title", "provider", "format", "price_dkk", "status", "updated"]
    list_filter = [
        "status",
        "format",
        "provider__kind",
        "grades",
        "subjects",
        "provider__municipality__region",
    ]
    list_select_related = ["provider"]
    search_fields = ["title", "key", "provider__name"]
    autocomplete_fields = ["provider", "subjects", "grades", "sdgs"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created", "updated", "sent_back_comment"]
    date_hierarchy = "created"
    actions = ["publish", "submit", "approve", "archive", "copy_offers"]
    inlines = [OccurrenceInline]
    fieldsets = [
        (None, {"fields": ["title", "provider", "status", "summary", "description"]}),
        (_("For whom"), {"fields": ["subjects", "grades", "sdgs", "themes", "languages"]}),
        (
            _("Practical information"),
            {
                "fields": [
                    "format",
                    "price_dkk",
                    "duration_minutes",
                    "max_participants",
                    "available_from",
                    "available_to",
                ]
            },
        ),
        (_("Booking"), {"fields": ["booking_url", "booking_email"]}),
        (_("Identifiers"), {"fields": ["key", "slug", "created", "updated"], "classes": ["collapse"]}),
    ]

    autocomplete_label = staticmethod(offer_label)
    autocomplete_queryset = staticmethod(offer_choices)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and review.sent_back_comment(obj):
            return [(_("Sent back by portal staff"), {"fields": ["sent_back_comment"]}), *fieldsets]
        return fieldsets

    @admin.display(description=_("comment"))
    def sent_back_comment(self, offer: Offer) -> str:
        return review.sent_back_comment(offer) if offer.pk else ""

    def get_form(self, request, obj=None, change=False, **kwargs):
        """The status field offers what the user may choose (offers.review.statuses_for)."""
        form = super().get_form(request, obj, change=change, **kwargs)
        if "status" in form.base_fields:
            allowed = review.statuses_for(request.user, obj.status if obj else None)
            field = form.base_fields["status"]
            field.choices = [(value, label) for value, label in Offer.Status.choices if value in allowed]
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "provider":
            kwargs["queryset"] = Provider.objects.managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        """A place editor of one place creates offers for it."""
        initial = super().get_changeform_initial_data(request)
        if "provider" not in initial and not access.sees_everything(request.user):
            places = list(Provider.objects.managed_by(request.user).values_list("pk", flat=True)[:2])
            if len(places) == 1:
                initial["provider"] = places[0]
        return initial

    def save_model(self, request, obj, form, change):
        form.state_before = state_of(Offer.objects.get(pk=obj.pk)) if change else None
        if not obj.key:  # a place editor's new offer: identifiers from its title
            obj.key = obj.slug = review.unused_key(obj.title)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        """After the offer and its relations are saved: review where it applies, and the revision."""
        super().save_related(request, form, formsets, change)
        revision = review.settle(request.user, form.instance, form.state_before)
        if revision is not None and revision.action == revision.Action.SUBMITTED:
            self.message_user(
                request,
                _(
                    "The offer awaits approval by portal staff; it is shown in the catalogue when they have "
                    "approved it."
                ),
                messages.WARNING,
            )

    @admin.action(description=_("Publish selected offers"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Offer.Status.PUBLISHED)

    @admin.action(description=_("Archive selected offers"), permissions=["change"])
    def archive(self, request, queryset):
        self._set_status(request, queryset, Offer.Status.ARCHIVED)

    def _set_status(self, request, queryset, status):
        count = review.set_status(request.user, queryset.managed_by(request.user), status)
        message = ngettext(
            "%(count)d offer was set to “%(status)s”.", "%(count)d offers were set to “%(status)s”.", count
        ) % {"count": count, "status": Offer.Status(status).label}
        self.message_user(request, message, messages.SUCCESS)
