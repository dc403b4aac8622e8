"""Public geography and institutions: regions, municipalities and schools (reference data)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
