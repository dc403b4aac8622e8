"""The back office for regions, municipalities and schools, and the consultants' municipal sites.

Every municipal-site admin class scopes through portal.access (`ScopedAdmin`): a consultant sees and edits
only the sites of the municipalities they consult for, on the server (querysets and object permissions), not
only by hiding links. Featured offers are chosen with a picker that tells same-titled offers apart and are
ordered by drag and drop or with up/down buttons (static/js/admin-order.js).
"""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from municipalities.models import FeaturedOffer, Municipality, MunicipalSite, Postcode, Region, School
from offers.admin import labelled_by_offer, offer_choices
from offers.models import Offer
from portal.access import choosable_offers
from portal.admin import EmbedSnippetAdmin, PortalAdmin, ScopedAdmin, ScopedInline


@admin.register(Region)
class RegionAdmin(PortalAdmin, admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(Municipality)
class MunicipalityAdmin(PortalAdmin, admin.ModelAdmin):
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["consultants"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "consultants":
            kwargs["help_text"] = _(
                "Staff users who consult for this municipality: they edit its site and the partnerships "
                "involving it. The group “Municipal consultants” gives them the permissions; "
                "manage.py grant_municipality sets up both."
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_fields(self, request, obj=None):
        # Who consults where is shown only to those who may look at users (not to consultants).
        fields = super().get_fields(request, obj)
        return (
            fields if request.user.has_perm("auth.view_user") else [f for f in fields if f != "consultants"]
        )


@admin.register(School)
class SchoolAdmin(PortalAdmin, admin.ModelAdmin):
    list_display = ["name", "kind", "postcode", "municipality", "location_source"]
    list_filter = ["kind", "location_source", "municipality__region"]
    list_select_related = ["municipality"]
    search_fields = ["name", "key", "postcode"]
    autocomplete_fields = ["municipality"]
    fieldsets = [
        (None, {"fields": ["key", "name", "kind", "address", "postcode", "municipality", "cvr", "ean"]}),
        (
            _("Location"),
            {
                "fields": ["latitude", "longitude", "location_source", "map"],
                "description": _(
                    "WGS84 degrees, e.g. 55.4623 and 11.5530. Distances to learning places are measured "
                    "from here; without coordinates, from the postcode's point."
                ),
            },
        ),
    ]
    readonly_fields = ["map"]

    @admin.display(description=_("map"))
    def map(self, school: School) -> str:
        if school.latitude is None or school.longitude is None:
            return "–"
        lat, lon = school.latitude, school.longitude
        return format_html(
            '<a href="https://www.openstreetmap.org/?mlat={}&amp;mlon={}#map=16/{}/{}" rel="noopener">{}</a>',
            f"{lat:.5f}",
            f"{lon:.5f}",
            f"{lat:.5f}",
            f"{lon:.5f}",
            _("Show on map (OpenStreetMap)"),
        )


@admin.register(Postcode)
class PostcodeAdmin(PortalAdmin, admin.ModelAdmin):
    """Reference data from municipalities/data/postcodes.csv: looked up, not edited."""

    list_display = ["code", "city", "region", "latitude", "longitude"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["code", "city"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _choosable_offers(request):
    """Offers a user may pick for their sites: those visible to them, plus those already on the sites they
    manage (so an entry whose offer was archived since can still be saved or removed)."""
    sites = MunicipalSite.objects.managed_by(request.user).values("pk")
    return choosable_offers(
        request.user,
        FeaturedOffer.objects.filter(site__in=sites).values("offer_id"),
        MunicipalSite.extra_offers.through.objects.filter(municipalsite__in=sites).values("offer_id"),
    )


class FeaturedOfferForm(forms.ModelForm):
    """A featured offer's row: the position may be left empty (the offer goes last) and carries what the
    reordering controls of static/js/admin-order.js need."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        position = self.fields["position"]
        position.required = False
        position.help_text = _("Lower numbers come first; empty puts the offer last. Or move the rows.")
        if self.instance.pk is None:
            self.initial["position"] = None  # not the model's default 0: an empty position means "last"
        position.widget.attrs |= {
            "class": "js-order-position",
            "data-move-up": _("Move up"),
            "data-move-down": _("Move down"),
            "data-drag": _("Drag to move"),
            "data-moved": _("Moved to place %(place)s of %(count)s."),
        }


class FeaturedOfferFormSet(BaseInlineFormSet):
    def clean(self):
        """Rows without a position go last, in the order they were added."""
        super().clean()
        rows = [form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)]
        last = max((form.cleaned_data.get("position") or 0 for form in rows), default=0)
        for form in rows:
            if form.cleaned_data.get("position") is None:
                last += 1
                form.instance.position = last


class FeaturedOfferInline(ScopedInline, admin.TabularInline):
    model = FeaturedOffer
    form = FeaturedOfferForm
    formset = FeaturedOfferFormSet
    fields = ["position", "offer", "note", "shown"]
    readonly_fields = ["shown"]
    autocomplete_fields = ["offer"]
    extra = 1

    class Media:
        js = ["js/admin-order.js"]

    @admin.display(description=_("shown"), boolean=True)
    def shown(self, entry: FeaturedOffer) -> bool | None:
        return entry.offer.status == Offer.Status.PUBLISHED if entry.offer_id else None

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("offer")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "offer":
            kwargs["queryset"] = offer_choices(_choosable_offers(request))
            return labelled_by_offer(super().formfield_for_foreignkey(db_field, request, **kwargs))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(MunicipalSite)
class MunicipalSiteAdmin(EmbedSnippetAdmin, ScopedAdmin, admin.ModelAdmin):
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
        (
            _("Transport support"),
            {
                "fields": [
                    "transport_scheme",
                    "transport_grades",
                    "transport_max_distance_km",
                    "transport_within_municipality_only",
                    "transport_max_amount_dkk",
                    "transport_apply_days_before",
                    "transport_apply_url",
                    "transport_apply_email",
                    "transport_note",
                ],
                "description": _(
                    "The rules the portal applies to every offer for a teacher whose school lies in the "
                    "municipality: “Roskilde Kommune covers a bus to here …” or why not."
                ),
            },
        ),
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

    def _municipalities_without_site(self, request):
        return Municipality.objects.managed_by(request.user).filter(site__isnull=True)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "municipality":
            kwargs["queryset"] = self._municipalities_without_site(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "extra_offers":
            kwargs["queryset"] = offer_choices(_choosable_offers(request))
            return labelled_by_offer(super().formfield_for_manytomany(db_field, request, **kwargs))
        if db_field.name == "transport_grades":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self._municipalities_without_site(request).exists()
