"""The catalogue in the sitemap (portal/sitemaps.py): published offers and the places that have one."""

from django.contrib.sitemaps import Sitemap

from offers.models import Offer, Provider


class OfferSitemap(Sitemap):
    def items(self):
        return Offer.objects.published().only("slug", "updated").order_by("pk")

    def lastmod(self, offer):
        return offer.updated


class PlaceSitemap(Sitemap):
    def items(self):
        with_offer = Offer.objects.published().values("provider_id")
        return Provider.objects.filter(pk__in=with_offer).only("slug", "updated").order_by("pk")

    def lastmod(self, place):
        return place.updated
