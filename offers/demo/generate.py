"""Builds the demo catalogue in memory, deterministically from a seed: learning places spread over the
municipalities (all of them once there are enough places, then by population) and their offers written
from the topics. Nothing here writes to the database; see offers.demo.store."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import chain, count
from random import Random
from typing import TypeVar

from municipalities.models import Municipality
from offers.demo import texts
from offers.demo.dates import DemoDate, dated_visits
from offers.demo.places import Address, Place, load_places
from offers.demo.profiles import (
    FORMAT_WEIGHTS,
    FREE_SHARE,
    KIND_FORMAT_WEIGHTS,
    KIND_WEIGHTS,
    PROFILES,
    SURNAMES,
    Profile,
)
from offers.demo.topics import Topic, topics_for
from offers.models import SDG, GradeLevel, Offer, Provider, Subject
from portal.text import danish_slugify

T = TypeVar("T")
F = Offer.Format
S = Offer.Status

OFFERS_PER_PROVIDER = 5
MAX_OFFERS_PER_PROVIDER = 15
# How many learning places have 1, 2, … 15 offers (mean about 5 before adjusting to the exact total).
_COUNT_WEIGHTS = (10, 14, 14, 13, 12, 10, 8, 6, 4, 3, 2, 1.5, 1, 0.8, 0.6)

# The demo's "now" lies in school year 2026/27; nothing depends on the real date.
FIRST_CREATED = datetime(2023, 1, 1, 8, 0, tzinfo=UTC)
LAST_CREATED = datetime(2026, 11, 16, 16, 0, tzinfo=UTC)
_YEAR_2025 = (date(2025, 8, 1), date(2026, 6, 30))
_YEAR_2026 = (date(2026, 8, 1), date(2027, 6, 30))
_YEAR_2027 = (date(2027, 8, 1), date(2028, 6, 30))
Period = tuple[date | None, date | None]
# (period, weight) per status; most published offers are bookable in autumn 2026.
PERIODS: dict[str, tuple[tuple[Period, int], ...]] = {
    S.PUBLISHED: (
        ((None, None), 30),
        (_YEAR_2026, 35),
        ((_YEAR_2026[0], _YEAR_2027[1]), 12),
        ((date(2026, 8, 10), date(2026, 12, 18)), 7),
        ((date(2027, 1, 4), date(2027, 6, 25)), 8),
        (_YEAR_2027, 5),
        ((_YEAR_2026[0], None), 3),
    ),
    S.DRAFT: (((None, None), 20), (_YEAR_2026, 30), (_YEAR_2027, 50)),
    S.ARCHIVED: (((None, None), 30), (_YEAR_2025, 70)),
}
PRICES = (
    300,
    400,
    500,
    500,
    600,
    750,
    800,
    900,
    1000,
    1000,
    1200,
    1500,
    1500,
    1800,
    2000,
    2500,
    3000,
    3500,
    4000,
)
DURATIONS: dict[str, tuple[int, ...]] = {
    F.VISIT: (60, 90, 90, 120, 120, 150, 180, 240),
    F.OUTREACH: (45, 60, 90, 90, 120, 180),
    F.COURSE: (90, 120, 180, 240, 300),
    F.ONLINE: (45, 45, 60, 90),
    F.MATERIAL: (45, 90, 135),
    F.TEACHER_COURSE: (120, 180, 240, 300),
    F.EVENT: (60, 120, 180, 240, 300),
}
GROUP_SIZES = (15, 20, 24, 25, 28, 28, 28, 30, 30, 50, 56, 60)
_NAME_QUALIFIERS = ("Nord", "Syd", "Øst", "Vest", "Centrum")


@dataclass(frozen=True)
class Reference:
    """The reference rows offers point at, loaded once."""

    municipalities: dict[str, Municipality]
    subjects: dict[str, Subject]
    grade_ids: dict[int, int]  # GradeLevel.order → id
    sdg_ids: dict[int, int]  # SDG.number → id

    @classmethod
    def load(cls) -> "Reference":
        return cls(
            municipalities={m.code: m for m in Municipality.objects.all()},
            subjects={s.slug: s for s in Subject.objects.all()},
            grade_ids=dict(GradeLevel.objects.values_list("order", "id")),
            sdg_ids=dict(SDG.objects.values_list("number", "id")),
        )


@dataclass
class Catalogue:
    """Unsaved providers and offers; the link and timestamp lists run parallel to `offers`/`providers`."""

    providers: list[Provider] = field(default_factory=list)
    provider_times: list[tuple[datetime, datetime]] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    offer_times: list[tuple[datetime, datetime]] = field(default_factory=list)
    subject_ids: list[list[int]] = field(default_factory=list)
    grade_ids: list[list[int]] = field(default_factory=list)
    sdg_ids: list[list[int]] = field(default_factory=list)
    occurrences: list[DemoDate] = field(default_factory=list)  # dated visits of some offers


def spread(items: Sequence[T], weights: Sequence[float], k: int, rng: Random) -> list[T]:
    """k items: as many distinct ones as possible (weighted sampling without replacement), the rest drawn
    by weight, in random order. So 500 places cover all 98 municipalities and big ones get more."""
    keyed = sorted(range(len(items)), key=lambda i: rng.random() ** (1 / weights[i]), reverse=True)
    chosen = [items[i] for i in keyed[:k]]
    chosen += rng.choices(items, weights=weights, k=max(0, k - len(items)))
    rng.shuffle(chosen)
    return chosen


def offers_per_provider(n_offers: int, rng: Random) -> list[int]:
    """How many offers each learning place gets: 1–15, about 5 on average, summing to exactly n_offers."""
    n_providers = max(1, round(n_offers / OFFERS_PER_PROVIDER))
    counts = rng.choices(range(1, MAX_OFFERS_PER_PROVIDER + 1), weights=_COUNT_WEIGHTS, k=n_providers)
    total = sum(counts)
    while total != n_offers:
        i = rng.randrange(n_providers)
        if total > n_offers and counts[i] > 1:
            counts[i] -= 1
            total -= 1
        elif total < n_offers and counts[i] < MAX_OFFERS_PER_PROVIDER:
            counts[i] += 1
            total += 1
    return counts


def unique(base: str, used: set[str], max_length: int = 200) -> str:
    """`base`, or `base-2`, `base-3` … whichever is free; recorded in `used`."""
    candidate = base = base[:max_length].rstrip("-")
    n = 2
    while candidate in used:
        suffix = f"-{n}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
        n += 1
    used.add(candidate)
    return candidate


def _moment(rng: Random, start: datetime, end: datetime = LAST_CREATED) -> datetime:
    return start + timedelta(seconds=rng.randrange(max(1, int((end - start).total_seconds()))))


def _weighted(rng: Random, options: Sequence[tuple[T, float]]) -> T:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


class _Builder:
    def __init__(self, seed: int, reference: Reference):
        self.rng = Random(seed)
        self.ref = reference
        self.catalogue = Catalogue()
        self.names: set[str] = set()
        self.provider_keys: set[str] = set()
        self.offer_keys: set[str] = set()
        self.offer_slugs: set[str] = set()

    def build(self, n_offers: int) -> Catalogue:
        rng = self.rng
        counts = offers_per_provider(n_offers, rng)
        places = load_places()
        at = spread(places, [p.population for p in places], len(counts), rng)
        kinds = spread(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()), len(counts), rng)
        for n, place, kind in zip(counts, at, kinds, strict=True):
            provider, profile, town = self.provider(kind, place)
            self.offers(provider, profile, town, n, since=self.catalogue.provider_times[-1][0])
        return self.catalogue

    def provider(self, kind: str, place: Place) -> tuple[Provider, Profile, str]:
        rng = self.rng
        profile = rng.choice(
            [
                p
                for p in PROFILES[kind]
                if place.population >= p.min_population and (place.coastal or not p.coastal)
            ]
        )
        municipality = self.ref.municipalities[place.code]
        name, address = self._name(profile, place, municipality)
        key = unique(danish_slugify(name), self.provider_keys)
        domain = f"{key[:63].rstrip('-')}.example.dk"
        provider = Provider(
            key=key,
            slug=key,
            name=name,
            kind=kind,
            description=profile.about.format(muni_name=place.plain_name),
            municipality=municipality,
            address=f"{address.street} {rng.randint(1, 120)}{rng.choice(('',) * 8 + ('A', 'B'))}",
            postcode=address.postcode,
            city=address.city,
            # Within about 700 m of the postcode's point: inside the town, never on the same spot.
            latitude=round(address.latitude + rng.uniform(-0.006, 0.006), 5),
            longitude=round(address.longitude + rng.uniform(-0.01, 0.01), 5),
            website=f"https://www.{domain}",
            email=f"{rng.choice(('kontakt', 'info', 'skoletjeneste', 'undervisning'))}@{domain}",
            phone="+45 " + " ".join(f"{n:02d}" for n in (rng.randint(20, 99), *rng.choices(range(100), k=3))),
        )
        created = _moment(rng, FIRST_CREATED, LAST_CREATED - timedelta(days=60))
        self.catalogue.providers.append(provider)
        self.catalogue.provider_times.append((created, _moment(rng, created)))
        return provider, profile, address.town

    def _name(self, profile: Profile, place: Place, municipality: Municipality) -> tuple[str, Address]:
        rng = self.rng
        for _ in range(6):
            address = rng.choice(place.addresses)
            name = rng.choice(profile.names).format(
                town=address.town,
                muni=place.prefix,
                muni_name=place.plain_name,
                kommune=municipality.official_name,
                surname=rng.choice(SURNAMES),
            )
            if name not in self.names:
                break
        if name in self.names:
            qualified = chain((f"{name} {q}" for q in _NAME_QUALIFIERS), (f"{name} {n}" for n in count(2)))
            name = next(q for q in qualified if q not in self.names)
        self.names.add(name)
        return name, address

    def offers(self, provider: Provider, profile: Profile, town: str, n: int, since: datetime) -> None:
        rng = self.rng
        topics = list(dict.fromkeys(topics_for(profile.tags)))
        rng.shuffle(topics)
        titles: set[str] = set()
        ranges_used: dict[int, set[tuple[int, int]]] = {}
        for j in range(n):
            topic = topics[j % len(topics)]
            used = ranges_used.setdefault(j % len(topics), set())
            grades = rng.choice([g for g in topic.grades if g not in used] or list(topic.grades))
            used.add(grades)
            self.offer(provider, topic, town, grades, titles, repeat=j >= len(topics), since=since)

    def offer(
        self,
        provider: Provider,
        topic: Topic,
        town: str,
        grades: tuple[int, int],
        titles: set[str],
        repeat: bool,
        since: datetime,
    ) -> None:
        rng = self.rng
        fmt = _weighted(rng, list({**FORMAT_WEIGHTS, **KIND_FORMAT_WEIGHTS.get(provider.kind, {})}.items()))
        label = texts.grade_label(*grades)
        base = rng.choice(topic.titles).format(place=town)
        title = texts.decorate_title(f"{base} – {label}" if repeat or rng.random() < 0.35 else base, fmt, rng)
        n = 2
        while title in titles:
            title = f"{base} – {label}" + (f", hold {n}" if n > 2 else "")
            n += 1
        titles.add(title)

        slug = danish_slugify(title)
        slug = slug if slug not in self.offer_slugs else danish_slugify(f"{title} {town}")
        slug = unique(slug, self.offer_slugs)
        status = _weighted(rng, ((S.PUBLISHED, 90), (S.DRAFT, 6), (S.ARCHIVED, 4)))
        available_from, available_to = _weighted(rng, PERIODS[status])
        price = self._price(provider.kind, rng)
        no_duration = rng.random() < (0.85 if fmt == F.MATERIAL else 0.05)
        duration = None if no_duration else rng.choice(DURATIONS[fmt])
        participants = None if fmt == F.MATERIAL or rng.random() < 0.1 else rng.choice(GROUP_SIZES)
        subjects = self._subjects(topic, grades)

        facts = texts.OfferFacts(
            provider_name=provider.name,
            town=town,
            format=fmt,
            duration=duration,
            max_participants=participants,
            price=price,
            subject_names=[self.ref.subjects[s].name for s in subjects],
            dagtilbud_only=grades == (0, 0),
        )
        k_themes = rng.randint(1, min(4, len(topic.themes)))
        offer = Offer(
            key=unique(f"{provider.key}-{danish_slugify(title)}", self.offer_keys),
            slug=slug,
            provider=provider,
            title=title,
            summary=topic.summary.format(place=town),
            description=texts.description(topic, town, facts, rng),
            format=fmt,
            themes=[topic.themes[i] for i in sorted(rng.sample(range(len(topic.themes)), k_themes))],
            price_dkk=price,
            duration_minutes=duration,
            max_participants=participants,
            available_from=available_from,
            available_to=available_to,
            booking_url=self._booking_url(provider.website, fmt, slug),
            booking_email=""
            if rng.random() < 0.15
            else f"booking@{provider.website.removeprefix('https://www.')}",
            languages=self._languages(topic, rng),
            status=status,
        )
        created = _moment(rng, since)
        self.catalogue.offers.append(offer)
        self.catalogue.offer_times.append((created, _moment(rng, created)))
        self.catalogue.subject_ids.append([self.ref.subjects[s].id for s in subjects])
        self.catalogue.grade_ids.append([self.ref.grade_ids[o] for o in range(grades[0], grades[1] + 1)])
        sdgs = rng.sample(topic.sdgs, rng.randint(0, len(topic.sdgs)))
        self.catalogue.sdg_ids.append([self.ref.sdg_ids[n] for n in sorted(sdgs)])

    def _subjects(self, topic: Topic, grades: tuple[int, int]) -> list[str]:
        """The main subject plus up to two more, for the school levels the grade range touches."""
        rng = self.rng
        chosen: list[str] = []
        first, last = grades
        for pool, touched in ((topic.subjects, first <= 11 and last >= 1), (topic.gym_subjects, last == 12)):
            if touched and pool:
                extra = sorted(rng.sample(range(1, len(pool)), min(len(pool) - 1, rng.randint(0, 2))))
                chosen += [pool[0], *(pool[i] for i in extra)]
        return list(dict.fromkeys(chosen))

    def _booking_url(self, website: str, fmt: str, slug: str) -> str:
        if self.rng.random() < 0.2:
            return ""
        if fmt == F.MATERIAL:
            return f"{website}/materialer/{slug}"
        return self.rng.choice((f"{website}/booking", f"{website}/skoletjeneste/{slug}"))

    @staticmethod
    def _price(kind: str, rng: Random) -> int | None:
        if rng.random() < 0.08:
            return None
        return 0 if rng.random() < FREE_SHARE[kind] else rng.choice(PRICES)

    @staticmethod
    def _languages(topic: Topic, rng: Random) -> list[str]:
        if "tysk" in topic.subjects:
            return ["da", "en", "de"]
        roll = rng.random()
        return ["da"] if roll < 0.88 else ["da", "en"] if roll < 0.98 else ["da", "de"]


def build_catalogue(n_offers: int, seed: int, reference: Reference | None = None) -> Catalogue:
    """Exactly `n_offers` offers from about n_offers / 5 learning places; the same seed gives the same data."""
    if n_offers < 1:
        raise ValueError("A catalogue needs at least one offer.")
    catalogue = _Builder(seed, reference or Reference.load()).build(n_offers)
    # A generator of its own, so the dates leave the rest of the catalogue as it was before they existed.
    catalogue.occurrences = dated_visits(catalogue.offers, Random(f"dates-{seed}"))
    return catalogue
