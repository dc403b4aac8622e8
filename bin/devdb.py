#!/usr/bin/env python
"""Print the DATABASE_URL that `make run` and `make test` use (and that manage.py finds by itself), or with
`--stop` stop the project-local PostgreSQL. The rules are in portal/localdb.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal import localdb  # noqa: E402


def main() -> None:
    try:
        if sys.argv[1:] == ["--stop"]:
            print(localdb.stop_local_server())
        else:
            print(localdb.database_url())
    except localdb.NoDatabase as error:
        sys.exit(f"devdb: {error}")


if __name__ == "__main__":
    main()
