"""The back office for regions, municipalities and schools, and the consultants' municipal sites.

Every municipal-site admin class scopes through municipalities.access: a consultant sees and edits only
the sites of the municipalities they consult for, on the server (querysets and object permissions), not
only by hiding links.
"""

from django.contrib import admin
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from municipalities.access import consulted_municipalities, consults_for, visible_offers
from municipalities.models import FeaturedOffer, Municipality, MunicipalSite, Region, School
from offers.models import Offer
from portal.admin import EmbedSnippetAdmin, ObjectScopedAdmin, ObjectScopedInline


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["consultants"]

    def get_fields(self, request, obj=None):
        # Who consults where is shown only to those who may look at users (not to consultants).
        fields = super().get_fields(request, obj)
        return (
            fields if request.user.has_perm("auth.view_user") else [f for f in fields if f != "consultants"]
        )


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "postcode", "municipality"]
    list_filter = ["kind", "municipality__region"]
    list_select_related = ["municipality"]
    search_fields = ["name", "key", "postcode"]
    autocomplete_fields = ["municipality"]


def _choosable_offers(request, site_pks) -> Q:
    """Offers a user may pick for a site: those they may look up, plus those already on their sites
    (so an entry whose offer was archived since can still be saved or removed)."""
    visible = Q(pk__in=visible_offers(request.user, Offer.objects.all()).values("pk"))
    on_own_sites = Q(pk__in=FeaturedOffer.objects.filter(site__in=site_pks).values("offer_id")) | Q(
        pk__in=MunicipalSite.extra_offers.through.objects.filter(municipalsite__in=site_pks).values(
            "offer_id"
        )
    )
    return visible | on_own_sites


def _own_site_pks(request):
    return MunicipalSite.objects.filter(municipality__in=consulted_municipalities(request.user)).values("pk")


class FeaturedOfferInline(ObjectScopedInline, admin.TabularInline):
    model = FeaturedOffer
    fields = ["position", "offer", "note", "shown"]
    readonly_fields = ["shown"]
    autocomplete_fields = ["offer"]
    extra = 1

    @admin.display(description=_("shown"), boolean=True)
    def shown(self, entry: FeaturedOffer) -> bool | None:
        return entry.offer.status == Offer.Status.PUBLISHED if entry.offer_id else None

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("offer")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "offer":
            kwargs["queryset"] = Offer.objects.filter(_choosable_offers(request, _own_site_pks(request)))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def object_in_scope(self, request, site) -> bool:
        return consults_for(request.user, site.municipality)


@admin.register(MunicipalSite)
class MunicipalSiteAdmin(EmbedSnippetAdmin, ObjectScopedAdmin, admin.ModelAdmin):
    list_display = ["title", "municipality", "published", "updated"]
    list_filter = ["published", "municipality__region"]
    list_select_related = ["municipality"]
    search_fields = ["title", "municipality__name", "municipality__code"]
    autocomplete_fields = ["extra_offers"]
    inlines = [FeaturedOfferInline]
    fieldsets = [
        (None, {"fields": ["municipality", "title", "published", "intro"]}),
        (_("Contact"), {"fields": ["contact_name", "contact_email", "contact_phone"]}),
        (_("For the schools"), {"fields": ["goals", "transport_info"]}),
        (_("Selection"), {"fields": ["include_local_offers", "extra_offers"]}),
        (_("Pages"), {"fields": ["pages", "created", "updated"]}),
        (_("On other web sites"), {"fields": ["embed_origins", "embed_snippet"]}),
    ]

    @admin.display(description=_("pages"))
    def pages(self, site: MunicipalSite) -> str:
        if not site.pk:
            return "–"
        slug = site.municipality.slug
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a class="button" href="{}">{}</a>',
            reverse("municipalities:site_detail", args=[slug]),
            _("The site"),
            reverse("municipalities:coverage", args=[slug]),
            _("Coverage of subjects and grade levels"),
            reverse("municipalities:catalogue_pdf", args=[slug]),
            _("The printed catalogue (PDF)"),
        )

    def embed_path(self, site: MunicipalSite) -> str:
        return reverse("site_embed", args=[site.municipality.slug])

    def embed_title(self, site: MunicipalSite) -> str:
        return site.title

    def get_readonly_fields(self, request, obj=None):
        readonly = ["pages", "created", "updated", "embed_snippet"]
        return ["municipality", *readonly] if obj else readonly

    def get_queryset(self, request):
        return super().get_queryset(request).filter(municipality__in=consulted_municipalities(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "municipality":
            kwargs["queryset"] = consulted_municipalities(request.user).filter(site__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "extra_offers":
            kwargs["queryset"] = Offer.objects.filter(_choosable_offers(request, _own_site_pks(request)))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def object_in_scope(self, request, site) -> bool:
        return consults_for(request.user, site.municipality)

    def has_add_permission(self, request):
        without_site = consulted_municipalities(request.user).filter(site__isnull=True)
        return super().has_add_permission(request) and without_site.exists()
