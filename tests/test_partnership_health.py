"""Health flags of a partnership: each flag is raised by the record it describes and cleared by the fix, in
the database (annotations the admin filters on) and on the record (the explanations staff read)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from partnerships.health import previous_school_year_start, school_year_start
from partnerships.models import Partnership

TODAY = date(2026, 11, 23)  # school year 2026/27; the last school year began 1 August 2025
TEACHER = ("teacher", "Mette Hansen", "mette@example.dk")
LEADER = ("school_leader", "Søren Holm", "soren@example.dk")
PLC = ("plc", "Ida Larsen", "ida@example.dk")
EDUCATOR = ("educator", "Jens Nielsen", "jens@example.dk")


@pytest.fixture
def healthy(make_partnership):
    """A record that raises no flag on TODAY; each test changes one thing about it."""

    def make(**changes) -> Partnership:
        fields = {
            "kind": "partnership",
            "agreement": "written_agreement",
            "goals": "Eleverne møder museets samlinger hvert år.",
            "started": date(2020, 8, 1),
            "last_evaluated": date(2026, 6, 15),
            "contacts": (TEACHER, LEADER, EDUCATOR),
        }
        return make_partnership(**{**fields, **changes})

    return make


def flags(partnership: Partnership, today: date = TODAY) -> list[str]:
    return [flag.name for flag in partnership.health_flags(today)]


def test_a_well_kept_partnership_raises_no_flag(healthy):
    assert flags(healthy()) == []


# --- Person dependency: school-side contacts are teachers, school leaders and PLC ---


def test_one_teacher_as_the_only_school_contact_is_a_person_dependency(healthy):
    partnership = healthy(contacts=(TEACHER, EDUCATOR), agreement="contract")
    assert "single_school_contact" in flags(partnership)


def test_no_school_contact_at_all_is_a_person_dependency_too(healthy):
    assert "single_school_contact" in flags(healthy(contacts=(EDUCATOR,)))


def test_contacts_at_the_institution_do_not_count_as_school_contacts(healthy):
    partnership = healthy(
        contacts=(LEADER, EDUCATOR, ("institution_leader", "Anne", ""), ("educator", "Lars", ""))
    )
    assert "single_school_contact" in flags(partnership)


def test_two_people_at_the_school_clear_the_person_dependency(healthy):
    assert "single_school_contact" not in flags(healthy(contacts=(TEACHER, PLC, LEADER)))


# --- School leader ---


def test_no_school_leader_among_the_contacts_is_flagged(healthy):
    assert flags(healthy(contacts=(TEACHER, PLC, EDUCATOR))) == ["no_school_leader"]


def test_a_school_leader_among_the_contacts_clears_the_flag(healthy):
    assert "no_school_leader" not in flags(healthy(contacts=(LEADER, TEACHER)))


# --- Agreement ---


@pytest.mark.parametrize("agreement", ["none", "informal"])
def test_no_agreement_or_an_oral_one_is_flagged(healthy, agreement):
    assert flags(healthy(agreement=agreement)) == ["no_written_agreement"]


@pytest.mark.parametrize("agreement", ["written_agreement", "contract", "municipal_agreement"])
def test_a_written_contract_or_municipal_agreement_clears_the_flag(healthy, agreement):
    assert flags(healthy(agreement=agreement)) == []


# --- Goals ---


@pytest.mark.parametrize("goals", ["", "   \n  "])
def test_empty_or_blank_goals_are_flagged(healthy, goals):
    assert flags(healthy(goals=goals)) == ["no_goals"]


def test_stated_goals_clear_the_flag(healthy):
    assert flags(healthy(goals="Eleverne kan bruge museets genstande som kilder.")) == []


# --- Ending within 60 days without a successor or renewal ---


def test_ending_within_60_days_without_successor_is_flagged(healthy):
    assert flags(healthy(ended=TODAY + timedelta(days=60))) == ["ends_without_successor"]
    assert flags(healthy(ended=TODAY)) == ["ends_without_successor"]


def test_ending_later_than_60_days_is_not_flagged(healthy):
    assert flags(healthy(ended=TODAY + timedelta(days=61))) == []


def test_a_successor_record_counts_as_continuation(healthy):
    successor = healthy(title="Fortsættelse")
    assert flags(healthy(ended=TODAY + timedelta(days=10), successor=successor)) == []


def test_a_recurring_record_counts_as_renewed(healthy):
    assert flags(healthy(ended=TODAY + timedelta(days=10), recurring=True)) == []


def test_an_ended_record_raises_no_flags_at_all(healthy):
    ended = healthy(ended=TODAY - timedelta(days=1), agreement="none", goals="", contacts=())
    assert flags(ended) == []


# --- Evaluation in the last school year (the Danish school year starts 1 August) ---


def test_school_years_start_on_the_first_of_august():
    assert school_year_start(date(2026, 7, 31)) == date(2025, 8, 1)
    assert school_year_start(date(2026, 8, 1)) == date(2026, 8, 1)
    assert previous_school_year_start(TODAY) == date(2025, 8, 1)


def test_a_record_never_evaluated_is_flagged(healthy):
    assert flags(healthy(last_evaluated=None)) == ["no_recent_evaluation"]


def test_an_evaluation_before_the_last_school_year_is_flagged(healthy):
    assert flags(healthy(last_evaluated=date(2025, 7, 31))) == ["no_recent_evaluation"]


def test_an_evaluation_in_the_last_school_year_clears_the_flag(healthy):
    assert flags(healthy(last_evaluated=date(2025, 8, 1))) == []


def test_the_flag_appears_when_a_new_school_year_begins(healthy):
    partnership = healthy(last_evaluated=date(2024, 9, 1))
    assert flags(partnership, date(2026, 7, 31)) == []
    assert flags(partnership, date(2026, 8, 1)) == ["no_recent_evaluation"]


def test_a_record_started_this_school_year_is_not_expected_to_be_evaluated_yet(healthy):
    assert flags(healthy(started=date(2026, 9, 1), last_evaluated=None)) == []


# --- One source of truth: SQL annotations, read by the record and the admin ---


def test_the_database_finds_exactly_the_flagged_records(healthy):
    flagged = healthy(title="Uden mål", goals="")
    healthy(title="Med mål")
    assert list(Partnership.objects.flagged("no_goals", TODAY)) == [flagged]


def test_annotated_records_report_their_flags_without_more_queries(healthy, django_assert_num_queries):
    healthy(agreement="informal", goals="")
    partnership = Partnership.objects.with_health(TODAY).get()
    assert partnership.flag_count == 2
    with django_assert_num_queries(0):
        assert flags(partnership) == ["no_written_agreement", "no_goals"]


def test_each_flag_is_explained_in_plain_danish(healthy):
    partnership = healthy(contacts=(TEACHER,), agreement="none", goals="", last_evaluated=None)
    explained = {flag.label: flag.explanation for flag in partnership.health_flags(TODAY)}
    assert "Højst én kontaktperson på skolen" in explained
    assert "forsvinder samarbejdet" in explained["Højst én kontaktperson på skolen"]
    assert "Ingen skoleleder involveret" in explained
    assert "Ingen skriftlig aftale" in explained
    assert "Ingen mål" in explained
    assert explained["Ikke evalueret i det seneste skoleår"].endswith(
        "siden 1. august 2025, da det seneste skoleår begyndte."
    )


def test_staff_filter_the_admin_list_by_flag(client, staff_user, healthy):
    healthy(title="Samarbejde uden mål", goals="")
    healthy(title="Samarbejde med mål og aftale")
    client.force_login(staff_user)
    url = reverse("admin:partnerships_partnership_changelist")
    html = client.get(url, {"health": "no_goals"}).content.decode()
    assert "Samarbejde uden mål" in html
    assert "Samarbejde med mål og aftale" not in html
    assert "Ingen mål" in html  # the flag is shown in the list and offered in the filter


def test_the_admin_change_form_explains_the_records_flags(client, staff_user, healthy):
    partnership = healthy(agreement="informal")
    client.force_login(staff_user)
    html = client.get(
        reverse("admin:partnerships_partnership_change", args=[partnership.pk])
    ).content.decode()
    assert "Samarbejdet bygger på ingen aftale eller en mundtlig aftale" in html
