"""Demo partnerships for `manage.py seed_demo`: realistic, deterministic Danish records built on the
learning places, schools and municipalities already in the database.

The mix is deliberate: collaborations and partnerships, public and private, healthy records and records
that raise each health flag (one contact, no school leader, no written agreement, no goals, ending soon,
not evaluated). Contacts use invented names and example.dk addresses.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from municipalities.models import School
from offers.models import GradeLevel, Offer, Provider, Subject
from partnerships.health import previous_school_year_start, school_year_start
from partnerships.models import Activity, Agreement, Contact, Kind, Partnership, Role

TARGET = 48

# Per kind of learning place: title pattern, subjects, typical activities, a description and goals.
THEMES: dict[str, tuple[str, list[str], list[str], str, str]] = {
    "museum": (
        "Historien tæt på: {provider} og {school}",
        ["historie", "dansk", "samfundsfag"],
        [Activity.JOINT_COURSE_PLANNING, Activity.RECURRING_VISITS, Activity.DEVELOP_OFFER],
        "Eleverne arbejder med museets genstande som kilder. Forløbet veksler mellem besøg på museet og "
        "undervisning på skolen, og museets underviser kommer på skolen én gang om året.",
        "Eleverne kan bruge genstande og arkivalier som kilder og stille undersøgende spørgsmål til fortiden.",
    ),
    "nature": (
        "Naturfag i felten: {school} og {provider}",
        ["natur-teknologi", "biologi", "geografi"],
        [Activity.RECURRING_VISITS, Activity.TEST_OFFER, Activity.PROJECT_WEEK],
        "Klasserne kommer ud til naturvejlederen hver sæson og følger det samme område gennem året: vandløb, "
        "skov og strand. Resultaterne bruges i naturfagsundervisningen hjemme på skolen.",
        "Eleverne lærer at undersøge naturen systematisk og at sammenligne deres målinger over et helt år.",
    ),
    "science": (
        "Teknologi og innovation med {provider}",
        ["natur-teknologi", "fysik-kemi", "teknologiforstaaelse", "matematik"],
        [Activity.PROJECT_WEEK, Activity.TEACHER_TRAINING, Activity.TEST_OFFER],
        "Et innovationsforløb, hvor eleverne designer, bygger og afprøver egne løsninger. Lærerne deltager i "
        "et kursus på institutionen, før forløbet starter.",
        "Eleverne arbejder med en designproces fra idé til prototype, og lærerne kan selv gentage forløbet.",
    ),
    "library": (
        "Læselyst på {provider}",
        ["dansk", "dansk-som-andetsprog"],
        [Activity.RECURRING_VISITS, Activity.JOINT_COURSE_PLANNING],
        "Bibliotekets formidler og skolens dansklærere planlægger sammen et læseforløb med besøg på biblioteket "
        "og bogsnak i klassen.",
        "Flere elever låner og læser bøger i fritiden, og klassen kender bibliotekets tilbud.",
    ),
    "art": (
        "Kunst i skolen: {school} og {provider}",
        ["billedkunst", "haandvaerk-og-design", "dansk"],
        [Activity.JOINT_COURSE_PLANNING, Activity.ELECTIVE, Activity.DEVELOP_OFFER],
        "En billedkunstner arbejder med klasserne over flere uger. Værkerne udstilles til sidst for forældre "
        "og lokalsamfund.",
        "Eleverne prøver en kunstnerisk arbejdsproces og præsenterer egne værker.",
    ),
    "music": (
        "Musik sammen med {provider}",
        ["musik", "dansk"],
        [Activity.RECURRING_VISITS, Activity.ELECTIVE],
        "Musikskolens lærere underviser sammen med skolens musiklærer og afslutter med en fælles koncert.",
        "Alle elever spiller og synger sammen og optræder for et publikum.",
    ),
    "theatre": (
        "Scenekunst på skoleskemaet: {provider}",
        ["dansk", "drama"],
        [Activity.RECURRING_VISITS, Activity.JOINT_COURSE_PLANNING],
        "Klasserne ser en forestilling og arbejder bagefter med den i værksteder ledet af skuespillerne.",
        "Eleverne kan tale om og skabe scenekunst og kender teatret som et sted, de kan bruge.",
    ),
    "film": (
        "Film og medier med {provider}",
        ["dansk", "medier", "filmkundskab"],
        [Activity.PROJECT_WEEK, Activity.DEVELOP_OFFER],
        "Eleverne laver kortfilm i en projektuge med filmkonsulenter og viser dem for hinanden.",
        "Eleverne kan planlægge, optage og redigere en kort film og analysere filmiske virkemidler.",
    ),
    "company": (
        "Uddannelse og job hos {provider}",
        ["uddannelse-og-job", "matematik", "samfundsfag"],
        [Activity.CAREER_LEARNING, Activity.PROJECT_WEEK, Activity.RECURRING_VISITS],
        "Skole-virksomhedssamarbejde: eleverne løser en virkelig opgave fra virksomheden, besøger "
        "arbejdspladsen og møder medarbejdere med forskellige uddannelser.",
        "Eleverne får et konkret billede af job og uddannelsesveje og bruger fagene i en virkelig opgave.",
    ),
    "sport": (
        "Bevægelse og foreningsliv: {school} og {provider}",
        ["idraet"],
        [Activity.RECURRING_VISITS, Activity.ELECTIVE],
        "Trænere fra den lokale forening underviser i idræt sammen med skolens lærere og inviterer klassen til "
        "at prøve foreningens aktiviteter.",
        "Flere elever bliver aktive i en forening i deres fritid.",
    ),
}
DEFAULT_THEME = (
    "Åben skole: {school} og {provider}",
    ["dansk", "natur-teknologi", "samfundsfag"],
    [Activity.JOINT_COURSE_PLANNING, Activity.RECURRING_VISITS, Activity.OTHER],
    "Skolen og institutionen planlægger sammen undervisning uden for klasseværelset, der bruger stedets "
    "viden og rum.",
    "Eleverne bruger lokalsamfundet i undervisningen og møder fagligheder uden for skolen.",
)
THEME_KIND = {"archive": "museum", "association": "sport", "education": "science", "municipal": "nature"}

FIRST_NAMES = [
    "Mette",
    "Søren",
    "Anne",
    "Lars",
    "Camilla",
    "Jens",
    "Louise",
    "Mads",
    "Sidsel",
    "Rasmus",
    "Ida",
    "Peter",
]
LAST_NAMES = [
    "Hansen",
    "Nielsen",
    "Jensen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Holm",
]
GRADE_BANDS = [
    ["0-klasse", "1-klasse"],
    ["3-klasse", "4-klasse"],
    ["5-klasse", "6-klasse"],
    ["7-klasse", "8-klasse", "9-klasse"],
]


def _email(name: str) -> str:
    ascii_name = name.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", " ": "."}))
    return f"{ascii_name}@example.dk"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


# One record in eight per profile, so every run shows healthy records and each health flag.
PROFILES = ["healthy", "healthy", "healthy", "one_person", "informal", "ending", "continued", "ended"]


def _contacts(rng: random.Random, profile: str) -> list[tuple[str, str]]:
    """Roles and names: healthy records involve the school's leadership; others hang on one teacher."""
    if profile == "one_person":
        roles = [Role.TEACHER, Role.EDUCATOR]
    else:
        roles = [Role.TEACHER, Role.SCHOOL_LEADER]
        if rng.random() < 0.5:
            roles.append(Role.PLC)
        roles.append(Role.COMPANY_CONTACT if rng.random() < 0.2 else Role.EDUCATOR)
        if rng.random() < 0.3:
            roles.append(Role.MUNICIPAL_CONSULTANT)
    return [(role, _person(rng)) for role in roles]


