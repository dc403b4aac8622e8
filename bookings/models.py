"""Booking requests for an offer's dated visits (or on request), their waiting lists, and allocation rounds
that share scarce dates fairly. The state changes live in bookings/states.py, the lottery in
bookings/allocation.py; access to the teachers' personal data follows portal.access (the place, portal staff;
the teacher through her link; never a consultant, who sees only numbers: ``visits_per_school``).

A request's states: ``unconfirmed`` until the teacher confirms her e-mail through the link; then ``pending``
(venter) for the place to decide, or ``waiting`` (venteliste) when its date was full; the place makes it
``confirmed`` (bekræftet) or ``declined`` (afvist); the teacher, or an offer on the waiting list that lapsed,
makes it ``cancelled`` (aflyst).

Capacity: a date's confirmed requests never outnumber its places. The trigger ``booking_capacity`` (migration
0002) locks the date's row and counts, so two confirmations of the last place at the same moment cannot both
commit, whichever code path writes them.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality, School
from offers.models import GradeLevel, Occurrence, Offer
from portal import access

OFFER_HOURS = 48  # how long an offer to the first on a waiting list stands


def school_year_start(day: datetime.date) -> datetime.date:
    """The first day of the school year ``day`` lies in (1 August)."""
    return datetime.date(day.year if day.month >= 8 else day.year - 1, 8, 1)


def school_year_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """[start, end) of the school year of ``day`` as aware datetimes in Danish time."""
    first = school_year_start(day)
    tz = timezone.get_default_timezone()
    start = datetime.datetime.combine(first, datetime.time(), tzinfo=tz)
    end = datetime.datetime.combine(first.replace(year=first.year + 1), datetime.time(), tzinfo=tz)
    return start, end


class BookingQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The requests `user` handles in the back office: all for portal staff, those of their places'
        offers for a place editor; none for a consultant (teachers' personal data are not theirs to see)."""
        return access.restrict(self, user, place_editor=lambda providers: Q(offer__provider__in=providers))

    def holding_places(self):
        return self.filter(status=BookingRequest.Status.CONFIRMED)

    def waiting_for(self, occurrence: Occurrence):
        """The waiting list of a date, first in line first (by when the e-mail was confirmed)."""
        return self.filter(occurrence=occurrence, status=BookingRequest.Status.WAITING).order_by(
            "email_confirmed_at", "pk"
        )

    def visits_in_school_year(self, day: datetime.date):
        """Confirmed visits that take place in the school year of ``day``."""
        start, end = school_year_bounds(day)
        when = Coalesce("occurrence__starts", "agreed_starts")
        return self.holding_places().alias(visit_at=when).filter(visit_at__gte=start, visit_at__lt=end)

    def due_for_anonymising(self, now: datetime.datetime | None = None):
        """Requests whose visit (or, without a date, whose last change) lies more than
        ``BOOKING_PERSONAL_DATA_DAYS`` days back, and whose personal data are still there."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.BOOKING_PERSONAL_DATA_DAYS)
        ended = Coalesce("occurrence__ends", "agreed_starts", "updated_at")
        return self.filter(anonymised_at__isnull=True).alias(ended_at=ended).filter(ended_at__lt=cutoff)


class BookingRequest(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("E-mail not confirmed")
        PENDING = "pending", _("Pending")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="booking_requests", verbose_name=_("offer")
    )
    occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="booking_requests",
        verbose_name=_("date"),
        help_text=_("Empty for an offer booked on request."),
    )
    wished_dates = models.TextField(
        _("wished dates"), blank=True, help_text=_("For an offer booked on request: the dates the class can.")
    )
    agreed_starts = models.DateTimeField(
        _("agreed time"),
        null=True,
        blank=True,
        help_text=_("For an offer booked on request: the agreed visit."),
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="booking_requests", verbose_name=_("school")
    )
    grade = models.ForeignKey(
        GradeLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("grade")
    )
    pupils = models.PositiveSmallIntegerField(
        _("pupils"), validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    adults = models.PositiveSmallIntegerField(
        _("adults"), default=1, validators=[MinValueValidator(0), MaxValueValidator(50)]
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED, db_index=True
    )
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why the request was declined, cancelled or not given a place.")
    )
    proposed_occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed date"),
    )
    offered_until = models.DateTimeField(
        _("offered until"),
        null=True,
        blank=True,
        help_text=_("A place offered from the waiting list, until."),
    )
    allocation = models.ForeignKey(
        "AllocationRound",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("allocation round"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("booking request")
        verbose_name_plural = _("booking requests")
        indexes = [models.Index(fields=["occurrence", "status"], name="booking_occurrence_status")]
        constraints = [
            models.CheckConstraint(condition=Q(pupils__gte=1), name="booking_pupils_positive"),
            # A request is handled only once the teacher has confirmed her e-mail (one never confirmed may
            # still be cancelled).
            models.CheckConstraint(
                condition=Q(status__in=["unconfirmed", "cancelled"]) | Q(email_confirmed_at__isnull=False),
                name="booking_counts_only_confirmed_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} – {self.offer}"

    @property
    def starts(self) -> datetime.datetime | None:
        return self.occurrence.starts if self.occurrence_id else self.agreed_starts

    @property
    def is_open(self) -> bool:
        """Still something the teacher may change or cancel."""
        return self.status in {self.Status.UNCONFIRMED, self.Status.PENDING, self.Status.WAITING}

    @property
    def has_offer(self) -> bool:
        """A place offered from the waiting list, not yet lapsed."""
        return (
            self.status == self.Status.WAITING
            and self.offered_until is not None
            and self.offered_until > timezone.now()
        )


def confirmed_count(occurrence: Occurrence) -> int:
    return BookingRequest.objects.filter(occurrence=occurrence).holding_places().count()


def places_left(occurrence: Occurrence) -> int:
    return max(0, occurrence.places - confirmed_count(occurrence))


def bookable_dates(offer: Offer):
    """The offer's dates open to requests (offers.models.Occurrence.requestable_condition), each with
    ``left``: its places not yet confirmed (0 or less: full, a request joins the waiting list)."""
    taken = Count("booking_requests", filter=Q(booking_requests__status=BookingRequest.Status.CONFIRMED))
    return (
        Occurrence.objects.filter(offer=offer)
        .requestable()
        .annotate(left=models.F("places") - taken)
        .order_by("starts")
    )


def visits_per_school(municipality, today: datetime.date | None = None):
    """The municipality's schools with the number of visits booked through the portal this school year
    (confirmed requests whose visit falls in it), fewest first: what the consultant sees. One query."""
    start, end = school_year_bounds(today or timezone.localdate())
    when = Coalesce("booking_requests__occurrence__starts", "booking_requests__agreed_starts")
    confirmed = Q(booking_requests__status=BookingRequest.Status.CONFIRMED)
    return (
        School.objects.filter(municipality=municipality)
        .alias(visit_at=when)
        .annotate(
            visits=Count("booking_requests", filter=confirmed & Q(visit_at__gte=start, visit_at__lt=end)),
            pupils=models.Sum(
                "booking_requests__pupils", filter=confirmed & Q(visit_at__gte=start, visit_at__lt=end)
            ),
        )
        .order_by("visits", "name")
    )


class PolicyQuerySet(models.QuerySet):
    def managed_by(self, user):
        """A municipality's policy is its consultants' to keep (and portal staff's)."""
        return access.restrict(
            self, user, consultant=lambda municipalities: Q(municipality__in=municipalities)
        )


class AllocationPolicy(models.Model):
    """How a municipality wants the scarce dates of its learning places shared in allocation rounds, beyond
    the rule that schools with fewer visits this school year go first."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="allocation_policy",
        verbose_name=_("municipality"),
    )
    favour_distant = models.BooleanField(
        _("favour distant schools"),
        default=False,
        help_text=_("Among schools with as many visits, the one farther from the place goes first."),
    )

    objects = PolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("allocation policy")
        verbose_name_plural = _("allocation policies")

    def __str__(self) -> str:
        return str(self.municipality)


class AllocationQuerySet(models.QuerySet):
    def managed_by(self, user):
        return access.restrict(self, user, place_editor=lambda providers: Q(offer__provider__in=providers))

    def collecting(self, now: datetime.datetime | None = None):
        """Rounds still collecting requests."""
        return self.filter(status=AllocationRound.Status.OPEN, requests_until__gt=now or timezone.now())


class AllocationRound(models.Model):
    """A place opens an offer's dates for requests until ``requests_until`` and then allocates them at once
    (bookings/allocation.py) instead of first come, first served."""

    class Status(models.TextChoices):
        OPEN = "open", _("Collecting requests")
        ALLOCATED = "allocated", _("Allocated")

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="allocation_rounds", verbose_name=_("offer")
    )
    requests_until = models.DateTimeField(
        _("requests until"), help_text=_("Requests sent until then are allocated together afterwards.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    seed = models.BigIntegerField(_("lottery seed"), null=True, blank=True, editable=False)
    allocated_at = models.DateTimeField(_("allocated"), null=True, blank=True, editable=False)
    table = models.JSONField(_("allocation table"), default=list, blank=True, editable=False)

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-requests_until"]
        verbose_name = _("allocation round")
        verbose_name_plural = _("allocation rounds")

    def __str__(self) -> str:
        return f"{self.offer} ({timezone.localtime(self.requests_until):%d.%m.%Y})"

    @property
    def favours_distant(self) -> bool:
        """Whether distance counts: as the municipality of the offer's place decides (AllocationPolicy)."""
        return AllocationPolicy.objects.filter(
            municipality_id=self.offer.provider.municipality_id, favour_distant=True
        ).exists()
