"""A municipality's transport support as rules (MunicipalSite.transport_*): the verdict for one trip, rule by
rule, its SQL twin OfferQuerySet.covered_by_transport(), and the consultant editing the rules in admin."""

import pytest

from municipalities.geo import Point, haversine_km
from municipalities.models import Municipality, MunicipalSite, School, TransportVerdict
from offers.models import GradeLevel, Offer, Provider

TO_6TH = ["dagtilbud", "0-klasse", "1-klasse", "2-klasse", "3-klasse", "4-klasse", "5-klasse", "6-klasse"]


@pytest.fixture
def roskilde(db) -> Municipality:
    return Municipality.objects.get(code="265")


@pytest.fixture
def site(roskilde, make_transport_pool) -> MunicipalSite:
    """Roskilde's transport pool: dagtilbud to 6th grade, up to 40 km, 3,000 kr. a trip, 14 days ahead."""
    site = make_transport_pool(TO_6TH, municipality=roskilde, transport_max_amount_dkk=3000)
    return MunicipalSite.objects.select_related("municipality").get(pk=site.pk)


@pytest.fixture
def absalon(db) -> Point:
    """Absalons Skole in Roskilde."""
    school = School.objects.get(key="absalons-skole-4000")
    return Point(school.latitude, school.longitude)


@pytest.fixture
def places(roskilde, provider) -> dict[str, Provider]:
    """A place in Roskilde (1 km from Absalons Skole), Lejre Museum (conftest, 7 km) and one in Aarhus."""
    aarhus = Municipality.objects.get(code="751")
    return {
        "roskilde": Provider.objects.create(
            key="vikingeskibsmuseet", slug="vikingeskibsmuseet", name="Vikingeskibsmuseet", kind="museum",
            municipality=roskilde, postcode="4000", latitude=55.6508, longitude=12.0794,
        ),
        "lejre": provider,
        "aarhus": Provider.objects.create(
            key="moesgaard", slug="moesgaard", name="Moesgaard", kind="museum", municipality=aarhus,
            postcode="8270", latitude=56.0884, longitude=10.2246,
        ),
    }  # fmt: skip


@pytest.fixture
def trips(places, make_offer) -> dict[str, Offer]:
    return {
        "near": make_offer("Vikingeskibe", key="near", provider=places["roskilde"], grades=["4-klasse"]),
        "lejre": make_offer("Sagnkongerne", key="lejre", provider=places["lejre"], grades=["5-klasse"]),
        "far": make_offer("Oldtid", key="far", provider=places["aarhus"], grades=["4-klasse"]),
        "older": make_offer("Skibsbygning", key="older", provider=places["roskilde"], grades=["8-klasse"]),
        "mixed": make_offer("Sejlads", key="mixed", provider=places["roskilde"], grades=["6-klasse", "7-klasse"]),
        "any_grade": make_offer("Havnen", key="any-grade", provider=places["roskilde"]),
        "outreach": make_offer("Museet kommer", key="outreach", provider=places["aarhus"], format="outreach"),
    }  # fmt: skip


def verdict(site, offer, school_point) -> TransportVerdict:
    place = Point(offer.provider.latitude, offer.provider.longitude)
    return site.transport_verdict(offer, haversine_km(school_point, place))


def test_a_trip_within_every_rule_is_covered_and_says_how_to_apply(site, trips, absalon):
    result = verdict(site, trips["near"], absalon)
    assert (result.covered, result.reason) == (True, TransportVerdict.COVERED)
    assert result.text == (
        "Roskilde Kommune dækker transport hertil "
        "(transportpuljen, op til 3.000 kr. pr. tur, ansøg senest 14 dage før)."
    )


def test_a_place_farther_than_the_maximum_distance_is_too_far(site, trips, absalon):
    result = verdict(site, trips["far"], absalon)
    assert (result.covered, result.reason) == (False, TransportVerdict.TOO_FAR)
    assert result.text == "Roskilde Kommune dækker transport op til 40 km, og dette sted ligger længere væk."


def test_an_offer_only_for_grades_the_support_does_not_cover_is_not_covered(site, trips, absalon):
    result = verdict(site, trips["older"], absalon)
    assert (result.covered, result.reason) == (False, TransportVerdict.GRADE)
    assert result.text == "Roskilde Kommunes transportstøtte dækker ikke dette tilbuds klassetrin."


def test_an_offer_for_some_covered_grades_or_no_stated_grades_is_covered(site, trips, absalon):
    assert verdict(site, trips["mixed"], absalon).covered is True
    assert verdict(site, trips["any_grade"], absalon).covered is True


