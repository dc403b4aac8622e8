"""Learning places (providers), their teaching offers and the vocabularies that describe them."""

import datetime

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import models
from django.db.models import Case, Count, Exists, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality
from portal.text import sanitize_html


class SubjectQuerySet(models.QuerySet):
    def most_offered(self, limit: int):
        """The subjects with the most published offers (at least one), most first: the front page's shortcuts."""
        published = Q(offers__status=Offer.Status.PUBLISHED)
        return (
            self.annotate(offer_count=Count("offers", filter=published))
            .filter(offer_count__gt=0)
            .order_by("-offer_count", "name")[:limit]
        )


class Subject(models.Model):
    class Level(models.TextChoices):
        GRUNDSKOLE = "grundskole", _("Primary and lower secondary")
        GYMNASIE = "gymnasie", _("Upper secondary")
        BEGGE = "begge", _("Both")
        ALLE = "alle", _("All subjects")

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)

    objects = SubjectQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def __str__(self) -> str:
        return self.name


class GradeLevel(models.Model):
    class Stage(models.TextChoices):
        DAGTILBUD = "dagtilbud", _("Day care")
        INDSKOLING = "indskoling", _("Grades 0–3")
        MELLEMTRIN = "mellemtrin", _("Grades 4–6")
        UDSKOLING = "udskoling", _("Grades 7–10")
        UNGDOMSUDDANNELSE = "ungdomsuddannelse", _("Upper secondary")

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=50)
    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)

    class Meta:
        ordering = ["order"]
        verbose_name = _("grade level")
        verbose_name_plural = _("grade levels")

    def __str__(self) -> str:
        return self.name


