"""The `partnerships` section of `import_portal` / `export_portal`: the spec's example with its contacts in
order, the vocabularies, and the portal-only fields (evaluation, resources, successor) that an import never
touches. The rules every section shares are tested in tests/test_interchange.py."""

from datetime import date

import pytest

from partnerships.models import Partnership
from tests.test_interchange import complete_example, export, import_errors, run_import

KEY = "museum-vestsjaelland-pedersborg"


def test_the_specs_partnership_is_stored_with_its_references_and_contacts_in_order(db, tmp_path):
    run_import(tmp_path, complete_example())
    partnership = Partnership.objects.get(key=KEY)
    assert partnership.slug == KEY
    assert (partnership.kind, partnership.agreement, partnership.public) == (
        "partnership",
        "written_agreement",
        True,
    )
    assert partnership.started == date(2014, 8, 1) and partnership.ended is None and partnership.recurring
    assert partnership.activities == ["joint_course_planning", "develop_offer"]
    assert [s.key for s in partnership.schools.all()] == ["pedersborg-skole-4180"]
    assert [p.key for p in partnership.providers.all()] == ["museum-vestsjaelland"]
    assert [m.code for m in partnership.municipalities.all()] == ["340"]
    assert list(partnership.contacts.values_list("role", "email")) == [
        ("teacher", "laerer@example.dk"),
        ("school_leader", "leder@example.dk"),
        ("educator", "underviser@example.dk"),
    ]


def test_a_changed_contact_list_replaces_the_contacts_in_the_new_order(db, tmp_path):
    document = complete_example()
    run_import(tmp_path, document)
    document["partnerships"][0]["contacts"].reverse()
    assert run_import(tmp_path, document)[-1] == "partnerships: 0 created, 1 updated, 0 unchanged"
    roles = Partnership.objects.get(key=KEY).contacts.values_list("role", flat=True)
    assert list(roles) == ["educator", "school_leader", "teacher"]


def test_an_import_never_changes_the_portal_only_evaluation_resources_and_successor(db, tmp_path):
    document = complete_example()
    document["partnerships"].append({"key": "fortsaettelse", "title": "Fortsættelse", "kind": "partnership"})
    run_import(tmp_path, document)
    successor = Partnership.objects.get(key="fortsaettelse")
    Partnership.objects.filter(key=KEY).update(
        evaluation_notes="Evalueret med lærerne.",
        last_evaluated=date(2026, 6, 1),
        resources="Bus betalt af skolen.",
        successor=successor,
    )
    document["partnerships"][0]["title"] = "Nyt navn"
    assert run_import(tmp_path, document)[-1] == "partnerships: 0 created, 1 updated, 1 unchanged"
    partnership = Partnership.objects.get(key=KEY)
    assert partnership.title == "Nyt navn"
    assert (
        partnership.evaluation_notes,
        partnership.last_evaluated,
        partnership.resources,
        partnership.successor,
    ) == ("Evalueret med lærerne.", date(2026, 6, 1), "Bus betalt af skolen.", successor)
    assert "evaluation_notes" not in export()["partnerships"][1]


@pytest.mark.parametrize(
    "field",
    [
        {"resources": "Bus betalt af skolen."},
        {"evaluation_notes": "Evalueret."},
        {"last_evaluated": "2026-06-01"},
        {"successor": "fortsaettelse"},
        {"slug": "samarbejde"},
    ],
    ids=lambda field: next(iter(field)),
)
def test_portal_only_fields_in_a_document_are_refused_as_unknown(db, tmp_path, field):
    document = complete_example()
    document["partnerships"][0] |= field
    assert import_errors(tmp_path, document) == [
        f"partnerships[0] key={KEY}: {next(iter(field))}: unknown field"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "alliance"}, "kind: must be one of: collaboration, partnership"),
        ({"agreement": "handshake"}, "agreement: must be one of: none, informal, written_agreement, contract, "
         "municipal_agreement"),
        ({"activities": ["recurring_visits", "knitting"]}, 'activities: "knitting": must be one of: '
         "develop_offer, test_offer, joint_course_planning, teacher_training, elective, recurring_visits, "
         "project_week, career_learning, other"),
        ({"activities": ["other", "elective", "other"]}, 'activities: lists "other" more than once'),
        ({"recurring": "yes"}, "recurring: must be true or false"),
        ({"offers": ["findes-ikke"]}, 'offers: unknown offer: "findes-ikke"'),
        ({"grades": ["3. klasse"]}, 'grades: unknown grade level: "3. klasse"'),
        ({"contacts": {"role": "teacher"}}, "contacts: must be a list of objects with the fields role, name, email"),
        ({"contacts": [{"role": "janitor"}]}, "contacts: [0]: role: must be one of: teacher, school_leader, plc, "
         "educator, institution_leader, municipal_consultant, company_contact, other"),
        ({"contacts": [{"name": "Mette"}]}, "contacts: [0]: role: is required"),
        ({"contacts": [{"role": "teacher"}, {"role": "teacher", "phone": "12345678"}]},
         "contacts: [1]: phone: unknown field"),
        ({"contacts": [{"role": "teacher", "email": "not-an-address"}]},
         "contacts: [0]: email: Enter a valid email address."),
    ],
)  # fmt: skip
def test_a_bad_partnership_field_is_named_with_the_partnership(db, tmp_path, change, message):
    document = complete_example()
    document["partnerships"][0] |= change
    assert import_errors(tmp_path, document) == [f"partnerships[0] key={KEY}: {message}"]


def test_a_key_that_is_a_reserved_path_gets_another_page_address(db, tmp_path):
    document = complete_example()
    document["partnerships"][0]["key"] = "oversigt"
    run_import(tmp_path, document)
    assert Partnership.objects.get(key="oversigt").slug == "oversigt-2"
