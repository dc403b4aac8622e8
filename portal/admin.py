"""The admin site, titled for the portal's staff, and the mixins every back-office class of the portal uses:

- `PortalAdmin`: a list accepts only the lookups its list filters (and date hierarchy) offer, pickers
  (autocomplete fields) have accessible names, and the pages load the portal's admin CSS and scripts;
- `ScopedAdmin` / `ScopedInline`: the records a user may open and change come from the model's
  `managed_by(user)` / `visible_to(user)` QuerySet methods (portal.access), on the server;
- `PortalInline`: every field of a tabular inline carries its label (a table row has no <label>s).

The site itself redirects "view on site" (`/admin/r/<content type>/<id>/`) only for objects the user may view,
and lets a ModelAdmin give richer autocomplete labels (`autocomplete_label`).
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import FieldDoesNotExist
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal import access
from portal.embedding import snippet


class PortalAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete; a ModelAdmin with `autocomplete_label(obj)` labels its results with it, and
    with `autocomplete_queryset(queryset)` loads what the labels need."""

    def get_queryset(self):
        queryset = super().get_queryset()
        prepare = getattr(self.model_admin, "autocomplete_queryset", None)
        return prepare(queryset) if prepare else queryset

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        return result | {"text": label(obj)} if label else result


class PortalAdminSite(admin.AdminSite):
    site_header = _("Open School Portal – back office")
    site_title = _("Open School Portal")
    index_title = _("Back office")

    def get_urls(self):
        # Before Django's own pattern of the same address and name, so this one answers.
        view_on_site = path(
            "r/<path:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        return [view_on_site, *super().get_urls()]

    def view_on_site(self, request, content_type_id, object_id):
        """Redirect to an object's page only when its admin lets `request.user` view it; else 404, so
        counting ids reveals no slugs of drafts or of other municipalities' records."""
        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        except (ValueError, ContentType.DoesNotExist):
            raise Http404 from None
        model_admin = self._registry.get(model)
        if model_admin is None:
            raise Http404
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            raise Http404
        return shortcut(request, content_type_id, object_id)

    def autocomplete_view(self, request):
        return PortalAutocompleteJsonView.as_view(admin_site=self)(request)


def _walked_fields(model, lookup: str) -> tuple[str, ...]:
    """The fields a lookup walks through (`grades__id__exact` → ("grades",)), without its lookups and
    transforms, and without the related object's primary key at the end (it names the relation itself)."""
    walked = []
    field = None
    for part in lookup.split(LOOKUP_SEP):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            break
        walked.append(part)
        if not field.is_relation:
            break
        model = field.related_model
    if len(walked) > 1 and field is not None and not field.is_relation and field.primary_key:
        walked.pop()
    return tuple(walked)


class _Picker:
    """The admin's autocomplete with a placeholder, by which select2 names an empty picker; for several values
    without select2's clear-all cross, which it puts inside the list of chosen values (a list may hold only
    list items; each value keeps its own cross)."""

    placeholder = _("Search and choose")

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs) | {"data-placeholder": str(self.placeholder)}
        return attrs | {"data-allow-clear": "false"} if self.allow_multiple_selected else attrs


class PickerSelect(_Picker, AutocompleteSelect):
    pass


class PickerSelectMultiple(_Picker, AutocompleteSelectMultiple):
    pass


class PortalWidgets:
    """Autocomplete fields as `PickerSelect` / `PickerSelectMultiple`, for a ModelAdmin or an inline."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PickerSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PickerSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/admin-pickers.js"]


class PortalAdmin(PortalWidgets):
    """A ModelAdmin of the portal: named pickers (`PortalWidgets`), and a list that accepts only the lookups its
    list filters and date hierarchy offer.

    Django also accepts any lookup on a model's own fields and one step across a relation, so
    `?partnerships__id__exact=15` on the learning places would list who takes part in a record the user may
    not see. Here anything else is refused (Django answers 400).
    """

    def lookup_allowed(self, lookup, value, request=None):
        list_filter = self.get_list_filter(request) if request is not None else self.list_filter
        if any(getattr(item, "parameter_name", None) == lookup for item in list_filter):
            return True  # a SimpleListFilter's own parameter
        paths = {tuple(item.split(LOOKUP_SEP)) for item in list_filter if isinstance(item, str)}
        paths |= {tuple(item[0].split(LOOKUP_SEP)) for item in list_filter if isinstance(item, list | tuple)}
        if self.date_hierarchy:
            paths.add(tuple(self.date_hierarchy.split(LOOKUP_SEP)))
        walked = _walked_fields(self.model, lookup)
        return bool(walked) and walked in paths


class PortalInline(PortalWidgets):
    """A tabular inline whose every field, and every row's delete box, carries its label for assistive
    technology."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            field.widget.attrs.setdefault("aria-label", field.label)
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        delete_label = _("Delete this row")

        def add_fields(self, form, index):
            formset.add_fields(self, form, index)
            if "DELETE" in form.fields:
                form.fields["DELETE"].widget.attrs["aria-label"] = delete_label

        return type(formset.__name__, (formset,), {"add_fields": add_fields})


class ScopedAdmin(PortalAdmin):
    """Object-level access for a ModelAdmin, from the model's QuerySet methods (portal.access).

    The user opens the records of `list_scope` (`managed_by`, or `visible_to` for records the public sees
    anyway, such as published offers; a place editor always `managed_by`, see
    `access.looks_beyond_managed`) and changes or deletes only those of `managed_by`, as far as their
    model permissions allow. Change lists, forms, actions, history, "view on site" and autocomplete all go
    through `get_queryset`, so none of them shows another record.
    """

    list_scope = "managed_by"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not hasattr(request, "looks_beyond_managed"):  # asked many times a request: once is enough
            request.looks_beyond_managed = access.looks_beyond_managed(request.user)
        if self.list_scope != "managed_by" and request.looks_beyond_managed:
            return getattr(queryset, self.list_scope)(request.user)
        return queryset.managed_by(request.user)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or access.manages(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or access.manages(request.user, obj)
        )


class ScopedInline(PortalInline):
    """An inline whose rows may be seen, added, changed and deleted only on a parent the user manages
    (`obj` is the parent; no parent, as on an add form, defers to the model permissions)."""

    def _parent_managed(self, request, obj) -> bool:
        return obj is None or access.manages(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._parent_managed(request, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._parent_managed(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_managed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_managed(request, obj)


class EmbedSnippetAdmin:
    """For a ModelAdmin of an embeddable object: an ``embed_snippet`` read-only field with the code to paste.

    Subclasses say where the embed is (``embed_path(obj)``) and what the iframe is called
    (``embed_title(obj)``). The snippet needs the portal's address, which only the request knows, so the
    object being edited carries it (it is loaded for this one request).
    """

    def embed_path(self, obj) -> str:
        raise NotImplementedError

    def embed_title(self, obj) -> str:
        raise NotImplementedError

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            obj.portal_url = request.build_absolute_uri("/")
        return obj

    @admin.display(description=_("code to paste"))
    def embed_snippet(self, obj) -> str:
        base_url = getattr(obj, "portal_url", "")
        if not obj.pk or not base_url:
            return "–"
        code = snippet(base_url, self.embed_path(obj), self.embed_title(obj))
        help_text = _(
            "Paste this where the offers should appear on your web site. It works only on the web sites "
            "listed above; save the list first."
        )
        return format_html('<p>{}</p><pre class="embed-snippet"><code>{}</code></pre>', help_text, code)