def test_with_no_grades_chosen_the_support_covers_every_grade(site, trips, absalon):
    site.transport_grades.clear()
    site = MunicipalSite.objects.select_related("municipality").get(pk=site.pk)
    assert verdict(site, trips["older"], absalon).covered is True


def test_only_places_inside_the_municipality_count_when_the_rule_says_so(site, trips, absalon):
    assert verdict(site, trips["lejre"], absalon).covered is True
    site.transport_within_municipality_only = True
    result = verdict(site, trips["lejre"], absalon)
    assert (result.covered, result.reason) == (False, TransportVerdict.OUTSIDE)
    assert result.text == "Roskilde Kommune dækker kun transport til steder i kommunen."
    assert verdict(site, trips["near"], absalon).covered is True


def test_a_site_without_a_registered_scheme_or_unpublished_says_nothing_is_registered(site, trips, absalon):
    expected = "Roskilde Kommune har ikke registreret nogen transportstøtte på portalen."
    site.transport_scheme = ""
    assert verdict(site, trips["near"], absalon) == TransportVerdict(
        False, TransportVerdict.UNREGISTERED, expected
    )
    site.transport_scheme, site.published = "pool", False
    assert verdict(site, trips["near"], absalon).reason == TransportVerdict.UNREGISTERED


def test_a_municipality_that_registered_no_support_says_so(site, trips, absalon):
    site.transport_scheme = "none"
    result = verdict(site, trips["near"], absalon)
    assert (result.covered, result.reason) == (False, TransportVerdict.NO_SUPPORT)
    assert result.text == "Roskilde Kommune betaler ikke transport til læringssteder."


def test_an_unknown_distance_under_a_distance_limit_cannot_be_told(site, trips):
    result = site.transport_verdict(trips["near"], None)
    assert (result.covered, result.reason) == (None, TransportVerdict.UNKNOWN)
    site.transport_max_distance_km = None
    assert site.transport_verdict(trips["near"], None).covered is True


@pytest.mark.parametrize(
    ("scheme", "fields", "text"),
    [
        ("bus", {"transport_apply_days_before": 10}, "Roskilde Kommune dækker bus hertil (kommunen bestiller bussen, ansøg senest 10 dage før)."),
        ("public_transport", {}, "Roskilde Kommune dækker offentlig transport hertil."),
    ],
)  # fmt: skip
def test_each_scheme_is_named_in_the_verdict(site, trips, absalon, scheme, fields, text):
    site.transport_scheme, site.transport_max_amount_dkk, site.transport_apply_days_before = (
        scheme,
        None,
        None,
    )
    for name, value in fields.items():
        setattr(site, name, value)
    assert verdict(site, trips["near"], absalon).text == text


@pytest.mark.parametrize("within_only", [False, True])
@pytest.mark.parametrize("scheme", ["pool", "none", ""])
def test_covered_by_transport_selects_exactly_the_offers_the_verdict_covers(
    site, trips, absalon, scheme, within_only
):
    site.transport_scheme, site.transport_within_municipality_only = scheme, within_only
    covered = set(Offer.objects.covered_by_transport(site, absalon).values_list("key", flat=True))
    travel = Offer.objects.exclude(format="outreach").select_related("provider").prefetch_related("grades")
    assert covered == {offer.key for offer in travel if verdict(site, offer, absalon).covered}
    assert "outreach" not in covered


def test_a_consultant_records_the_transport_rules_of_their_site_in_admin(client, consultant, lejre):
    site = MunicipalSite.objects.create(municipality=lejre, title="Åben skole i Lejre", published=True)
    client.force_login(consultant)
    url = f"/admin/municipalities/municipalsite/{site.pk}/change/"
    page = client.get(url).content.decode()
    assert "Transportstøtte" in page and 'name="transport_grades" value=' in page  # checkboxes
    grades = GradeLevel.objects.filter(slug__in=["4-klasse", "5-klasse"])
    data = {
        "title": site.title,
        "published": "on",
        "include_local_offers": "on",
        "transport_scheme": "bus",
        "transport_grades": [grade.pk for grade in grades],
        "transport_max_distance_km": "25",
        "transport_apply_days_before": "10",
        "transport_apply_email": "bus@lejre.example.dk",
        "featured-TOTAL_FORMS": "0",
        "featured-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    site.refresh_from_db()
    assert (site.transport_scheme, site.transport_max_distance_km, site.transport_apply_days_before) == (
        "bus",
        25,
        10,
    )
    assert set(site.transport_grades.values_list("slug", flat=True)) == {"4-klasse", "5-klasse"}
