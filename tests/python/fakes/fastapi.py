"""
FAKE of the FastAPI names the lessons use, for tests that cannot install it: `HTTPException`
(status_code, detail, headers; https://fastapi.tiangolo.com/tutorial/handling-errors/),
`Depends` (a marker: tests call a route function directly with the dependency's value), and
`FakeApp`, whose `.get`/`.post` decorators record the route and return the function unchanged,
as FastAPI's path operation decorators do.
"""
from __future__ import annotations


class HTTPException(Exception):
    def __init__(self, status_code: int, detail=None, headers=None) -> None:
        super().__init__(status_code, detail)
        self.status_code, self.detail, self.headers = status_code, detail, headers


def Depends(dependency=None):
    return ("Depends", dependency)


class FakeApp:
    def __init__(self) -> None:
        self.routes: dict[str, dict] = {}

    def _route(self, method: str, path: str, **options):
        def register(fn):
            self.routes[f"{method} {path}"] = {"endpoint": fn, **options}
            return fn

        return register

    def get(self, path: str, **options):
        return self._route("GET", path, **options)

    def post(self, path: str, **options):
        return self._route("POST", path, **options)
