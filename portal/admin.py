"""The admin site, titled for the portal's staff."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


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
