"""Demo municipal sites for `manage.py seed_demo` (called by it; deterministic for a given rng)."""

from __future__ import annotations

import random

from django.db import transaction

from municipalities.models import FeaturedOffer, Municipality, MunicipalSite
from offers.models import Offer

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
TRANSPORT = (
    "Skoler kan søge kommunens transportpulje til bus, når tilbuddet ligger uden for gå- og cykelafstand. "
    "Ansøgningen sendes til åben skole-konsulenten senest fire uger før besøget."
)


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
                "transport_info": TRANSPORT,
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
        count += 1
    return count
