"""What kinds of learning places the demo catalogue has: name patterns, descriptions and topic tags per
provider kind, how common each kind is, how often it is free and which offer formats it favours.

Name patterns use {town} (the town of the address), {muni} (the municipality's name as a prefix,
"Københavns" for København), {kommune} (the official name, "Lejre Kommune") and {surname}.
"""

from dataclasses import dataclass

from offers.models import Offer, Provider

K = Provider.Kind
F = Offer.Format


@dataclass(frozen=True)
class Profile:
    names: tuple[str, ...]
    tags: tuple[str, ...]
    about: str
    min_population: float = 0  # thousands of inhabitants in the municipality
    coastal: bool = False


PROFILES: dict[str, tuple[Profile, ...]] = {
    K.MUSEUM: (
        Profile(
            (
                "{town} Bymuseum",
                "Museum {town}",
                "{muni} Museum",
                "{town} Lokalhistoriske Museum",
                "{muni} Museerne",
            ),
            ("lokalhistorie", "industri", "besaettelse", "middelalder", "oldtid"),
            "Kulturhistorisk museum for {muni_name} og omegn med udstillinger fra oldtiden til i dag. Museets "
            "skoletjeneste tilbyder undervisning for dagtilbud, grundskole og ungdomsuddannelser.",
        ),
        Profile(
            (
                "Vikingecenter {town}",
                "Vikingemuseet {town}",
                "Vikingeskibsmuseet {town}",
                "Vikingeborgen {town}",
            ),
            ("viking", "oldtid"),
            "Museum og aktivitetscenter om vikingetiden med rekonstruerede huse, skibe og værksteder, hvor "
            "eleverne lærer historie med hænderne.",
        ),
        Profile(
            (
                "Søfartsmuseet {town}",
                "Fiskeri- og Søfartsmuseet {town}",
                "Havnemuseet {town}",
                "Kystmuseet {town}",
            ),
            ("soefart", "lokalhistorie"),
            "Museum for søfart, fiskeri og livet ved kysten med skibe, modeller og en levende havn.",
            coastal=True,
        ),
        Profile(
            ("Frilandsmuseet {town}", "Landbrugsmuseet {town}", "Egnsmuseet {town}", "{town} Museumsgård"),
            ("landbrug", "lokalhistorie"),
            "Frilandsmuseum med gamle gårde, huse og husdyr, der viser livet på landet gennem 300 år.",
        ),
        Profile(
            (
                "Industrimuseet {town}",
                "Arbejdermuseet {town}",
                "Teknisk Museum {town}",
                "Fabriksmuseet {town}",
            ),
            ("industri", "lokalhistorie", "besaettelse"),
            "Museum for industri, teknik og arbejderliv med maskiner, værksteder og en arbejderbolig fra "
            "1900-tallet.",
            min_population=30,
        ),
        Profile(
            ("Naturhistorisk Museum {town}", "Geomuseum {town}", "Fossil- og Ravmuseet {town}"),
            ("naturhistorie",),
            "Naturhistorisk museum med samlinger af dyr, fossiler og mineraler og en skoletjeneste om evolution "
            "og biodiversitet.",
            min_population=40,
        ),
        Profile(
            (
                "Oldtidscenter {town}",
                "Stenaldercentret {town}",
                "Middelaldercentret {town}",
                "Oldtidsparken {town}",
            ),
            ("oldtid", "middelalder", "viking"),
            "Levende historisk center, hvor oldtid og middelalder formidles gennem håndværk, mad og aktiviteter.",
        ),
        Profile(
            (
                "Besættelsesmuseet {town}",
                "Frihedsmuseet {town}",
                "Bunkermuseet {town}",
                "Koldkrigsmuseet {town}",
            ),
            ("besaettelse",),
            "Museum for besættelsestiden og den kolde krig med autentiske genstande, bunkere og personlige "
            "beretninger.",
        ),
    ),
    K.ART: (
        Profile(
            ("Kunsthal {town}", "{town} Kunstmuseum", "Kunstmuseum {muni}", "Kunstforeningen {town}"),
            ("kunst",),
            "Kunstmuseum med samlinger og skiftende udstillinger af dansk og international kunst og et værksted, "
            "hvor skoler og dagtilbud arbejder praktisk med kunsten.",
        ),
        Profile(
            (
                "Billedskolen i {muni_name}",
                "Kunstværkstedet {town}",
                "{town} Kunstskole",
                "Børnekunstværkstedet {town}",
            ),
            ("kunst",),
            "Billedskole og værksted for børn og unge, hvor professionelle kunstnere underviser i tegning, "
            "maleri, skulptur og grafik.",
        ),
    ),
    K.NATURE: (
        Profile(
            ("Naturcenter {town}", "Naturskolen {town}", "{town} Naturskole", "Friluftsgården {town}"),
            ("natur", "vand", "friluft"),
            "Naturformidling i skov, eng og vådområder med naturvejledere, udstyr og udendørs læringsrum for "
            "dagtilbud og skoler.",
        ),
        Profile(
            ("Strandcenter {town}", "Kystcenter {town}", "Naturcenter {town} Strand", "Havets Hus {town}"),
            ("kyst", "natur", "vand"),
            "Kystnært naturcenter med fokus på havet, stranden og livet i vandet.",
            coastal=True,
        ),
        Profile(
            ("Naturpark {muni_name}", "Naturvejledningen {muni_name}", "Nationalparkcenter {town}"),
            ("natur", "friluft", "vand"),
            "Naturvejledning i skove og naturområder med ture, friluftsliv og undervisning i naturen.",
        ),
    ),
    K.SCIENCE: (
        Profile(
            (
                "Science Center {town}",
                "Opfinderhuset {town}",
                "Videnscenter {town}",
                "Eksperimentariet {town}",
            ),
            ("science", "energi", "rum"),
            "Science center med interaktive udstillinger og laboratorier, hvor børn og unge eksperimenterer med "
            "naturvidenskab og teknologi.",
            min_population=40,
        ),
        Profile(
            ("Planetariet {town}", "Observatoriet {town}", "Rumcenter {town}"),
            ("rum", "science"),
            "Planetarium og observatorium med kuppelforestillinger og undervisning i astronomi og rumforskning.",
            min_population=50,
        ),
        Profile(
            (
                "Energicenter {town}",
                "Energimuseet {town}",
                "Klimacenter {town}",
                "Energi- og Klimahuset {town}",
            ),
            ("energi", "science"),
            "Formidlingscenter for energi og klima med udstillinger om vindkraft, solenergi og den grønne "
            "omstilling.",
        ),
    ),
    K.LIBRARY: (
        Profile(
            ("{muni} Bibliotekerne", "{muni} Bibliotek", "{town} Bibliotek", "Biblioteket {town}"),
            ("bibliotek", "digital"),
            "Folkebibliotek med skoletjeneste, makerspace og formidling af litteratur, medier og "
            "informationssøgning for dagtilbud, skoler og gymnasier.",
        ),
    ),
    K.ARCHIVE: (
        Profile(
            ("{muni} Stadsarkiv", "Lokalhistorisk Arkiv {town}", "{town} Lokalarkiv", "Arkivet i {town}"),
            ("arkiv", "lokalhistorie", "besaettelse"),
            "Lokalhistorisk arkiv, der indsamler og bevarer dokumenter, fotografier og kort fra {muni_name} og "
            "tilbyder undervisning i arkivets læsesal.",
        ),
    ),
    K.MUSIC: (
        Profile(
            ("Musikhuset {town}", "{town} Koncerthus", "{town} Symfoniorkester", "Koncertsalen {town}"),
            ("musik",),
            "Koncerthus med skolekoncerter, musikformidling og workshops for alle aldre.",
            min_population=40,
        ),
        Profile(
            ("{muni} Musikskole", "Musikskolen i {town}", "Spillestedet {town}", "{town} Kulturskole"),
            ("musik",),
            "Musikskole og spillested med undervisning, sammenspil og workshops, der bringer musikken ud til "
            "dagtilbud og skoler.",
        ),
    ),
    K.THEATRE: (
        Profile(
            (
                "{town} Teater",
                "Teatret {town}",
                "Egnsteatret {town}",
                "Børneteatret {town}",
                "Danseteatret {town}",
            ),
            ("teater",),
            "Professionelt teater med forestillinger for børn og unge, turnéforestillinger til skoler og "
            "dramaworkshops.",
        ),
    ),
    K.FILM: (
        Profile(
            (
                "Biografen {town}",
                "{town} Bio",
                "Filmhuset {town}",
                "Filmværkstedet {town}",
                "Animationsværkstedet {town}",
            ),
            ("film",),
            "Biograf og filmværksted med skolebio, filmanalyse og værksteder, hvor børn og unge selv laver film.",
        ),
    ),
    K.COMPANY: (
        Profile(
            (
                "{town} Mejeri – skoletjeneste",
                "{surname}s Gårdmejeri",
                "{town} Bryghus",
                "{surname} Økologi",
                "{town} Frugtplantage",
                "{town} Fødevarer A/S – skoletjeneste",
            ),
            ("foedevarer", "gaard"),
            "Fødevarevirksomhed, der åbner produktionen for skoler og viser vejen fra råvare til færdigt produkt.",
        ),
        Profile(
            (
                "{surname} Maskinfabrik",
                "{town} Metal A/S",
                "{surname} & Søn",
                "{town} Plast A/S",
                "{surname} Elektronik – skoletjeneste",
                "{surname} Møbler",
            ),
            ("virksomhed", "haandvaerk"),
            "Produktionsvirksomhed, der viser eleverne moderne produktion, teknologi og de mange uddannelser bag.",
        ),
        Profile(
            (
                "{town} Vindmøllelaug",
                "{town} Fjernvarme",
                "{town} Biogas",
                "Solparken {town}",
                "{town} Energi A/S",
            ),
            ("energi", "virksomhed"),
            "Energivirksomhed, der formidler den grønne omstilling og viser, hvordan energien produceres lokalt.",
        ),
        Profile(
            ("{surname} Genanvendelse", "Affaldsenergi {town}", "{town} Genbrug A/S"),
            ("affald", "virksomhed"),
            "Virksomhed inden for affald og genanvendelse, der viser, hvordan affald bliver til nye ressourcer.",
        ),
    ),
    K.ASSOCIATION: (
        Profile(
            (
                "{town} Spejderne",
                "Spejdergruppen {town}",
                "{town} Friluftsforening",
                "Natur og Ungdom {town}",
            ),
            ("spejder", "friluft", "forening"),
            "Frivillig forening, der giver børn og unge oplevelser i naturen og erfaring med at tage ansvar i "
            "fællesskab.",
        ),
        Profile(
            (
                "Frivilligcenter {town}",
                "Børnerettighedsforeningen {town}",
                "Verdensmålsforeningen {town}",
                "Global Skole {town}",
            ),
            ("globalt", "forening", "digital"),
            "Frivillig forening, der arbejder for børns rettigheder, demokrati og bæredygtig udvikling og "
            "besøger skoler med undervisning.",
        ),
        Profile(
            (
                "Førstehjælpsforeningen {town}",
                "Trafiksikker {town}",
                "Livredderne {town}",
                "Ung Sundhed {town}",
            ),
            ("sikkerhed", "trafik", "sundhed", "digital"),
            "Forening af frivillige instruktører, der underviser børn og unge i førstehjælp, trafik, sundhed og "
            "trivsel.",
        ),
    ),
    K.SPORT: (
        Profile(
            (
                "{town} Idrætsforening",
                "{town} Boldklub",
                "{town} Svømmeklub",
                "{town} Orienteringsklub",
                "{town} Gymnastikforening",
                "Idrætscentret {town}",
                "{town} Håndboldklub",
            ),
            ("sport", "sundhed"),
            "Idrætsforening, der samarbejder med skolerne om bevægelse, idræt og sundhed for børn og unge.",
        ),
    ),
    K.EDUCATION: (
        Profile(
            (
                "Universitetscenter {town}",
                "Professionshøjskolen {town}",
                "Erhvervsakademiet {town}",
                "Ingeniørhøjskolen {town}",
            ),
            ("uddannelse", "science"),
            "Videregående uddannelsesinstitution, der åbner laboratorier og undervisning for grundskoler og "
            "gymnasier.",
            min_population=50,
        ),
        Profile(
            (
                "Erhvervsskolen {town}",
                "{town} Tekniske Skole",
                "Produktionsskolen {town}",
                "{town} Handelsskole",
            ),
            ("erhverv", "haandvaerk"),
            "Erhvervsskole med værksteder og køkkener, hvor grundskoleelever kan prøve erhvervsuddannelserne i "
            "praksis.",
        ),
        Profile(
            ("Talentcentret {town}", "Sprog- og Talentcentret {town}", "Ungdomsuddannelsescenter {town}"),
            ("uddannelse",),
            "Talentcenter, der samler elever om sprog, matematik og naturvidenskab i samarbejde med "
            "ungdomsuddannelserne.",
        ),
    ),
    K.MUNICIPAL: (
        Profile(
            ("{kommune} – Åben Skole", "{kommune}, Børn og Unge", "Rådhuset i {town}"),
            ("kommune", "trafik"),
            "Kommunens åben skole-tilbud om demokrati, byplanlægning, klimatilpasning og trafik for skolerne i "
            "{muni_name}.",
        ),
        Profile(
            ("{muni} Naturskole", "Naturskolen i {muni_name}", "{muni} Udeskole"),
            ("udeskole", "natur", "friluft"),
            "Kommunal naturskole, der hjælper dagtilbud og skoler med at bruge naturen og nærområdet i "
            "undervisningen.",
        ),
        Profile(
            ("{muni} Forsyning", "{muni} Vand", "{town} Vandværk", "{muni} Affald og Genbrug"),
            ("vandforsyning", "affald"),
            "Forsyning af drikkevand og affaldshåndtering med besøgssteder og undervisning for skoler.",
        ),
        Profile(
            ("{muni} Ungdomsskole", "Ungdomsskolen i {town}", "UngKultur {muni_name}"),
            ("sundhed", "digital", "kommune"),
            "Kommunal ungdomsskole med undervisning i trivsel, digital dannelse og demokrati for unge.",
        ),
    ),
    K.OTHER: (
        Profile(
            ("{town} Zoo", "Dyreparken {town}", "{town} Dyrepark", "Zoologisk Have {town}"),
            ("dyr",),
            "Dyrepark med dyr fra hele verden og en zooskole, der underviser i dyrs tilpasning, biodiversitet og "
            "naturbevarelse.",
            min_population=20,
        ),
        Profile(
            ("Akvariet {town}", "{town} Akvarium", "Havhuset {town}"),
            ("akvarium", "kyst"),
            "Akvarium med havets dyr og en skoletjeneste om fisk, fødekæder og havmiljø.",
            coastal=True,
        ),
        Profile(
            ("{surname}s Gård", "Skolebondegården {town}", "Bondegården {town}", "Oplevelsesgården {town}"),
            ("gaard", "foedevarer"),
            "Landbrug med dyr og marker, der tager imod dagtilbud og skoleklasser og viser vejen fra jord til bord.",
        ),
        Profile(
            ("{town} Kirke", "Folkekirkens Skoletjeneste {muni_name}", "{town} Sogn"),
            ("kirke",),
            "Folkekirkens skoletjeneste med undervisning i kirkerummet om kristendom, kunst og kulturarv.",
        ),
    ),
}

