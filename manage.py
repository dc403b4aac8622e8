#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    if sys.argv[1:2] != ["runserver"]:
        # Management commands (migrate, import_portal, seed_demo …) may run long statements; requests, also
        # under runserver, keep the bound of DATABASE_STATEMENT_TIMEOUT (portal/settings.py).
        os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
