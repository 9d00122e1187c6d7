"""
FAKE of psycopg 3's connection for tests that cannot install it or reach PostgreSQL.
`connect(dsn)` returns a connection usable as a context manager; `conn.execute(query, params)`
returns a cursor with `fetchall()` (https://www.psycopg.org/psycopg3/docs/api/connections.html).
The query and its parameters are recorded separately, as psycopg sends them to the server
(https://www.psycopg.org/psycopg3/docs/basic/params.html), in `LOG`; rows come from `ROWS`,
a function a test sets.
"""
from __future__ import annotations

LOG: list[tuple[str, str, tuple]] = []


def ROWS(query: str, params: tuple) -> list:  # noqa: N802 - replaced by tests
    return []


class _Cursor:
    def __init__(self, rows) -> None:
        self._rows = rows

    def fetchall(self):
        return list(self._rows)


class Connection:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.closed = True

    def execute(self, query: str, params=None):
        if not isinstance(query, str):
            raise TypeError("query must be a string")
        LOG.append((self.dsn, query, tuple(params or ())))
        return _Cursor(ROWS(query, tuple(params or ())))


def connect(dsn: str) -> Connection:
    return Connection(dsn)
