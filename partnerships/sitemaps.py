"""Public partnerships in the sitemap (portal/sitemaps.py)."""

from django.contrib.sitemaps import Sitemap

from partnerships.models import Partnership


class PartnershipSitemap(Sitemap):
    def items(self):
        return Partnership.objects.public().only("slug", "updated").order_by("pk")

    def lastmod(self, partnership):
        return partnership.updated
