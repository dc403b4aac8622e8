"""Learning places (providers), their teaching offers and the vocabularies that describe them."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.fields import ArrayField, DateTimeRangeField
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language, get_language_info, ngettext
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality
from offers.distance import DistanceQuerySet
from portal import access
from portal.embedding import OriginListField
from portal.text import DESCRIPTION_MAX_LENGTH, SUMMARY_MAX_LENGTH, HtmlField, MaxLengthValidator


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

    @property
    def short_name(self) -> str:
        """The name inside a span of grades, without its explanation: "4. klasse", "dagtilbud",
        "ungdomsuddannelse"."""
        return self.name.split(" (")[0].lower()


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


class ProviderQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The learning places `user` works on in the back office: all for portal staff, their own places
        for a place editor (see portal.access)."""
        return access.restrict(self, user, place_editor=lambda providers: Q(pk__in=providers))

    def visible_to(self, user):
        """Every learning place: their pages are public (the back office shows a place editor only their
        own, see portal.access.looks_beyond_managed)."""
        return access.visible(self, user, public=Q(pk__isnull=False))


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
    description = models.TextField(
        _("description"), blank=True, validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)]
    )
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
    embed_origins = OriginListField(
        verbose_name=_("web sites that may embed the place's offers"),
        help_text=_(
            "One address per line, e.g. https://www.museum.dk. Only these sites can show the offers."
        ),
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="editor_for",
        verbose_name=_("place editors"),
        help_text=_("Users who keep this place and its offers up to date (manage.py grant_provider)."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProviderQuerySet.as_manager()

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


class OfferQuerySet(DistanceQuerySet):
    def published(self):
        return self.filter(status=Offer.Status.PUBLISHED)

    def managed_by(self, user):
        """The offers `user` works on in the back office: every offer for portal staff, their places' offers
        for a place editor (see portal.access)."""
        return access.restrict(self, user, place_editor=lambda providers: Q(provider__in=providers))

    def visible_to(self, user):
        """Published offers, plus previews of drafts and archived offers that `user` manages ("view on
        site")."""
        return access.visible(self, user, public=Q(status=Offer.Status.PUBLISHED))

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

    # Dated visits (Occurrence, below). Each is one EXISTS subquery on the occurrences' (offer, starts)
    # index; what counts as free is OccurrenceQuerySet.free().

    def _with_occurrence(self, occurrences: "OccurrenceQuerySet"):
        return self.filter(Exists(occurrences.filter(offer_id=OuterRef("pk"))))

    def with_free_date_on(self, day: datetime.date, now: datetime.datetime | None = None):
        """Offers with a free date that takes place (in part) on ``day``, Danish time."""
        return self._with_occurrence(Occurrence.objects.free(now).on_day(day))

    def with_free_date_between(
        self, first: datetime.date, last: datetime.date, now: datetime.datetime | None = None
    ):
        """Offers with a free date that takes place (in part) from ``first`` to ``last``, both included."""
        return self._with_occurrence(Occurrence.objects.free(now).in_period(first, last))

    def with_upcoming_dates(self, now: datetime.datetime | None = None):
        """Offers with at least one date a teacher can still request ("ledige datoer"): free, from now on."""
        return self._with_occurrence(Occurrence.objects.free(now))

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


CLASS_SUFFIX = " klasse"  # of the grade names "0. klasse" … "10. klasse"


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
        REVIEW = "review", _("Awaiting approval")  # a place editor's offer, for portal staff (offers.review)
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    key = models.SlugField(_("key"), max_length=200, unique=True, help_text=_("Stable external identifier."))
    slug = models.SlugField(_("slug"), max_length=200, unique=True, help_text=_("Used in the page address."))
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="offers", verbose_name=_("learning place")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists."),
        validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH)],
    )
    description = HtmlField(
        _("description"),
        blank=True,
        help_text=_("Simple formatting (paragraphs, lists, links) is kept."),
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
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
            # A search without words (dates, distance, transport) reads the published offers' facet
            # values from this index alone (offers migration 0014).
            models.Index(
                fields=["created", "id"],
                include=[
                    "provider",
                    "format",
                    "price_dkk",
                    "available_from",
                    "available_to",
                    "facet_subjects",
                    "facet_grades",
                    "facet_sdgs",
                    "facet_region",
                    "facet_municipality",
                    "facet_kind",
                ],
                condition=models.Q(status="published"),
                name="offer_published_facets",
            ),
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
        """Consecutive grades as a span, written as in titles ("4.–6. klasse", "8. klasse–ungdomsuddannelse",
        "Dagtilbud–1. klasse"), else the names (uses prefetched grades)."""
        grades = list(self.grades.all())
        consecutive = all(b.order == a.order + 1 for a, b in zip(grades, grades[1:], strict=False))
        if len(grades) < 2 or not consecutive:
            return ", ".join(grade.name for grade in grades)
        first, last = grades[0].short_name, grades[-1].short_name
        if first.endswith(CLASS_SUFFIX) and last.endswith(CLASS_SUFFIX):
            first = first.removesuffix(CLASS_SUFFIX)
        return capfirst(f"{first}–{last}")

    @property
    def is_for_day_care_only(self) -> bool:
        """True when every grade of the offer is day care: its price is per group, not per class (uses
        prefetched grades)."""
        grades = list(self.grades.all())
        return bool(grades) and all(grade.stage == GradeLevel.Stage.DAGTILBUD for grade in grades)

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
                name = str(get_language_info(code)["name_translated"])
            except KeyError:
                name = code
            # Danish writes language names in lower case in running text ("dansk, engelsk").
            names.append(name.lower() if (get_language() or "").startswith("da") else name)
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


class PlaceCount(models.Model):
    """How many published offers each learning place has, apart for those that need no travel (outreach,
    online, material: offers.distance.NO_TRAVEL_FORMATS), in the whole catalogue: kept by a statement-level
    trigger on offers (offers migration 0014), so that the distance bands from a chosen school take one
    distance per place and no pass over the offers (offers.search_engine._from_school_counts)."""

    provider_id = models.IntegerField(_("learning place"))
    no_travel = models.BooleanField(_("needs no travel"))
    offers = models.IntegerField(_("published offers"), default=0)

    class Meta:
        verbose_name = _("offers per learning place")
        verbose_name_plural = _("offers per learning place")
        constraints = [
            models.UniqueConstraint(fields=["provider_id", "no_travel"], name="offer_placecount_unique")
        ]

    def __str__(self) -> str:
        return f"{self.provider_id} ({self.no_travel}): {self.offers}"


class SearchWord(models.Model):
    """A word that occurs in some published offer's title, summary, themes or description: the vocabulary
    that typo-tolerant search and "did you mean" suggestions are matched against (pg_trgm similarity,
    through a trigram GiST index: the planner takes it for a table of any size, where it read a few thousand
    words one by one rather than use a GIN index; offers migration 0011).

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
        indexes = [GistIndex(fields=["folded"], opclasses=["gist_trgm_ops"], name="offer_searchword_gist")]

    def __str__(self) -> str:
        return self.word


# The time a date occupies, [starts, ends), as PostgreSQL's tstzrange (indexed for open dates).
_SPAN = Func(F("starts"), F("ends"), function="tstzrange", output_field=DateTimeRangeField())


def _midnight(day: datetime.date) -> datetime.datetime:
    """The moment ``day`` begins, Danish time."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_default_timezone())


class OccurrenceQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The dates `user` works on in the back office: all for portal staff, those of their places' offers
        for a place editor (see portal.access)."""
        return access.restrict(self, user, place_editor=lambda providers: Q(offer__provider__in=providers))

    def open(self):
        return self.filter(status=Occurrence.Status.OPEN)

    def upcoming(self, now: datetime.datetime | None = None):
        """Dates that have not begun yet."""
        return self.filter(starts__gt=now or timezone.now())

    def free(self, now: datetime.datetime | None = None):
        """Dates with a place left that a class can still ask for: see ``Occurrence.free_condition``."""
        return self.filter(Occurrence.free_condition(now))

    def requestable(self, now: datetime.datetime | None = None):
        """Dates a class can still ask for, full ones included (a request joins the waiting list): see
        ``Occurrence.requestable_condition``."""
        return self.filter(Occurrence.requestable_condition(now))

    def in_period(self, first: datetime.date | None, last: datetime.date | None):
        """Dates that take place, at least in part, from ``first`` to ``last`` (both included; either may
        be None for an open end), Danish time. A date occupies [starts, ends): one that ends at midnight is
        not on the next day. Open dates are found by the GiST index ``occurrence_open_span``."""
        lower = _midnight(first) if first else None
        upper = _midnight(last + datetime.timedelta(days=1)) if last else None
        return self.alias(span=_SPAN).filter(span__overlap=(lower, upper))

    def on_day(self, day: datetime.date):
        return self.in_period(day, day)

    def for_calendar(self, offers: models.QuerySet, now: datetime.datetime | None = None):
        """The dates of ``offers`` (published ones only) for a calendar feed (offers/calendar_feeds.py):
        upcoming ones and those that ended in the last ``CALENDAR_PAST_DAYS`` days, cancelled ones
        included, with offer and place, in one query."""
        since = (now or timezone.now()) - datetime.timedelta(days=CALENDAR_PAST_DAYS)
        return (
            self.filter(offer__in=offers.filter(status=Offer.Status.PUBLISHED).values("pk"), ends__gte=since)
            .select_related("offer__provider")
            .order_by("starts", "pk")
        )

    def for_offer_page(
        self, offer: "Offer", limit: int, now: datetime.datetime | None = None
    ) -> "OfferDates":
        """The offer's first ``limit`` dates open to requests (``Occurrence.requestable_condition``: full ones
        too, shown as full, a request joins the waiting list), how many more there are and whether it has
        dates at all, in one query: every date of the offer is ranked requestable-first, then upcoming
        (cancelled or past their deadline), the requestable ones counted in a window, each with ``booked``:
        its places taken by confirmed booking requests. The upcoming rows among the first ``limit`` are the
        page's schema.org events (offers/structured_data.py), cancelled ones included."""
        from bookings.models import BookingRequest  # the booking requests of issue 14 hold the places

        now = now or timezone.now()
        free = Occurrence.requestable_condition(now)
        confirmed = BookingRequest.objects.filter(occurrence=OuterRef("pk")).holding_places()
        rows = list(
            self.filter(offer=offer)
            .annotate(
                booked=Coalesce(
                    Subquery(confirmed.values("occurrence").annotate(n=Count("pk")).values("n")), 0
                ),
                places_left=F("places") - F("booked"),
                is_free=ExpressionWrapper(free, output_field=models.BooleanField()),
                is_upcoming=ExpressionWrapper(Q(starts__gt=now), output_field=models.BooleanField()),
                free_total=Window(Count("pk", filter=free)),
            )
            .order_by("-is_free", "-is_upcoming", "starts")[:limit]
        )
        dates = [row for row in rows if row.is_free]
        upcoming = sorted((row for row in rows if row.is_upcoming), key=lambda row: row.starts)
        return OfferDates(dates, rows[0].free_total - len(dates) if rows else 0, bool(rows), upcoming)


