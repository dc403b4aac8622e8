"""The back office for partnerships and their contacts.

Scoping goes through portal.access on the server (`ScopedAdmin`): portal staff see every record, a municipal
consultant only those involving their municipalities (querysets, object permissions, autocomplete). A
consultant adds and removes only the municipalities they consult for and keeps at least one of them; links
to other municipalities stay as they are (portal staff, or a consultant of both, make a record shared). Offers
to link are those the user may see (published ones, for a consultant) plus those already linked. The list
shows the health flags (partnerships.health) and filters by them in SQL.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality
from offers.admin import labelled_by_offer, offer_choices
from partnerships import health
from partnerships.models import Activity, Contact, Partnership
from portal import access
from portal.admin import ScopedAdmin, ScopedInline


class HealthFilter(admin.SimpleListFilter):
    title = _("health")
    parameter_name = "health"

    def lookups(self, request, model_admin):
        return [("any", _("Any flag")), ("none", _("No flags"))] + [(f.name, f.label) for f in health.FLAGS]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            return queryset.filter(flag_count__gt=0)
        if value == "none":
            return queryset.filter(flag_count=0)
        if health.is_flag(value):
            return queryset.filter(**{health.field_name(value): True})
        return queryset


class PeriodFilter(admin.SimpleListFilter):
    title = _("period")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        return [("current", _("Current")), ("ended", _("Ended"))]

    def queryset(self, request, queryset):
        current = health.current(timezone.localdate())
        if self.value() == "current":
            return queryset.filter(current)
        if self.value() == "ended":
            return queryset.exclude(current)
        return queryset


class MunicipalityFilter(admin.SimpleListFilter):
    """The municipalities of the records the user sees (not all 98), by official code."""

    title = _("municipality")
    parameter_name = "municipality"

    def lookups(self, request, model_admin):
        records = model_admin.get_queryset(request).values("pk")
        municipalities = Municipality.objects.filter(partnerships__in=records).distinct().order_by("name")
        return [(m.code, m.name) for m in municipalities]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.involving_municipalities(Municipality.objects.filter(code=self.value()))
        return queryset


class PartnershipAdminForm(forms.ModelForm):
    activities = forms.MultipleChoiceField(
        label=_("activities"), choices=Activity.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Partnership
        fields = ["activities", "municipalities"]  # the admin adds the fields of its fieldsets

    # Set by PartnershipAdmin.get_form: the user the form is for.
    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "offers" in self.fields:
            linked = [self.instance.offers.values("pk")] if self.instance.pk else []
            labelled_by_offer(self.fields["offers"]).queryset = offer_choices(
                access.choosable_offers(self.user, *linked)
            )

    def clean_municipalities(self):
        """Portal staff choose freely; a consultant adds and removes only their own municipalities and keeps
        at least one of them."""
        chosen = self.cleaned_data["municipalities"]
        if access.sees_everything(self.user):
            return chosen
        own = set(access.consulted_municipalities(self.user))
        before = set(self.instance.municipalities.all()) if self.instance.pk else set()
        errors = []
        if added := sorted(m.name for m in set(chosen) - before - own):
            errors.append(
                ValidationError(
                    _("You can only add municipalities you consult for, not %(names)s."),
                    params={"names": ", ".join(added)},
                )
            )
        if removed := sorted(m.name for m in before - set(chosen) - own):
            errors.append(
                ValidationError(
                    _("You can only remove municipalities you consult for, not %(names)s."),
                    params={"names": ", ".join(removed)},
                )
            )
        if not own & set(chosen):
            errors.append(
                ValidationError(
                    _("Include at least one of your own municipalities: %(names)s."),
                    params={"names": ", ".join(sorted(m.name for m in own))},
                )
            )
        if errors:
            raise ValidationError(errors)
        return chosen


class ContactInline(ScopedInline, admin.TabularInline):
    model = Contact
    fields = ["position", "role", "name", "email"]
    extra = 1


@admin.register(Partnership)
class PartnershipAdmin(ScopedAdmin, admin.ModelAdmin):
    form = PartnershipAdminForm
    list_display = ["title", "kind", "agreement", "municipality_names", "ended", "public", "health_summary"]
    list_filter = [HealthFilter, PeriodFilter, "kind", "agreement", MunicipalityFilter, "public", "recurring"]
    search_fields = ["title", "key", "description", "goals", "providers__name", "schools__name"]
    autocomplete_fields = [
        "providers",
        "schools",
        "municipalities",
        "offers",
        "subjects",
        "grades",
        "successor",
    ]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["health_report", "pages", "created", "updated"]
    inlines = [ContactInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "kind", "public", "description", "goals"]}),
        (_("Health"), {"fields": ["health_report"]}),
        (_("Who takes part"), {"fields": ["providers", "schools", "municipalities"]}),
        (_("Period"), {"fields": ["started", "ended", "recurring", "successor"]}),
        (_("Teaching"), {"fields": ["grades", "subjects", "activities", "offers"]}),
        (_("Agreement"), {"fields": ["agreement", "resources"]}),
        (_("Evaluation"), {"fields": ["last_evaluated", "evaluation_notes"]}),
        (
            _("Identifiers"),
            {"fields": ["key", "slug", "pages", "created", "updated"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).with_health(timezone.localdate()).prefetch_related("municipalities")
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "successor":
            kwargs["queryset"] = Partnership.objects.managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("municipalities"))
    def municipality_names(self, partnership: Partnership) -> str:
        return ", ".join(m.name for m in partnership.municipalities.all())

    @admin.display(description=_("health"), ordering="flag_count")
    def health_summary(self, partnership: Partnership) -> str:
        flags = partnership.health_flags()
        if not flags:
            return "–"
        items = format_html_join("", '<li title="{}">{}</li>', ((f.explanation, f.label) for f in flags))
        return format_html("<ul>{}</ul>", items)

    @admin.display(description=_("health flags"))
    def health_report(self, partnership: Partnership) -> str:
        if not partnership.pk:
            return _("Shown when the record has been saved.")
        flags = partnership.health_flags()
        if not flags:
            return _("No flags: the record looks healthy.")
        items = format_html_join(
            "", "<li><strong>{}</strong>: {}</li>", ((f.label, f.explanation) for f in flags)
        )
        return format_html("<ul>{}</ul>", items)

    @admin.display(description=_("pages"))
    def pages(self, partnership: Partnership) -> str:
        if not partnership.pk:
            return "–"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            partnership.get_absolute_url(),
            _("The public page") if partnership.public else _("Preview (not public)"),
            partnership.get_agreement_url(),
            _("Printable agreement"),
        )

    def has_add_permission(self, request):
        return super().has_add_permission(request) and Municipality.objects.managed_by(request.user).exists()
