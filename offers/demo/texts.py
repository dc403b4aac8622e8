"""Danish wording for demo offers: grade labels, durations, prices, format-specific titles and the HTML
description assembled from a topic. Everything interpolated into HTML is escaped."""

from dataclasses import dataclass
from html import escape as _escape
from random import Random

from offers.demo.topics import Topic
from offers.models import Offer

F = Offer.Format


def escape(text: str) -> str:
    """Escape for HTML text content (quotes stay readable for the search index)."""
    return _escape(text, quote=False)


# The six pædagogiske læreplanstemaer, chosen for dagtilbud by the topic's first subject.
_LEARNING_THEME = {
    "natur-teknologi": "natur, udeliv og science",
    "billedkunst": "kultur, æstetik og fællesskab",
    "musik": "kultur, æstetik og fællesskab",
    "drama": "kultur, æstetik og fællesskab",
    "dansk": "kommunikation og sprog",
    "idraet": "krop, sanser og bevægelse",
    "madkundskab": "krop, sanser og bevægelse",
    "historie": "social udvikling",
}


def grade_label(first: int, last: int) -> str:
    """A GradeLevel.order range in words: (5, 7) → "4.–6. klasse", (0, 2) → "dagtilbud og 0.–1. klasse"."""

    def classes(lo: int, hi: int) -> str:
        return f"{lo - 1}. klasse" if lo == hi else f"{lo - 1}.–{hi - 1}. klasse"

    if last == 0:
        return "dagtilbud"
    if first == 12:
        return "ungdomsuddannelser"
    if first == 0:
        return f"dagtilbud og {classes(1, last)}"
    if last == 12:
        return f"{first - 1}. klasse til ungdomsuddannelser"
    return classes(first, last)


def duration_text(minutes: int) -> str:
    """45 → "45 minutter", 90 → "1½ time", 120 → "2 timer"."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{minutes} minutter"
    if rest == 30:
        return f"{hours}½ time"
    if rest == 0:
        return "1 time" if hours == 1 else f"{hours} timer"
    return f"{minutes} minutter"


def kroner(amount: int) -> str:
    """1500 → "1.500"."""
    return f"{amount:,}".replace(",", ".")


def join_words(words: list[str]) -> str:
    """["a", "b", "c"] → "a, b og c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def decorate_title(title: str, fmt: str, rng: Random) -> str:
    """Some titles say how the offer is given: "Lærerkursus: …", "… – online"."""
    roll = rng.random()
    if fmt == F.TEACHER_COURSE:
        return f"Lærerkursus: {title}" if roll < 0.7 else f"{title} – kursus for lærere"
    if fmt == F.MATERIAL and roll < 0.6:
        return f"{title} – undervisningsmateriale"
    if fmt == F.ONLINE and roll < 0.6:
        return f"{title} – online"
    if fmt == F.EVENT and roll < 0.5:
        return f"Temadag: {title}"
    if fmt == F.OUTREACH and roll < 0.3:
        return f"Skolebesøg: {title}"
    return title


@dataclass(frozen=True)
class OfferFacts:
    """What the description must agree with."""

    provider_name: str
    town: str
    format: str
    duration: int | None
    max_participants: int | None
    price: int | None
    subject_names: list[str]
    dagtilbud_only: bool


def _practical(facts: OfferFacts, rng: Random) -> str:
    lasts = f" og varer ca. {duration_text(facts.duration)}" if facts.duration else ""
    where = f"hos {facts.provider_name}"
    if facts.town not in facts.provider_name:
        where += f" i {facts.town}"
    if facts.format == F.VISIT:
        text = f"Forløbet foregår {where}{lasts}."
    elif facts.format == F.OUTREACH:
        text = "Vi kommer ud på jeres skole eller institution med materialer og udstyr."
        if facts.duration:
            text += f" Besøget varer ca. {duration_text(facts.duration)}."
    elif facts.format == F.COURSE:
        each = f" à ca. {duration_text(facts.duration)}" if facts.duration else ""
        text = (
            f"Forløbet består af {rng.choice((2, 3, 4))} moduler{each} og veksler mellem besøg {where} "
            "og arbejde i klassen."
        )
    elif facts.format == F.ONLINE:
        text = f"Undervisningen foregår online{lasts}, og klassen skal bruge en skærm med lyd og kamera."
    elif facts.format == F.MATERIAL:
        text = (
            "Materialet bruges af læreren på egen hånd og indeholder lærervejledning, elevopgaver og forslag "
            "til evaluering."
        )
    elif facts.format == F.TEACHER_COURSE:
        text = (
            f"Kurset er for lærere og pædagoger, foregår {where}{lasts} og giver idéer og materialer, der "
            "kan bruges direkte i undervisningen."
        )
    else:
        text = f"Arrangementet holdes flere gange i løbet af skoleåret {where}. Datoerne fremgår ved booking."
    if facts.max_participants and facts.format != F.MATERIAL:
        text += f" Der er plads til op til {facts.max_participants} deltagere."
    return text


def _curriculum(facts: OfferFacts, topic: Topic) -> str:
    if facts.dagtilbud_only:
        theme = _LEARNING_THEME.get(
            topic.subjects[0] if topic.subjects else "", "alsidig personlig udvikling"
        )
        return f"Tilbuddet understøtter den pædagogiske læreplan, især temaet {theme}."
    return f"Forløbet knytter an til {join_words([n.lower() for n in facts.subject_names])}."


def _price(price: int | None, dagtilbud_only: bool) -> str:
    if price is None:
        return "Kontakt os for at høre om prisen."
    if price == 0:
        return "Tilbuddet er gratis."
    return f"Prisen er {kroner(price)} kr. pr. {'gruppe' if dagtilbud_only else 'klasse'}."


def description(topic: Topic, place: str, facts: OfferFacts, rng: Random) -> str:
    """Two or three short paragraphs, sometimes with a list of activities, in the HTML the portal allows."""
    parts = [f"<p>{escape(topic.about.format(place=place))}</p>"]
    if rng.random() < 0.7:
        chosen = sorted(rng.sample(range(len(topic.activities)), 3))
        items = "".join(f"<li>{escape(topic.activities[i])}</li>" for i in chosen)
        parts.append(f"<p>Eksempler på aktiviteter:</p><ul>{items}</ul>")
    parts.append(f"<p>{escape(_practical(facts, rng))}</p>")
    closing = [_price(facts.price, facts.dagtilbud_only)]
    if facts.subject_names or facts.dagtilbud_only:
        closing.insert(0, _curriculum(facts, topic))
    parts.append(f"<p>{escape(' '.join(closing))}</p>")
    return "\n".join(parts)
