"""Published municipal sites in the sitemap (portal/sitemaps.py)."""

from django.contrib.sitemaps import Sitemap

from municipalities.models import MunicipalSite


class MunicipalSiteSitemap(Sitemap):
    def items(self):
        return MunicipalSite.objects.published().select_related("municipality").order_by("pk")

    def lastmod(self, site):
        return site.updated
