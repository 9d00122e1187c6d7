"""
FAKE of the pandas DataFrame operations one lesson uses, for tests without pandas: column access
as an attribute or by name (a `Series`), element-wise comparison and `~` on a boolean Series,
row selection with a boolean Series aligned on the index (`df[mask]`), `drop_duplicates(subset)`
keeping the first occurrence, `groupby(col).head(n)` keeping each group's first n rows in their
original order, `len`, and `rows()` to read the result. As documented at
https://pandas.pydata.org/docs/reference/ (DataFrame.drop_duplicates: keep="first" by default;
GroupBy.head: "Return first n rows of each group ... original order"; boolean indexing aligns
on the index). Not a general data-frame library.
"""
from __future__ import annotations

import operator


class Series:
    def __init__(self, values: dict) -> None:  # index -> value
        self.values = dict(values)

    def _compare(self, other, op):
        return Series({i: bool(op(v, other)) for i, v in self.values.items()})

    def __ge__(self, other):
        return self._compare(other, operator.ge)

    def __gt__(self, other):
        return self._compare(other, operator.gt)

    def __lt__(self, other):
        return self._compare(other, operator.lt)

    def __le__(self, other):
        return self._compare(other, operator.le)

    def __eq__(self, other):  # type: ignore[override]
        return self._compare(other, operator.eq)

    def __invert__(self):
        return Series({i: not v for i, v in self.values.items()})

    def __iter__(self):
        return iter(self.values.values())


class DataFrame:
    def __init__(self, rows, index=None) -> None:
        rows = list(rows)
        self._rows = dict(zip(index if index is not None else range(len(rows)), rows))

    def __len__(self) -> int:
        return len(self._rows)

    def __getattr__(self, name: str) -> Series:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, key):
        if isinstance(key, Series):
            missing = set(self._rows) - set(key.values)
            if missing or not all(isinstance(v, bool) for v in key.values.values()):
                raise KeyError("a boolean mask must cover every row of the frame")
            return DataFrame([r for i, r in self._rows.items() if key.values[i]],
                             [i for i in self._rows if key.values[i]])
        if key not in self.columns:
            raise KeyError(key)
        return Series({i: r[key] for i, r in self._rows.items()})

    @property
    def columns(self) -> list[str]:
        return list(next(iter(self._rows.values()), {}))

    def drop_duplicates(self, subset):
        seen, keep = set(), []
        for i, r in self._rows.items():
            k = tuple(r[c] for c in subset)
            if k not in seen:
                seen.add(k)
                keep.append(i)
        return DataFrame([self._rows[i] for i in keep], keep)

    def groupby(self, column):
        frame = self

        class _GroupBy:
            def head(self, n: int):
                counts: dict = {}
                keep = []
                for i, r in frame._rows.items():
                    counts[r[column]] = counts.get(r[column], 0) + 1
                    if counts[r[column]] <= n:
                        keep.append(i)
                return DataFrame([frame._rows[i] for i in keep], keep)

        return _GroupBy()

    def rows(self) -> list[dict]:
        return list(self._rows.values())

    @property
    def index(self) -> list:
        return list(self._rows)