@dataclass(frozen=True)
class OfferDates:
    """What the offer page says about dates: ``dates`` to list, ``more`` not listed, ``has_dates`` at all,
    and the ``upcoming`` dates fetched with them (free or not) for the page's JSON-LD."""

    dates: list["Occurrence"]
    more: int
    has_dates: bool
    upcoming: list["Occurrence"]


def _day_in_portal_time(field: str) -> Cast:
    """SQL: the calendar day of a timestamp in the portal's time zone (Danish time)."""
    local = Func(
        Value(settings.TIME_ZONE), F(field), function="timezone", output_field=models.DateTimeField()
    )
    return Cast(local, models.DateField())


def unique_key(base: str, taken: set[str]) -> str:
    """``base`` or ``base-2``, ``base-3`` …, whichever ``taken`` lacks; recorded in ``taken``."""
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    taken.add(key)
    return key


# Calendar feeds keep the dates that ended this many days ago, so a class sees its recent visit.
CALENDAR_PAST_DAYS = 30

# A new date's booking deadline when none is given: this many days before it starts (see the field).
DEADLINE_DAYS = 14


class Occurrence(models.Model):
    """A dated visit of an offer (forekomst): a time a class or group can come. Offers without dates are
    booked on request. Series of dates and the back office's calendar: offers/occurrences.py."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CANCELLED = "cancelled", _("Cancelled")

    # Both unique constraints below begin with the offer: they are the offer's index.
    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("offer"), db_index=False
    )
    key = models.SlugField(
        _("key"),
        max_length=100,
        db_index=False,
        editable=False,
        help_text=_(
            "Stable external identifier, unique within the offer (by default the start, e.g. 2027-03-04-0900)."
        ),
    )
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    places = models.PositiveSmallIntegerField(
        _("places"), default=1, help_text=_("How many classes or groups can come at this time.")
    )
    booking_deadline = models.DateField(
        _("booking deadline"),
        null=True,
        blank=True,
        help_text=format_lazy(
            _(
                "The last day a class can request the date. Left empty on a new date: {days} days before it "
                "starts (or today, if that has passed). Empty on a saved date: until it starts."
            ),
            days=DEADLINE_DAYS,
        ),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["starts"]
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [
            # The catalogue's date filters look up free dates in a period (OfferQuerySet.with_free_date_*).
            models.Index(
                fields=["starts"],
                include=["offer", "ends", "booking_deadline"],
                condition=models.Q(status="open"),
                name="occurrence_open_starts",
            ),
            # The catalogue's date filters find the open dates in a day or period (in_period()).
            GistIndex(_SPAN, condition=models.Q(status="open"), name="occurrence_open_span"),
        ]
        constraints = [
            # Deferred to the end of the transaction, so two dates can swap times in one save or import.
            models.UniqueConstraint(
                fields=["offer", "starts"],
                name="occurrence_offer_starts_unique",
                deferrable=models.Deferrable.DEFERRED,
                violation_error_message=_("The offer already has a date that starts at this time."),
            ),
            models.UniqueConstraint(fields=["offer", "key"], name="occurrence_offer_key_unique"),
            models.CheckConstraint(
                condition=models.Q(ends__gt=models.F("starts")),
                name="occurrence_ends_after_starts",
                violation_error_message=_("A date must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(places__gte=1),
                name="occurrence_places_positive",
                violation_error_message=_("A date has at least one place."),
            ),
            models.CheckConstraint(
                condition=models.Q(booking_deadline__isnull=True)
                | models.Q(booking_deadline__lte=_day_in_portal_time("starts")),
                name="occurrence_deadline_not_after_start",
                violation_error_message=_(
                    "The booking deadline must be on or before the day the date starts."
                ),
            ),
        ]

    def __str__(self) -> str:
        return formats.date_format(timezone.localtime(self.starts), "DATETIME_FORMAT")

    def save(self, *args, **kwargs):
        if not self.key:
            base = self.key_for(self.starts)
            taken = Occurrence.objects.filter(offer_id=self.offer_id, key__startswith=base).values_list(
                "key", flat=True
            )
            self.key = unique_key(base, set(taken))
        super().save(*args, **kwargs)

    def clean(self):
        # Times are whole minutes (the interchange format writes HH:MM).
        for name in ("starts", "ends"):
            if value := getattr(self, name):
                setattr(self, name, value.replace(second=0, microsecond=0))

    @staticmethod
    def requestable_condition(now: datetime.datetime | None = None) -> Q:
        """What makes a date open to requests: open, not begun, and its booking deadline not passed. The
        deadline is the last day to ask, so it counts until that day ends (Danish time); no deadline means
        until it starts. A full date stays open to requests, which join its waiting list (bookings)."""
        now = now or timezone.now()
        return Q(status=Occurrence.Status.OPEN, starts__gt=now) & (
            Q(booking_deadline__isnull=True) | Q(booking_deadline__gte=timezone.localdate(now))
        )

    @staticmethod
    def free_condition(now: datetime.datetime | None = None) -> Q:
        """What makes a date free, the one place that says so (the catalogue's date filters, "ledige
        datoer", the offer page's count): open to requests and a place left, i.e. fewer confirmed booking
        requests (bookings.models.BookingRequest.holding_places) than its places."""
        from bookings.models import BookingRequest

        # The full dates, looked up once (PostgreSQL hashes the few there are) rather than once per date.
        full = (
            BookingRequest.objects.holding_places()
            .filter(occurrence__isnull=False)
            .order_by()
            .values("occurrence")
            .annotate(n=Count("pk"))
            .filter(n__gte=F("occurrence__places"))
            .values("occurrence")
        )
        return Occurrence.requestable_condition(now) & ~Q(pk__in=full)

    @staticmethod
    def key_for(starts: datetime.datetime) -> str:
        """The default key: the start in Danish time, e.g. ``2027-03-04-0900``."""
        return timezone.localtime(starts).strftime("%Y-%m-%d-%H%M")

    def cancel(self) -> bool:
        """Cancel an open date; False when it was cancelled already."""
        if self.status == self.Status.CANCELLED:
            return False
        self.status = self.Status.CANCELLED
        self.save(update_fields=["status"])
        return True


from offers.history import OfferRevision  # noqa: E402, F401  (the offers' change history, a model of this app)