# Relative frequency of each kind among the generated learning places.
KIND_WEIGHTS: dict[str, int] = {
    K.MUSEUM: 18, K.ART: 8, K.NATURE: 14, K.SCIENCE: 7, K.LIBRARY: 7, K.ARCHIVE: 3, K.MUSIC: 6, K.THEATRE: 6,
    K.FILM: 3, K.COMPANY: 9, K.ASSOCIATION: 7, K.SPORT: 4, K.EDUCATION: 5, K.MUNICIPAL: 6, K.OTHER: 4,
}  # fmt: skip

# Share of a kind's offers (with a known price) that are free; about 35 % over the whole catalogue.
FREE_SHARE: dict[str, float] = {
    K.MUSEUM: 0.25, K.ART: 0.25, K.NATURE: 0.45, K.SCIENCE: 0.25, K.LIBRARY: 0.7, K.ARCHIVE: 0.7, K.MUSIC: 0.2,
    K.THEATRE: 0.1, K.FILM: 0.3, K.COMPANY: 0.5, K.ASSOCIATION: 0.55, K.SPORT: 0.3, K.EDUCATION: 0.6,
    K.MUNICIPAL: 0.75, K.OTHER: 0.3,
}  # fmt: skip

FORMAT_WEIGHTS: dict[str, int] = {
    F.VISIT: 45, F.OUTREACH: 14, F.COURSE: 12, F.MATERIAL: 10, F.ONLINE: 5, F.TEACHER_COURSE: 6, F.EVENT: 8,
}  # fmt: skip

# Kinds whose offers lean towards some formats (merged over FORMAT_WEIGHTS).
KIND_FORMAT_WEIGHTS: dict[str, dict[str, int]] = {
    K.THEATRE: {F.VISIT: 35, F.OUTREACH: 35},
    K.ASSOCIATION: {F.VISIT: 25, F.OUTREACH: 40},
    K.SPORT: {F.VISIT: 50, F.OUTREACH: 20, F.EVENT: 15},
    K.COMPANY: {F.VISIT: 60},
    K.EDUCATION: {F.VISIT: 50, F.COURSE: 20, F.ONLINE: 10},
    K.LIBRARY: {F.VISIT: 40, F.OUTREACH: 20, F.ONLINE: 10},
}

SURNAMES = (
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
    "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
    "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen", "Lund", "Holm", "Schmidt",
    "Eriksen", "Kristiansen", "Simonsen", "Clausen", "Svendsen", "Andreasen", "Iversen", "Østergaard", "Vestergaard",
)  # fmt: skip
