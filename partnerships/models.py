"""Collaborations and partnerships between schools and learning places: the record, its contacts, and
the QuerySet that chooses (public, filters, search) and scopes (staff, consultants) them.

The health flags are defined in partnerships/health.py; `PartnershipQuerySet.with_health()` annotates them
and `Partnership.health_flags()` reads those annotations, so SQL is the one source of truth.
"""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality, School
from offers.models import GradeLevel, Offer, Provider, Subject
from partnerships import health
from portal import access

# Paths under /samarbejder/ that are pages of their own, so no record may take them as its slug.
RESERVED_SLUGS = frozenset({"oversigt"})


# The vocabularies of the interchange format: the identifiers are stored, the labels shown (in Danish).


class Kind(models.TextChoices):
    COLLABORATION = "collaboration", _("Collaboration")
    PARTNERSHIP = "partnership", _("Partnership")


class Activity(models.TextChoices):
    DEVELOP_OFFER = "develop_offer", _("Developing new teaching offers")
    TEST_OFFER = "test_offer", _("Testing teaching offers")
    JOINT_COURSE_PLANNING = "joint_course_planning", _("Joint planning of whole courses")
    TEACHER_TRAINING = "teacher_training", _("Courses for teachers")
    ELECTIVE = "elective", _("Elective subject")
    RECURRING_VISITS = "recurring_visits", _("Recurring visits")
    PROJECT_WEEK = "project_week", _("Project or innovation week")
    CAREER_LEARNING = "career_learning", _("Education and jobs")
    OTHER = "other", _("Other")


class Agreement(models.TextChoices):
    NONE = "none", _("No agreement")
    INFORMAL = "informal", _("Oral agreement")
    WRITTEN_AGREEMENT = "written_agreement", _("Written collaboration agreement")
    CONTRACT = "contract", _("Contract")
    MUNICIPAL_AGREEMENT = "municipal_agreement", _("Municipal agreement")


