"""The admin site, titled for the portal's staff."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Open School Portal – back office")
    site_title = _("Open School Portal")
    index_title = _("Back office")
