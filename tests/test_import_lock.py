"""One import at a time: a second import while one runs fails at once with a clear message and writes nothing
(two real transactions on two database connections)."""

import threading
import time

from django.db import connection

from offers.models import Offer
from portal.interchange import InterchangeError, import_document
from tests.test_interchange import OFFER_KEY, complete_example


def import_in_another_thread(document: dict) -> tuple[Exception | None, float]:
    """Run an import on its own connection and transaction, as a second process would; its outcome and time."""
    outcome: dict = {}

    def run():
        started = time.perf_counter()
        try:
            import_document(document)
        except Exception as error:  # reported to the test thread
            outcome["error"] = error
        finally:
            outcome["seconds"] = time.perf_counter() - started
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive(), "the second import waited instead of failing at once"
    return outcome.get("error"), outcome["seconds"]


def test_a_second_import_while_one_runs_fails_at_once_and_writes_nothing(db):
    first = complete_example()
    import_document(first)  # this test's transaction is still open: the import is still running
    second = complete_example()
    second["offers"][0]["title"] = "Titel fra den anden import"
    second["offers"].append({**second["offers"][0], "key": "kun-i-anden-import"})

    error, seconds = import_in_another_thread(second)

    assert isinstance(error, InterchangeError)
    assert error.messages == ["en anden import er i gang; intet blev skrevet. Prøv igen, når den er færdig."]
    assert seconds < 5
    offer = Offer.objects.get(key=OFFER_KEY)
    assert offer.title == first["offers"][0]["title"]
    assert not Offer.objects.filter(key="kun-i-anden-import").exists()


def test_imports_one_after_the_other_both_succeed(db):
    document = complete_example()
    import_document(document)
    document["offers"][0]["title"] = "Ny titel"
    assert import_document(document)["offers"].updated == 1  # the same session may import again
