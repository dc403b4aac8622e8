"""Demo municipal sites for `manage.py seed_demo` (called by it; deterministic for a given rng)."""

from __future__ import annotations

import random

from django.db import transaction

from municipalities.models import FeaturedOffer, Municipality, MunicipalSite
from offers.models import GradeLevel, Offer

# code: (title, contact name, transport text); a site without a contact has no consultant yet.
SITES = {
    "350": ("Åben skole i Lejre", "Mette Holm, åben skole-konsulent", "lejre"),
    "265": ("Åben skole i Roskilde", "Anders Krogh, læringskonsulent", "roskilde"),
    "751": ("Aarhus – den åbne skole", "Sara Vestergaard, åben skole-koordinator", "aarhus"),
    "101": ("Åben skole i København", "Jonas Friis, konsulent for åben skole", "koebenhavn"),
    "461": ("Odense åbner skolen", "Line Bach, pædagogisk konsulent", "odense"),
    "851": ("Åben skole i Aalborg", "Kasper Nørgaard, åben skole-konsulent", "aalborg"),
    "330": ("Åben skole i Slagelse", "", "slagelse"),
}
NOTES = [
    "Gratis for kommunens skoler",
    "Kommunen betaler bussen",
    "Passer til kommunens naturfagsstrategi",
    "Særligt godt til 4.-6. klasse",
    "Book tidligt – populært forløb",
    "Kommunen har købt forløbet til alle 5. klasser",
    "",
]
INTRO = (
    "Her finder skoler og dagtilbud i {name} de undervisningstilbud, kommunen anbefaler. "
    "Brug listen til at planlægge undervisning uden for klasseværelset."
)
GOALS = (
    "Alle elever i {name} skal mindst én gang om året lære uden for skolen.\n"
    "Skolerne samarbejder med lokale museer, naturskoler, foreninger og virksomheder om "
    "undervisning, der styrker elevernes faglighed, trivsel og kendskab til lokalsamfundet."
)
ALL_GRADES: list[str] = []  # no grade levels chosen: the support covers all
TO_6TH = ["dagtilbud", "0-klasse", "1-klasse", "2-klasse", "3-klasse", "4-klasse", "5-klasse", "6-klasse"]
# code: (free text, transport rules as MunicipalSite.transport_* values; "grades" as slugs)
TRANSPORT = {
    "350": (
        "Kommunen bestiller og betaler bussen til læringssteder i Lejre og omegn (op til 25 km). "
        "Bestil bussen hos åben skole-konsulenten senest ti dage før besøget.",
        {"scheme": "bus", "grades": ALL_GRADES, "max_distance_km": 25, "apply_days_before": 10},
    ),
    "265": (
        "Skoler og dagtilbud kan søge kommunens transportpulje til bus, når tilbuddet ligger uden for gå- og "
        "cykelafstand. Puljen dækker op til 3.000 kr. pr. tur for dagtilbud og 0.–6. klasse.",
        {
            "scheme": "pool",
            "grades": TO_6TH,
            "max_distance_km": 40,
            "max_amount_dkk": 3000,
            "apply_days_before": 14,
            "apply_url": "https://www.roskilde.example.dk/transportpulje",
            "note": "Puljen dækker bus til og fra stedet. Offentlig transport betales af skolen.",
        },
    ),
    "751": (
        "Klasser kører gratis med bus og letbane til læringssteder i Aarhus Kommune med skolens klassekort.",
        {
            "scheme": "public_transport",
            "grades": ALL_GRADES,
            "within_municipality_only": True,
            "note": "Klassekortet udleveres på skolens kontor.",
        },
    ),
    "101": (
        "Skolerne bruger offentlig transport; kommunen betaler klassebilletter til steder inden for 15 km.",
        {"scheme": "public_transport", "grades": ALL_GRADES, "max_distance_km": 15, "apply_days_before": 7},
    ),
    "461": (
        "Transportpuljen giver op til 2.500 kr. pr. tur. Ansøg senest tre uger før besøget.",
        {
            "scheme": "pool",
            "grades": ALL_GRADES,
            "max_distance_km": 50,
            "max_amount_dkk": 2500,
            "apply_days_before": 21,
            "apply_email": "transport@odense.example.dk",
        },
    ),
    "851": (
        "Kommunens skolebus kører dagtilbud og indskoling/mellemtrin til læringssteder i Aalborg Kommune.",
        {"scheme": "bus", "grades": TO_6TH, "within_municipality_only": True, "apply_days_before": 14},
    ),
    "330": (
        "Kommunen har ingen transportordning; skolerne betaler selv transporten.",
        {"scheme": "none", "grades": ALL_GRADES},
    ),
}


@transaction.atomic
def seed_demo_sites(rng: random.Random) -> int:
    """Create (or refresh) published demo sites that feature existing published offers; returns their number."""
    offers = list(Offer.objects.published().select_related("provider").order_by("key"))
    municipalities = Municipality.objects.in_bulk(SITES.keys(), field_name="code")
    count = 0
    for code, (title, contact_name, mail_name) in SITES.items():
        municipality = municipalities[code]
        site, _created = MunicipalSite.objects.update_or_create(
            municipality=municipality,
            defaults={
                "title": title,
                "intro": INTRO.format(name=municipality.official_name),
                "contact_name": contact_name,
                "contact_email": f"aabenskole@{mail_name}.example.dk" if contact_name else "",
                "contact_phone": f"+45 {rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} 00"
                if contact_name
                else "",
                "transport_info": TRANSPORT[code][0],
                **_transport_fields(TRANSPORT[code][1]),
                "goals": GOALS.format(name=municipality.official_name),
                "include_local_offers": code != "101",
                "published": True,
            },
        )
        local = [offer for offer in offers if offer.provider.municipality_id == municipality.pk]
        elsewhere = [offer for offer in offers if offer.provider.municipality_id != municipality.pk]
        featured = rng.sample(local, min(2, len(local))) + rng.sample(elsewhere, min(3, len(elsewhere)))
        rest = [offer for offer in elsewhere if offer not in featured]
        site.featured.all().delete()
        FeaturedOffer.objects.bulk_create(
            FeaturedOffer(site=site, offer=offer, note=rng.choice(NOTES), position=position * 10)
            for position, offer in enumerate(featured, start=1)
        )
        site.extra_offers.set(rng.sample(rest, min(4, len(rest))))
        site.transport_grades.set(GradeLevel.objects.filter(slug__in=TRANSPORT[code][1]["grades"]))
        count += 1
    return count


def _transport_fields(rules: dict) -> dict:
    """MunicipalSite.transport_* values for `rules` (grades are set separately); unset rules are cleared."""
    fields = ["scheme", "max_distance_km", "within_municipality_only", "max_amount_dkk", "apply_days_before"]
    fields += ["apply_url", "apply_email", "note"]
    defaults = {"within_municipality_only": False, "apply_url": "", "apply_email": "", "note": ""}
    return {f"transport_{name}": rules.get(name, defaults.get(name)) for name in fields}