def _period(rng: random.Random, today: date, profile: str) -> tuple[date, date | None, bool]:
    """Start, end and recurring for the profile: open-ended or recurring, ending soon, or ended."""
    this_year = school_year_start(today)
    if profile == "ended":
        started = this_year.replace(year=this_year.year - rng.randint(3, 8))
        return started, started + timedelta(days=rng.randint(300, 700)), False
    started = this_year.replace(year=this_year.year - rng.randint(1, 8))
    if profile in ("ending", "continued"):
        return started, today + timedelta(days=rng.randint(5, 55)), False
    if rng.random() < 0.3:
        return started, date(today.year + 1, 6, 30), True
    return started, None, rng.random() < 0.6


def seed_demo_partnerships(rng: random.Random, today: date | None = None) -> int:
    """Create up to 48 demo records (fewer when there are few learning places); returns how many.

    Deterministic for a given `rng` state, `today` and database: each record draws from its own generator
    seeded by `rng`, so records whose keys exist are skipped without changing the others.
    """
    today = today or timezone.localdate()
    providers = list(
        Provider.objects.exclude(municipality=None).select_related("municipality").order_by("key")
    )
    schools_by_municipality: dict[int, list[School]] = {}
    for school in (
        School.objects.filter(kind__in=["folkeskole", "friskole"]).exclude(municipality=None).order_by("key")
    ):
        schools_by_municipality.setdefault(school.municipality_id, []).append(school)
    if not providers or not schools_by_municipality:
        return 0
    context = {
        "today": today,
        "subjects": {subject.slug: subject for subject in Subject.objects.all()},
        "grades": {grade.slug: grade for grade in GradeLevel.objects.all()},
        "offers": {},
    }
    for offer in Offer.objects.published().order_by("key"):
        context["offers"].setdefault(offer.provider_id, []).append(offer)
    taken = set(Partnership.objects.values_list("key", flat=True))
    created: list[Partnership] = []
    with transaction.atomic():
        for index in range(TARGET):
            own = random.Random(rng.getrandbits(64))
            provider = providers[index % len(providers)]
            schools = (
                schools_by_municipality.get(provider.municipality_id)
                or schools_by_municipality[own.choice(sorted(schools_by_municipality))]
            )
            school = own.choice(schools)
            key = f"{provider.key}-{school.key}"[:200].strip("-")
            if key in taken:
                continue
            taken.add(key)
            profile = PROFILES[index % len(PROFILES)]
            partnership = _create(own, context, key, provider, school, profile)
            continuing = [p for p in created if p.ended is None]
            if profile == "continued" and continuing:
                partnership.successor = own.choice(continuing)
                partnership.save(update_fields=["successor"])
            created.append(partnership)
    return len(created)


