"""/sitemap.xml for crawlers: the public lists, offers, learning places, published municipal sites and public
partnerships. Searches and filtered lists are left out (robots.txt keeps crawlers away from them)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from municipalities.sitemaps import MunicipalSiteSitemap
from offers.sitemaps import OfferSitemap, PlaceSitemap
from partnerships.sitemaps import PartnershipSitemap


class ListSitemap(Sitemap):
    def items(self):
        return [
            "home",
            "offers:offer_list",
            "offers:provider_list",
            "municipalities:site_list",
            "partnerships:list",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "sider": ListSitemap,
    "tilbud": OfferSitemap,
    "steder": PlaceSitemap,
    "kommuner": MunicipalSiteSitemap,
    "samarbejder": PartnershipSitemap,
}
