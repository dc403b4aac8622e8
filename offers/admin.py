"""The back office for learning places, offers and the offer vocabularies, and how pickers show offers."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from offers.admin_occurrences import OccurrenceInline
from offers.models import SDG, GradeLevel, Offer, Provider, Subject
from portal.admin import EmbedSnippetAdmin, PortalAdmin, ScopedAdmin


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
class ProviderAdmin(EmbedSnippetAdmin, PortalAdmin, admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "city", "updated"]
    list_filter = ["kind", "municipality__region"]
    list_select_related = ["municipality"]
    search_fields = ["name", "key", "city"]
    autocomplete_fields = ["municipality"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created", "updated", "embed_snippet"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "description"]}),
        (_("Place"), {"fields": ["address", "postcode", "city", "municipality", "latitude", "longitude"]}),
        (_("Contact"), {"fields": ["website", "email", "phone"]}),
        (_("Identifiers"), {"fields": ["key", "slug", "created", "updated"], "classes": ["collapse"]}),
        (_("On other web sites"), {"fields": ["embed_origins", "embed_snippet"]}),
    ]

    def embed_path(self, provider: Provider) -> str:
        return reverse("offers:provider_embed", args=[provider.slug])

    def embed_title(self, provider: Provider) -> str:
        return provider.name


@admin.register(Offer)
class OfferAdmin(ScopedAdmin, admin.ModelAdmin):
    list_scope = "visible_to"  # consultants look at published offers to feature them
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
    readonly_fields = ["created", "updated"]
    date_hierarchy = "created"
    actions = ["publish", "archive"]
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

    @admin.action(description=_("Publish selected offers"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Offer.Status.PUBLISHED)

    @admin.action(description=_("Archive selected offers"), permissions=["change"])
    def archive(self, request, queryset):
        self._set_status(request, queryset, Offer.Status.ARCHIVED)

    def _set_status(self, request, queryset, status):
        count = queryset.exclude(status=status).update(status=status)
        message = ngettext(
            "%(count)d offer was set to “%(status)s”.", "%(count)d offers were set to “%(status)s”.", count
        ) % {"count": count, "status": Offer.Status(status).label}
        self.message_user(request, message, messages.SUCCESS)
