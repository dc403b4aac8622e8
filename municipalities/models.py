"""Public geography and institutions: regions, municipalities and schools (reference data), and the
municipalities' own subsites (kommunesites) with the offers their consultants feature."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal import access
from portal.embedding import OriginListField

if TYPE_CHECKING:
    from offers.models import Offer

# Range checks shared by every model with coordinates (WGS84 degrees).
LATITUDE_RANGE = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_RANGE = [MinValueValidator(-180), MaxValueValidator(180)]


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


class MunicipalityQuerySet(models.QuerySet):
    def managed_by(self, user) -> MunicipalityQuerySet:
        """The municipalities whose sites and partnerships `user` works on (see portal.access)."""
        return access.restrict(self, user, consultant=lambda municipalities: models.Q(pk__in=municipalities))


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

    objects = MunicipalityQuerySet.as_manager()

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


class Postcode(models.Model):
    """A Danish postcode with a point on land inside its area: where a school or learning place without
    coordinates of its own is taken to lie (municipalities/data/postcodes.csv)."""

    code = models.CharField(_("postcode"), max_length=4, unique=True)
    city = models.CharField(_("city"), max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    latitude = models.FloatField(_("latitude"), validators=LATITUDE_RANGE)
    longitude = models.FloatField(_("longitude"), validators=LONGITUDE_RANGE)

    class Meta:
        ordering = ["code"]
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self) -> str:
        return f"{self.code} {self.city}"


class SchoolQuerySet(models.QuerySet):
    def with_town(self) -> SchoolQuerySet:
        """Annotate `town` and `postcode_latitude`/`postcode_longitude` from the school's postcode."""
        postcode = Postcode.objects.filter(code=models.OuterRef("postcode"))
        return self.annotate(
            town=models.Subquery(postcode.values("city")[:1]),
            postcode_latitude=models.Subquery(postcode.values("latitude")[:1]),
            postcode_longitude=models.Subquery(postcode.values("longitude")[:1]),
        )

    def search(self, text: str) -> SchoolQuerySet:
        """Schools whose name or town contains every word of `text` (a four-digit word is a postcode),
        "å" and "aa" alike; by name, with town and municipality loaded."""
        schools = self.with_town().select_related("municipality")
        for word in text.lower().split()[:6]:
            if re.fullmatch(r"[0-9]{4}", word):
                schools = schools.filter(postcode=word)
                continue
            condition = models.Q()
            for variant in {word, word.replace("å", "aa"), word.replace("aa", "å")}:
                condition |= models.Q(name__icontains=variant) | models.Q(town__icontains=variant)
            schools = schools.filter(condition)
        return schools.order_by("name", "pk")


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

    class LocationSource(models.TextChoices):
        REGISTER = "register", _("The ministry's institution register")
        POSTCODE = "postcode", _("The postcode's point (approximate)")
        MANUAL = "manual", _("Entered by hand")

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
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=LATITUDE_RANGE)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=LONGITUDE_RANGE)
    location_source = models.CharField(
        _("location source"),
        max_length=10,
        choices=LocationSource.choices,
        blank=True,
        help_text=_("Where the coordinates come from. Without coordinates, the postcode's point is used."),
    )

    objects = SchoolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(postcode="") | models.Q(postcode__regex=r"^[0-9]{4}$"),
                name="school_postcode_four_digits",
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__range=(-90, 90),
                    longitude__range=(-180, 180),
                ),
                name="school_coordinates_both_or_neither",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.postcode})" if self.postcode else self.name


class TransportScheme(models.TextChoices):
    """How a municipality supports getting classes to learning places (interchange `transport.scheme`)."""

    NONE = "none", _("No support")
    POOL = "pool", _("Transport pool: schools apply per trip")
    BUS = "bus", _("Bus: the municipality books and pays a bus")
    PUBLIC_TRANSPORT = "public_transport", _("Public transport cards or tickets for classes")


@dataclass(frozen=True)
class TransportVerdict:
    """What a municipality's transport support says about one trip: `covered` is True, False, or None
    when it cannot be told; `reason` is one of the constants below; `text` says it in a sentence."""

    COVERED = "covered"
    UNREGISTERED = "unregistered"  # the municipality has registered no support on the portal
    NO_SUPPORT = "no_support"  # it has registered that it pays for none
    OUTSIDE = "outside"
    GRADE = "grade"
    TOO_FAR = "too_far"
    UNKNOWN = "unknown_distance"

    covered: bool | None
    reason: str
    text: str

    @classmethod
    def unregistered(cls, municipality: Municipality) -> TransportVerdict:
        text = gettext("%(municipality)s has not registered any transport support on the portal.")
        return cls(False, cls.UNREGISTERED, text % {"municipality": municipality.official_name})