def _create(rng: random.Random, context: dict, key: str, provider, school, profile: str) -> Partnership:
    today = context["today"]
    title, subject_slugs, activities, description, goals = THEMES.get(
        THEME_KIND.get(provider.kind, provider.kind), DEFAULT_THEME
    )
    healthy = profile in ("healthy", "continued", "ended")
    started, ended, recurring = _period(rng, today, profile)
    agreement = (
        rng.choice([Agreement.WRITTEN_AGREEMENT, Agreement.CONTRACT, Agreement.MUNICIPAL_AGREEMENT])
        if healthy or profile == "ending"
        else rng.choice([Agreement.NONE, Agreement.INFORMAL])
    )
    last_evaluated = (
        previous_school_year_start(today) + timedelta(days=rng.randint(250, 320))
        if healthy or rng.random() < 0.3
        else None
    )
    partnership = Partnership.objects.create(
        key=key,
        slug=key,
        title=title.format(provider=provider.name, school=school.name)[:200],
        kind=Kind.PARTNERSHIP if healthy and rng.random() < 0.7 else Kind.COLLABORATION,
        description=description,
        started=started,
        ended=ended,
        recurring=recurring,
        activities=rng.sample(activities, k=rng.randint(1, len(activities))),
        agreement=agreement,
        goals="" if profile == "informal" else goals,
        public=rng.random() < 0.7,
        resources="Skolen betaler bus; institutionen stiller underviser og materialer til rådighed."
        if healthy
        else "",
        evaluation_notes="Evalueret på fælles møde med lærere og underviser; forløbet fortsætter."
        if last_evaluated
        else "",
        last_evaluated=last_evaluated,
    )
    partnership.providers.set([provider])
    partnership.schools.set([school])
    partnership.municipalities.set({provider.municipality_id, school.municipality_id})
    subjects = [context["subjects"][slug] for slug in subject_slugs if slug in context["subjects"]]
    partnership.subjects.set(subjects[: rng.randint(1, max(1, len(subjects)))])
    partnership.grades.set(
        [context["grades"][slug] for slug in rng.choice(GRADE_BANDS) if slug in context["grades"]]
    )
    partnership.offers.set(context["offers"].get(provider.pk, [])[:2])
    Contact.objects.bulk_create(
        Contact(partnership=partnership, role=role, name=name, email=_email(name), position=position)
        for position, (role, name) in enumerate(_contacts(rng, profile))
    )
    return partnership
