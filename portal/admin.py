"""The admin site, titled for the portal's staff."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.embedding import snippet


class PortalAdminSite(admin.AdminSite):
    site_header = _("Open School Portal – back office")
    site_title = _("Open School Portal")
    index_title = _("Back office")


class ObjectScopedAdmin:
    """Object-level permissions on top of Django's model permissions, for a ModelAdmin or an inline.

    Subclasses say which objects the user may work on in `object_in_scope(request, obj)`; for an inline, `obj` is
    the parent object. No object (a change list, an add form) defers to the model permissions alone.
    """

    def object_in_scope(self, request, obj) -> bool:
        raise NotImplementedError

    def _allowed(self, request, obj) -> bool:
        return obj is None or self.object_in_scope(request, obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._allowed(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._allowed(request, obj)


class ObjectScopedInline(ObjectScopedAdmin):
    """An inline may add rows only to a parent in scope."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._allowed(request, obj)


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
