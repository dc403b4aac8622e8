"""Public geography and institutions: regions, municipalities and schools (reference data), and the
municipalities' own subsites (kommunesites) with the offers their consultants feature."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.embedding import OriginListField

if TYPE_CHECKING:
    from offers.models import Offer


class Region(models.Model):
    code = models.CharField(
        _("code"), max_length=4, unique=True, help_text=_("Official region code, e.g. 1084.")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        help_text=_("Official municipality code (kommunekode), e.g. 350."),
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )
    consultants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="consultant_for",
        verbose_name=_("consultants"),
        help_text=_("Staff users who edit this municipality's site (see municipalities/access.py)."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    @property
    def official_name(self) -> str:
        """ "Lejre Kommune"; Copenhagen and Bornholm have their own forms."""
        special = {"101": "Københavns Kommune", "400": "Bornholms Regionskommune"}
        return special.get(self.code, f"{self.name} Kommune")


class School(models.Model):
    class Kind(models.TextChoices):
        FOLKESKOLE = "folkeskole", _("Public school (folkeskole)")
        FRISKOLE = "friskole", _("Independent or private school")
        EFTERSKOLE = "efterskole", _("Continuation school (efterskole)")
        SPECIALSKOLE = "specialskole", _("Special school")
        GYMNASIUM = "gymnasium", _("Upper secondary school (gymnasium)")
        ERHVERVSSKOLE = "erhvervsskole", _("Vocational school")
        DAGTILBUD = "dagtilbud", _("Day care (dagtilbud)")
        OTHER = "other", _("Other")

    key = models.SlugField(
        _("key"), max_length=200, unique=True, help_text=_("Stable identifier: name-postcode.")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schools",
        verbose_name=_("municipality"),
    )
    cvr = models.CharField(_("CVR number"), max_length=8, blank=True)
    ean = models.CharField(_("EAN number"), max_length=13, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(postcode="") | models.Q(postcode__regex=r"^[0-9]{4}$"),
                name="school_postcode_four_digits",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.postcode})" if self.postcode else self.name


class MunicipalSiteQuerySet(models.QuerySet):
    def published(self) -> MunicipalSiteQuerySet:
        return self.filter(published=True)


class MunicipalSite(models.Model):
    """A municipality's subsite (kommunesite): its texts and its selection of offers.

    The selection is the featured offers (in the consultant's order, with a note each), plus, when
    `include_local_offers` is set, every offer whose learning place lies in the municipality, plus the
    offers the consultant added from elsewhere without featuring them (`extra_offers`). Only published
    offers ever show.
    """

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="site", verbose_name=_("municipality")
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    transport_info = models.TextField(
        _("transport"),
        blank=True,
        help_text=_("How schools get there, e.g. how to apply to the transport pool."),
    )
    goals = models.TextField(_("goals"), blank=True, help_text=_("The municipality's goals for open school."))
    include_local_offers = models.BooleanField(
        _("include local offers"),
        default=True,
        help_text=_("Show every published offer from learning places in the municipality."),
    )
    extra_offers = models.ManyToManyField(
        "offers.Offer",
        blank=True,
        related_name="added_to_sites",
        verbose_name=_("other offers"),
        help_text=_("Offers from elsewhere that belong to the selection without being featured."),
    )
    published = models.BooleanField(_("published"), default=False)
    embed_origins = OriginListField(
        verbose_name=_("web sites that may embed the selection"),
        help_text=_(
            "One address per line, e.g. https://www.lejre.dk. Only these sites can show the selection."
        ),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = MunicipalSiteQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__name"]
        verbose_name = _("municipal site")
        verbose_name_plural = _("municipal sites")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("municipalities:site_detail", args=[self.municipality.slug])

    def selection(self) -> models.QuerySet[Offer]:
        """The published offers of this site: featured, local (if included) and added. No duplicates."""
        from offers.models import Offer

        chosen = models.Q(pk__in=FeaturedOffer.objects.filter(site=self).values("offer_id")) | models.Q(
            pk__in=MunicipalSite.extra_offers.through.objects.filter(municipalsite=self).values("offer_id")
        )
        if self.include_local_offers:
            chosen |= models.Q(provider__municipality_id=self.municipality_id)
        return Offer.objects.published().filter(chosen)

    def featured_entries(self) -> models.QuerySet[FeaturedOffer]:
        """The featured offers that are published, in the consultant's order, ready for offer cards."""
        from offers.models import Offer

        return (
            self.featured.filter(offer__status=Offer.Status.PUBLISHED)
            .select_related("offer__provider__municipality")
            .prefetch_related("offer__subjects", "offer__grades", "offer__sdgs")
        )

    def other_offers(self) -> models.QuerySet[Offer]:
        """The rest of the selection (everything not featured), by title, ready for offer cards."""
        featured = FeaturedOffer.objects.filter(site=self).values("offer_id")
        return self.selection().exclude(pk__in=featured).with_card_relations().order_by("title", "pk")


class FeaturedOfferQuerySet(models.QuerySet):
    def on_published_sites(self, offer: Offer) -> FeaturedOfferQuerySet:
        """Where `offer` is featured, on published sites only, by municipality, with the site loaded."""
        return (
            self.filter(offer=offer, site__published=True)
            .select_related("site__municipality")
            .order_by("site__municipality__name")
        )


class FeaturedOffer(models.Model):
    """An offer a municipal site features, with the consultant's note and place in the order."""

    site = models.ForeignKey(
        MunicipalSite, on_delete=models.CASCADE, related_name="featured", verbose_name=_("municipal site")
    )
    offer = models.ForeignKey(
        "offers.Offer", on_delete=models.CASCADE, related_name="featured_on", verbose_name=_("offer")
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("E.g. “Free for the municipality's schools”.")
    )
    position = models.PositiveIntegerField(_("position"), default=0, help_text=_("Lower numbers come first."))

    objects = FeaturedOfferQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("featured offer")
        verbose_name_plural = _("featured offers")
        constraints = [models.UniqueConstraint(fields=["site", "offer"], name="featured_offer_once_per_site")]

    def __str__(self) -> str:
        return f"{self.site} – {self.offer}"