class SDG(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_da = models.CharField(_("Danish name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100)

    class Meta:
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        constraints = [
            models.CheckConstraint(condition=models.Q(number__range=(1, 17)), name="sdg_number_1_to_17"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name_da}"


class Provider(models.Model):
    """A learning place (læringssted): a museum, nature centre, artist, company …"""

    class Kind(models.TextChoices):
        MUSEUM = "museum", _("Museum")
        ART = "art", _("Art")
        NATURE = "nature", _("Nature and environment")
        SCIENCE = "science", _("Science and technology")
        LIBRARY = "library", _("Library")
        ARCHIVE = "archive", _("Archive")
        MUSIC = "music", _("Music")
        THEATRE = "theatre", _("Performing arts")
        FILM = "film", _("Film")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association")
        SPORT = "sport", _("Sport")
        EDUCATION = "education", _("Educational institution")
        MUNICIPAL = "municipal", _("Municipal institution")
        OTHER = "other", _("Other")

    key = models.SlugField(_("key"), max_length=200, unique=True, help_text=_("Stable external identifier."))
    slug = models.SlugField(_("slug"), max_length=200, unique=True, help_text=_("Used in the page address."))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="providers",
        verbose_name=_("municipality"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("learning place")
        verbose_name_plural = _("learning places")
        indexes = [models.Index(fields=["kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(postcode="") | models.Q(postcode__regex=r"^[0-9]{4}$"),
                name="provider_postcode_four_digits",
                violation_error_message=_("A postcode has four digits."),
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__range=(-90, 90)),
                name="provider_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__range=(-180, 180)),
                name="provider_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("offers:provider_detail", args=[self.slug])

    @property
    def map_url(self) -> str:
        """A plain link to the place on OpenStreetMap (a link only: no scripts from other hosts)."""
        lat, lon = self.latitude, self.longitude
        if lat is None or lon is None:
            return ""
        return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=15/{lat:.5f}/{lon:.5f}"


class OfferQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Offer.Status.PUBLISHED)

    def visible_to(self, user):
        """Published offers for everyone; every offer for back-office users who may change offers, so they
        can preview drafts and archived offers ("view on site")."""
        return self if user.has_perm("offers.change_offer") else self.published()

    def by_title(self):
        """In Danish alphabetical order of their titles (æ, ø, å after z; "Aa" as "Å"), whatever the
        database's collation: ``title_sort`` is a sort key compared byte by byte (offers migration 0007)."""
        return self.order_by("title_sort", "pk")

    def with_card_relations(self):
        """What a list of offer cards needs, in a constant number of queries (without the search vector,
        which no page shows)."""
        return (
            self.select_related("provider__municipality")
            .prefetch_related("subjects", "grades", "sdgs")
            .defer("search_vector")
        )

    # Filters by the catalogue's facets for other code (the catalogue search itself builds its SQL from the
    # facet columns below: offers/search_engine.py). Many-to-many filters are EXISTS subqueries, so they
    # never duplicate rows and combine freely with counting and grouping.

    def matching(self, tsquery: str):
        """Offers whose search vector matches ``tsquery``, a to_tsquery() expression that
        offers.search_words.TextQuery builds from cleaned words (never pass user input here)."""
        return self.filter(search_vector=SearchQuery(tsquery, search_type="raw", config="danish"))

    def _through_exists(self, relation: str, column: str, ids):
        through = self.model._meta.get_field(relation).remote_field.through
        return self.filter(Exists(through.objects.filter(offer_id=OuterRef("pk"), **{f"{column}__in": ids})))

    def with_any_subject(self, subject_ids):
        return self._through_exists("subjects", "subject_id", subject_ids)

    def for_any_grade(self, grade_ids):
        return self._through_exists("grades", "gradelevel_id", grade_ids)

    def with_any_sdg(self, sdg_ids):
        return self._through_exists("sdgs", "sdg_id", sdg_ids)

    def in_municipalities(self, municipality_ids):
        return self.filter(provider__municipality_id__in=municipality_ids)

    def in_regions(self, region_ids):
        return self.filter(provider__municipality__region_id__in=region_ids)

    def by_provider_kind(self, kinds):
        return self.filter(provider__kind__in=kinds)

    def of_format(self, formats):
        return self.filter(format__in=formats)

    def free(self):
        return self.filter(price_dkk=0)

    def available_on(self, day: datetime.date):
        """Offered on ``day``: open-ended periods count as available."""
        return self.filter(
            Q(available_from__isnull=True) | Q(available_from__lte=day),
            Q(available_to__isnull=True) | Q(available_to__gte=day),
        )

    def related_to(self, offer: "Offer", limit: int = 4):
        """Other offers for a teacher who looks at ``offer``: most shared subjects first, then shared
        grades, then the same learning place; one query (plus the card relations)."""
        through = self.model.subjects.through
        grades = self.model.grades.through
        shared_subjects = through.objects.filter(
            offer_id=OuterRef("pk"),
            subject_id__in=through.objects.filter(offer_id=offer.pk).values("subject_id"),
        )
        shared_grades = grades.objects.filter(
            offer_id=OuterRef("pk"),
            gradelevel_id__in=grades.objects.filter(offer_id=offer.pk).values("gradelevel_id"),
        )
        return (
            self.exclude(pk=offer.pk)
            .filter(Exists(shared_subjects) | Q(provider_id=offer.provider_id))
            .annotate(
                shared_subjects=_count_subquery(shared_subjects),
                shared_grades=_count_subquery(shared_grades),
                same_place=Case(When(provider_id=offer.provider_id, then=1), default=0),
            )
            .order_by("-shared_subjects", "-shared_grades", "-same_place", "-created", "-pk")[:limit]
        )


def _count_subquery(queryset):
    return Coalesce(Subquery(queryset.order_by().values("offer_id").annotate(n=Count("*")).values("n")), 0)


class Offer(models.Model):
    """A teaching offer (undervisningstilbud)."""

    class Format(models.TextChoices):
        VISIT = "visit", _("Visit at the place")
        OUTREACH = "outreach", _("Visit at the school")
        COURSE = "course", _("Course over several sessions")
        ONLINE = "online", _("Online")
        MATERIAL = "material", _("Teaching material")
        TEACHER_COURSE = "teacher_course", _("Course for teachers and pedagogues")
        EVENT = "event", _("Event")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    key = models.SlugField(_("key"), max_length=200, unique=True, help_text=_("Stable external identifier."))
    slug = models.SlugField(_("slug"), max_length=200, unique=True, help_text=_("Used in the page address."))
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="offers", verbose_name=_("learning place")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences shown in lists."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("Simple formatting (paragraphs, lists, links) is kept.")
    )
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    subjects = models.ManyToManyField(Subject, blank=True, related_name="offers", verbose_name=_("subjects"))
    grades = models.ManyToManyField(
        GradeLevel, blank=True, related_name="offers", verbose_name=_("grade levels")
    )
    sdgs = models.ManyToManyField(SDG, blank=True, related_name="offers", verbose_name=_("SDGs"))
    themes = ArrayField(models.CharField(max_length=100), blank=True, default=list, verbose_name=_("themes"))
    price_dkk = models.PositiveIntegerField(
        _("price (DKK)"), null=True, blank=True, help_text=_("Per class. 0 means free; empty means unknown.")
    )
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    max_participants = models.PositiveIntegerField(_("max. participants"), null=True, blank=True)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_to = models.DateField(_("available to"), null=True, blank=True)
    booking_url = models.URLField(_("booking link"), max_length=300, blank=True)
    booking_email = models.EmailField(_("booking e-mail"), blank=True)
    languages = ArrayField(
        models.CharField(max_length=2),
        blank=True,
        default=list,
        verbose_name=_("languages"),
        help_text=_("ISO 639-1 codes, e.g. da, en."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # Maintained by a database trigger (see migration 0002) from title, summary, themes,
    # description and the provider's name, so every write path keeps it current.
    search_vector = SearchVectorField(null=True, editable=False)
    # Kept by the same trigger for the catalogue search (offers migration 0007): the facet values of the
    # offer (ids of its subjects, grades, SDGs; its place's municipality, region and kind), counted in one
    # pass over the hits, and its title as a Danish sort key.
    facet_subjects = ArrayField(models.IntegerField(), default=list, editable=False)
    facet_grades = ArrayField(models.IntegerField(), default=list, editable=False)
    facet_sdgs = ArrayField(models.IntegerField(), default=list, editable=False)
    facet_municipality = models.IntegerField(null=True, editable=False)
    facet_region = models.IntegerField(null=True, editable=False)
    facet_kind = models.CharField(max_length=20, blank=True, default="", editable=False)
    title_sort = models.CharField(max_length=200, blank=True, default="", editable=False, db_collation="C")

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [
            GinIndex(fields=["search_vector"], name="offer_search_vector_gin"),
            models.Index(fields=["status", "-created"], name="offer_status_created"),
            models.Index(fields=["format"], name="offer_format"),
            models.Index(fields=["status", "title_sort"], name="offer_status_title_sort"),
            GinIndex(fields=["facet_subjects"], name="offer_facet_subjects"),
            GinIndex(fields=["facet_grades"], name="offer_facet_grades"),
            GinIndex(fields=["facet_sdgs"], name="offer_facet_sdgs"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price_dkk__isnull=True) | models.Q(price_dkk__gte=0),
                name="offer_price_not_negative",
                violation_error_message=_("The price cannot be negative."),
            ),
            models.CheckConstraint(
                condition=models.Q(available_from__isnull=True)
                | models.Q(available_to__isnull=True)
                | models.Q(available_from__lte=models.F("available_to")),
                name="offer_available_from_before_to",
                violation_error_message=_("“Available from” must be on or before “available to”."),
            ),
            models.CheckConstraint(
                condition=models.Q(duration_minutes__isnull=True) | models.Q(duration_minutes__gt=0),
                name="offer_duration_positive",
                violation_error_message=_("The duration must be more than 0 minutes."),
            ),
            models.CheckConstraint(
                condition=models.Q(max_participants__isnull=True) | models.Q(max_participants__gt=0),
                name="offer_max_participants_positive",
                violation_error_message=_("The number of participants must be more than 0."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.description = sanitize_html(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("offers:offer_detail", args=[self.slug])

    def get_format_display(self) -> str:
        """The format's label. Replaces the method Django generates, which builds a dictionary of every
        choice on each call (a result page shows twenty formats)."""
        try:
            return str(self.Format(self.format).label)
        except ValueError:
            return self.format

    @property
    def is_free(self) -> bool:
        return self.price_dkk == 0

    @property
    def grade_span(self) -> str:
        """ "4. klasse–6. klasse" for consecutive grades, else the names (uses prefetched grades)."""
        grades = list(self.grades.all())
        consecutive = all(b.order == a.order + 1 for a, b in zip(grades, grades[1:], strict=False))
        if len(grades) > 2 and consecutive:
            return f"{grades[0].name}–{grades[-1].name}"
        return ", ".join(grade.name for grade in grades)

    @property
    def duration_display(self) -> str:
        if not self.duration_minutes:
            return ""
        hours, minutes = divmod(self.duration_minutes, 60)
        parts = []
        if hours:
            parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
        if minutes:
            parts.append(ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes})
        return " ".join(parts)

    @property
    def language_names(self) -> list[str]:
        names = []
        for code in self.languages:
            try:
                names.append(get_language_info(code)["name_translated"])
            except KeyError:
                names.append(code)
        return names


class FacetCount(models.Model):
    """How many published offers have each facet value (``facet`` "" and ``value`` "" for all of them), in
    the whole catalogue: kept by a statement-level trigger on offers (offers migration 0007), so that the
    catalogue without search words, or with one facet chosen, needs no count over every offer."""

    facet = models.CharField(_("facet"), max_length=20)
    value = models.CharField(_("value"), max_length=40)
    offers = models.IntegerField(_("published offers"), default=0)

    class Meta:
        verbose_name = _("facet count")
        verbose_name_plural = _("facet counts")
        constraints = [models.UniqueConstraint(fields=["facet", "value"], name="offer_facetcount_unique")]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}: {self.offers}"


class SearchWord(models.Model):
    """A word that occurs in some published offer's title, summary, themes or description: the vocabulary
    that typo-tolerant search and "did you mean" suggestions are matched against (pg_trgm similarity).

    Kept by statement-level triggers on offers_offer (offers migration 0007), so every write path keeps it
    current: each word counts the published offers that use it, and a word no published offer uses any more
    (edited, unpublished, deleted) is removed. Drafts never add words.
    """

    word = models.CharField(_("word"), max_length=40, primary_key=True)
    folded = models.CharField(
        _("folded word"), max_length=40, help_text=_("Lower case, accents and “aa” folded.")
    )
    offers = models.IntegerField(_("published offers"), default=0)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        indexes = [GinIndex(fields=["folded"], opclasses=["gin_trgm_ops"], name="offer_searchword_trgm")]

    def __str__(self) -> str:
        return self.word
