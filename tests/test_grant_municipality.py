"""`manage.py grant_municipality USERNAME CODE [CODE...]` makes a user a consultant for municipalities."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from portal.access import CONSULTANTS_GROUP, consulted_municipalities, is_consultant


@pytest.fixture
def teacher(db):
    return get_user_model().objects.create_user("mette", "mette@example.dk", "correct-horse-battery")


def grant(*args) -> str:
    out = io.StringIO()
    call_command("grant_municipality", *args, stdout=out)
    return out.getvalue()


def test_granting_links_the_user_marks_them_staff_and_adds_the_group(teacher):
    output = grant("mette", "350", "265")
    teacher.refresh_from_db()
    assert "mette is now a consultant for: Lejre (350), Roskilde (265)." in output
    assert teacher.is_staff
    assert not teacher.is_superuser
    assert teacher.groups.filter(name=CONSULTANTS_GROUP).exists()
    assert sorted(consulted_municipalities(teacher).values_list("code", flat=True)) == ["265", "350"]
    assert is_consultant(teacher)


def test_granting_again_adds_to_the_existing_links(teacher):
    grant("mette", "350")
    grant("mette", "350", "101")
    teacher.refresh_from_db()
    assert sorted(consulted_municipalities(teacher).values_list("code", flat=True)) == ["101", "350"]


def test_an_unknown_user_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        grant("nobody", "350")


def test_an_unknown_code_is_a_clear_error_and_changes_nothing(teacher):
    with pytest.raises(CommandError, match="Unknown municipality code.*: 999, abc"):
        grant("mette", "350", "999", "abc")
    teacher.refresh_from_db()
    assert not teacher.is_staff
    assert not teacher.groups.exists()
    assert not teacher.consultant_for.exists()


def test_a_failed_grant_exits_non_zero_from_the_command_line(teacher, capsys):
    with pytest.raises(SystemExit) as exit:
        execute_from_command_line(["manage.py", "grant_municipality", "mette", "999"])
    assert exit.value.code != 0
    assert "Unknown municipality code(s): 999" in capsys.readouterr().err