class Role(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    SCHOOL_LEADER = "school_leader", _("School leader")
    PLC = "plc", _("Pedagogical learning centre (PLC)")
    EDUCATOR = "educator", _("Educator at the institution")
    INSTITUTION_LEADER = "institution_leader", _("Leader at the institution")
    MUNICIPAL_CONSULTANT = "municipal_consultant", _("Municipal consultant")
    COMPANY_CONTACT = "company_contact", _("Company contact")
    OTHER = "other", _("Other")


def _involving(municipalities: models.QuerySet | list) -> Q:
    through = Partnership.municipalities.through
    return Q(Exists(through.objects.filter(partnership=OuterRef("pk"), municipality__in=municipalities)))


class PartnershipQuerySet(models.QuerySet):
    def public(self) -> PartnershipQuerySet:
        return self.filter(public=True)

    def managed_by(self, user) -> PartnershipQuerySet:
        """The records `user` works on in the back office (see portal.access)."""
        return access.restrict(self, user, consultant=_involving)

    def visible_to(self, user) -> PartnershipQuerySet:
        """Public records, plus previews (marked as not public on the page) of the records `user` manages."""
        return access.visible(self, user, public=Q(public=True))

    def involving_municipalities(self, municipalities: models.QuerySet | list) -> PartnershipQuerySet:
        return self.filter(_involving(municipalities))

    def involving_provider_kind(self, kind: str) -> PartnershipQuerySet:
        through = Partnership.providers.through
        return self.filter(Exists(through.objects.filter(partnership=OuterRef("pk"), provider__kind=kind)))

    def with_subject(self, subject: Subject) -> PartnershipQuerySet:
        through = Partnership.subjects.through
        return self.filter(Exists(through.objects.filter(partnership=OuterRef("pk"), subject=subject)))

    def with_grade(self, grade: GradeLevel) -> PartnershipQuerySet:
        through = Partnership.grades.through
        return self.filter(Exists(through.objects.filter(partnership=OuterRef("pk"), gradelevel=grade)))

    def with_activity(self, activity: str) -> PartnershipQuerySet:
        return self.filter(activities__contains=[activity])

    def search(self, text: str) -> PartnershipQuerySet:
        """Danish full-text search over title, description and goals, best matches first."""
        query = SearchQuery(text, config="danish", search_type="websearch")
        return (
            self.filter(search_vector=query)
            .annotate(rank=SearchRank("search_vector", query))
            .order_by("-rank", "title", "pk")
        )

    def with_card_relations(self) -> PartnershipQuerySet:
        """What a list of partnership cards needs, in a constant number of queries."""
        return self.prefetch_related("providers", "schools", "municipalities")

    def with_health(self, today: date | None = None) -> PartnershipQuerySet:
        """Annotate every health flag (`flag_<name>`, a boolean) and `flag_count`; see partnerships.health."""
        return health.annotate(self, today or timezone.localdate())

    def flagged(self, name: str, today: date | None = None) -> PartnershipQuerySet:
        """The records that raise the health flag `name` on `today`."""
        return self.with_health(today).filter(**{health.field_name(name): True})


class Partnership(models.Model):
    """A collaboration (samarbejde) or partnership (partnerskab) between schools and learning places."""

    Kind = Kind
    Activity = Activity
    Agreement = Agreement

    key = models.SlugField(_("key"), max_length=200, unique=True, help_text=_("Stable external identifier."))
    slug = models.SlugField(_("slug"), max_length=200, unique=True, help_text=_("Used in the page address."))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_(
            "A partnership has shared goals, mutual involvement in the teaching, commitment and a "
            "formal agreement; a collaboration may lack some of these."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    providers = models.ManyToManyField(
        Provider, blank=True, related_name="partnerships", verbose_name=_("learning places")
    )
    schools = models.ManyToManyField(
        School, blank=True, related_name="partnerships", verbose_name=_("schools")
    )
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="partnerships", verbose_name=_("municipalities")
    )
    started = models.DateField(_("started"), null=True, blank=True)
    ended = models.DateField(
        _("ends"), null=True, blank=True, help_text=_("Leave empty while the collaboration has no end date.")
    )
    recurring = models.BooleanField(
        _("recurring each school year"),
        default=False,
        help_text=_("Renewed every school year; counts as a renewal when the end date approaches."),
    )
    grades = models.ManyToManyField(
        GradeLevel, blank=True, related_name="partnerships", verbose_name=_("grade levels")
    )
    subjects = models.ManyToManyField(
        Subject, blank=True, related_name="partnerships", verbose_name=_("subjects")
    )
    activities = ArrayField(
        models.CharField(max_length=30, choices=Activity.choices),
        blank=True,
        default=list,
        verbose_name=_("activities"),
    )
    agreement = models.CharField(
        _("form of agreement"), max_length=20, choices=Agreement.choices, default=Agreement.NONE
    )
    goals = models.TextField(_("goals and expected outcome"), blank=True)
    offers = models.ManyToManyField(
        Offer, blank=True, related_name="partnerships", verbose_name=_("related offers")
    )
    public = models.BooleanField(
        _("shown publicly"),
        default=False,
        help_text=_("Shown in the public showcase. Contacts' names, e-mail addresses and phones never are."),
    )
    # Portal-only fields: the interchange format (version 1) has no place for them.
    resources = models.TextField(
        _("time and resources"),
        blank=True,
        help_text=_("Hours, money, transport and materials each party puts in. Printed in the agreement."),
    )
    evaluation_notes = models.TextField(_("evaluation notes"), blank=True)
    last_evaluated = models.DateField(
        _("last evaluated"), null=True, blank=True, help_text=_("The date of the latest evaluation.")
    )
    successor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("continued by"),
        help_text=_("The record that continues or renews this one when it ends."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config="danish")
        + SearchVector("description", "goals", weight="B", config="danish"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        indexes = [
            GinIndex(fields=["search_vector"], name="partnership_search_gin"),
            GinIndex(fields=["activities"], name="partnership_activities_gin"),
            models.Index(fields=["public", "title"], name="partnership_public_title"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="partnership_kind_known"),
            models.CheckConstraint(
                condition=Q(agreement__in=Agreement.values), name="partnership_agreement_known"
            ),
            models.CheckConstraint(
                condition=Q(activities__contained_by=Activity.values),
                name="partnership_activities_known",
                violation_error_message=_("Unknown activity."),
            ),
            models.CheckConstraint(
                condition=Q(started__isnull=True) | Q(ended__isnull=True) | Q(started__lte=models.F("ended")),
                name="partnership_ends_after_start",
                violation_error_message=_("The end date must be on or after the start date."),
            ),
            models.CheckConstraint(
                condition=~Q(successor=models.F("pk")),
                name="partnership_not_own_successor",
                violation_error_message=_("A record cannot continue itself."),
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=sorted(RESERVED_SLUGS)),
                name="partnership_slug_not_reserved",
                violation_error_message=_("This page address is reserved; choose another slug."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnerships:detail", args=[self.slug])

    def get_agreement_url(self) -> str:
        return reverse("partnerships:agreement", args=[self.slug])

    def health_flags(self, today: date | None = None) -> list[health.RaisedFlag]:
        """The flags this record raises on `today`, each with its plain-Danish explanation.

        Reads the annotations of `Partnership.objects.with_health(today)` when the object came from it;
        otherwise asks the database (one query).
        """
        return health.raised(self, today or timezone.localdate())

    def activity_labels(self) -> list[str]:
        return [str(Activity(activity).label) for activity in self.activities if activity in Activity.values]

    def contact_roles(self) -> list[str]:
        """The roles among the contacts (labels, each once, in the contacts' order): what the public sees
        of the people involved."""
        labels = [str(contact.get_role_display()) for contact in self.contacts.all()]
        return list(dict.fromkeys(labels))


class ContactQuerySet(models.QuerySet):
    def managed_by(self, user) -> ContactQuerySet:
        """The contacts of the records `user` manages (see portal.access)."""
        return self.filter(partnership__in=Partnership.objects.managed_by(user).values("pk"))


class Contact(models.Model):
    """A person the collaboration depends on, with their role. Never shown publicly with e-mail."""

    Role = Role

    # The school's side of the collaboration: counted by the "person dependency" health flag.
    SCHOOL_SIDE_ROLES = (Role.TEACHER, Role.SCHOOL_LEADER, Role.PLC)

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("partnership")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0, help_text=_("Lower numbers come first."))

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="partnership_contact_role_known"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})" if self.name else str(self.get_role_display())

    @property
    def responsibility(self) -> str:
        """The standard responsibility of the role, printed in the collaboration agreement."""
        return str(RESPONSIBILITIES[Role(self.role)]) if self.role in Role.values else ""


RESPONSIBILITIES = {
    Role.TEACHER: _(
        "Plans and teaches the course with the class and connects the pupils' work with the goals of the subject."
    ),
    Role.SCHOOL_LEADER: _(
        "Gives the collaboration time, priority and a place in the school's annual plan, and makes sure it "
        "continues when staff change."
    ),
    Role.PLC: _("Supports the teachers' planning and spreads the collaboration to more classes and teams."),
    Role.EDUCATOR: _("Plans and teaches the institution's part of the course together with the teachers."),
    Role.INSTITUTION_LEADER: _(
        "Gives the institution's staff time and resources for the collaboration and makes sure it continues."
    ),
    Role.MUNICIPAL_CONSULTANT: _(
        "Supports the parties, connects the collaboration with the municipality's open school work and "
        "follows up on the evaluation."
    ),
    Role.COMPANY_CONTACT: _(
        "Plans the company's part of the course and arranges visits and contacts at the company."
    ),
    Role.OTHER: _("As agreed between the parties."),
}
