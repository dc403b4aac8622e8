"""The booking e-mails' settings: printed on the console in development, sent by SMTP (host and port from the
environment) in production; the personal-data period is a whole number of days."""

from tests.test_settings import PRODUCTION_ENV, manage

SHOW = (
    "from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.BOOKING_PERSONAL_DATA_DAYS, s.PORTAL_BASE_URL)"
)


def test_development_prints_e_mails_and_production_sends_them_by_smtp():
    development = manage("shell", "-c", SHOW, env={})
    assert development.stdout.split()[-5] == "django.core.mail.backends.console.EmailBackend"
    production = manage(
        "shell",
        "-c",
        SHOW,
        env={
            **PRODUCTION_ENV,
            "EMAIL_HOST": "smtp.example.dk",
            "EMAIL_PORT": "587",
            "BOOKING_PERSONAL_DATA_DAYS": "30",
            "PORTAL_BASE_URL": "https://aabenskole.example.dk/",
        },
    )
    assert production.stdout.split()[-5:] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.dk",
        "587",
        "30",
        "https://aabenskole.example.dk",
    ]


def test_a_personal_data_period_that_is_no_number_stops_the_start():
    result = manage("check", env={"BOOKING_PERSONAL_DATA_DAYS": "ninety"})
    assert result.returncode != 0
    assert "BOOKING_PERSONAL_DATA_DAYS must be a whole number" in result.stderr