class MunicipalSiteQuerySet(models.QuerySet):
    def published(self) -> MunicipalSiteQuerySet:
        return self.filter(published=True)

    def managed_by(self, user) -> MunicipalSiteQuerySet:
        """The sites `user` edits in the back office (see portal.access)."""
        return access.restrict(
            self, user, consultant=lambda municipalities: models.Q(municipality__in=municipalities)
        )

    def visible_to(self, user) -> MunicipalSiteQuerySet:
        """Published sites, plus previews of the sites `user` manages."""
        return access.visible(self, user, public=models.Q(published=True))


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
    # The transport support as rules the portal applies to a school and an offer (`transport_verdict`).
    transport_scheme = models.CharField(
        _("transport scheme"),
        max_length=20,
        choices=TransportScheme.choices,
        blank=True,
        help_text=_("Leave empty while the municipality's support is not registered."),
    )
    transport_grades = models.ManyToManyField(
        "offers.GradeLevel",
        blank=True,
        related_name="+",
        verbose_name=_("grade levels covered"),
        help_text=_("None chosen: every grade level."),
    )
    transport_max_distance_km = models.PositiveIntegerField(
        _("maximum distance (km)"),
        null=True,
        blank=True,
        help_text=_("Straight line from the school to the learning place. Empty: no limit."),
    )
    transport_within_municipality_only = models.BooleanField(
        _("only places in the municipality"), default=False
    )
    transport_max_amount_dkk = models.PositiveIntegerField(
        _("maximum amount per trip (DKK)"), null=True, blank=True
    )
    transport_apply_days_before = models.PositiveSmallIntegerField(
        _("apply days before"),
        null=True,
        blank=True,
        help_text=_("How many days before the visit an application must arrive."),
    )
    transport_apply_url = models.URLField(_("where to apply (web address)"), max_length=300, blank=True)
    transport_apply_email = models.EmailField(_("where to apply (e-mail)"), blank=True)
    transport_note = models.TextField(_("transport note"), blank=True)

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

    def feature(self, offer: Offer) -> tuple[FeaturedOffer, bool]:
        """Feature `offer` on this site, after the featured offers it has; (entry, created). Featuring it
        again changes nothing."""
        last = self.featured.aggregate(last=models.Max("position"))["last"]
        return FeaturedOffer.objects.get_or_create(
            site=self, offer=offer, defaults={"position": 1 if last is None else last + 1}
        )

    def other_offers(self) -> models.QuerySet[Offer]:
        """The rest of the selection (everything not featured), by title, ready for offer cards."""
        featured = FeaturedOffer.objects.filter(site=self).values("offer_id")
        return self.selection().exclude(pk__in=featured).with_card_relations().order_by("title", "pk")

    # --- Transport support --------------------------------------------------------------------------

    @property
    def supports_transport(self) -> bool:
        """A published site whose municipality pays for some transport."""
        return self.published and self.transport_scheme not in ("", TransportScheme.NONE)

    @cached_property
    def covered_grade_ids(self) -> frozenset[int]:
        """The grade levels the support covers (empty: all). One query, unless the loader set it
        (municipalities.my_school loads it with the chosen school)."""
        return frozenset(self.transport_grades.values_list("pk", flat=True))

    def transport_verdict(self, offer: Offer, distance_km: float | None) -> TransportVerdict:
        """Whether the support pays for a class of this municipality's schools to go to `offer`'s place,
        `distance_km` away in a straight line (None: unknown), and why not. The offer's place (provider)
        and grades should be loaded; offers that need no travel (outreach, online, material) are the
        caller's business. OfferQuerySet.covered_by_transport() applies the same rules in SQL."""
        name = self.municipality.official_name
        if not self.published or not self.transport_scheme:
            return TransportVerdict.unregistered(self.municipality)
        if self.transport_scheme == TransportScheme.NONE:
            text = gettext("%(municipality)s does not pay for transport to learning places.")
            return TransportVerdict(False, TransportVerdict.NO_SUPPORT, text % {"municipality": name})
        if self.transport_within_municipality_only and offer.provider.municipality_id != self.municipality_id:
            text = gettext("%(municipality)s only covers transport to places inside the municipality.")
            return TransportVerdict(False, TransportVerdict.OUTSIDE, text % {"municipality": name})
        limit = self.transport_max_distance_km
        if limit is not None and distance_km is not None and distance_km > limit:
            text = gettext(
                "%(municipality)s covers transport up to %(km)s km, and this place is farther away."
            )
            return TransportVerdict(
                False, TransportVerdict.TOO_FAR, text % {"municipality": name, "km": limit}
            )
        offer_grades = {grade.pk for grade in offer.grades.all()}
        if self.covered_grade_ids and offer_grades and not offer_grades & self.covered_grade_ids:
            text = gettext(
                "%(municipality)s's transport support does not cover the grade levels of this offer."
            )
            return TransportVerdict(False, TransportVerdict.GRADE, text % {"municipality": name})
        if limit is not None and distance_km is None:
            text = gettext(
                "%(municipality)s covers transport up to %(km)s km; the distance to here is not known."
            )
            return TransportVerdict(
                None, TransportVerdict.UNKNOWN, text % {"municipality": name, "km": limit}
            )
        return TransportVerdict(True, TransportVerdict.COVERED, self._covered_text())

    def _covered_text(self) -> str:
        """ "Roskilde Kommune dækker transport hertil (transportpuljen, ansøg senest 14 dage før)"."""
        what = {
            TransportScheme.POOL: (gettext("transport"), gettext("the transport pool")),
            TransportScheme.BUS: (gettext("a bus"), gettext("the municipality books the bus")),
            TransportScheme.PUBLIC_TRANSPORT: (gettext("public transport"), ""),
        }[self.transport_scheme]
        details = [what[1]] if what[1] else []
        if self.transport_max_amount_dkk is not None:
            amount = number_format(self.transport_max_amount_dkk, force_grouping=True)
            details.append(gettext("up to %(amount)s DKK per trip") % {"amount": amount})
        if self.transport_apply_days_before:
            details.append(
                gettext("apply at least %(days)s days before") % {"days": self.transport_apply_days_before}
            )
        text = gettext("%(municipality)s covers %(what)s to here") % {
            "municipality": self.municipality.official_name,
            "what": what[0],
        }
        return f"{text} ({', '.join(details)})." if details else f"{text}."


class FeaturedOfferQuerySet(models.QuerySet):
    def managed_by(self, user) -> FeaturedOfferQuerySet:
        """The featured offers of the sites `user` manages (see portal.access)."""
        return access.restrict(
            self, user, consultant=lambda municipalities: models.Q(site__municipality__in=municipalities)
        )

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
