"""
FAKE of the few NumPy operations the lessons use, for tests where NumPy is not installed: a
one-dimensional `ndarray` with integer, slice, integer-array and boolean-mask indexing,
element-wise comparisons giving boolean arrays, `.size`, and the functions `array`,
`flatnonzero` (indices of the non-zero elements) and `argmax` (index of the first maximum),
as documented at https://numpy.org/doc/stable/reference/ (indexing: "Indexing on ndarrays";
numpy.flatnonzero; numpy.argmax). Not a general array library: anything else raises.
"""
from __future__ import annotations

import operator


class ndarray:  # noqa: N801 - NumPy's name
    def __init__(self, values) -> None:
        self._v = list(values)

    @property
    def size(self) -> int:
        return len(self._v)

    def __len__(self) -> int:
        return len(self._v)

    def __iter__(self):
        return iter(self._v)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return ndarray(self._v[index])
        if isinstance(index, ndarray):
            if all(isinstance(x, bool) for x in index._v):
                if len(index) != len(self):
                    raise IndexError("boolean index did not match the indexed array")
                return ndarray(v for v, keep in zip(self._v, index._v) if keep)
            return ndarray(self._v[int(i)] for i in index._v)
        if isinstance(index, bool) or not isinstance(index, int):
            raise IndexError(f"the numpy fake does not support the index {index!r}")
        return self._v[index]

    def _compare(self, other, op):
        return ndarray(bool(op(v, other)) for v in self._v)

    def __ge__(self, other):
        return self._compare(other, operator.ge)

    def __gt__(self, other):
        return self._compare(other, operator.gt)

    def __le__(self, other):
        return self._compare(other, operator.le)

    def __lt__(self, other):
        return self._compare(other, operator.lt)

    def tolist(self) -> list:
        return list(self._v)

    def __repr__(self) -> str:
        return f"array({self._v!r})"


def array(values) -> ndarray:
    return ndarray(values)


def flatnonzero(a) -> ndarray:
    return ndarray(i for i, v in enumerate(a) if v)


def argmax(a) -> int:
    values = list(a)
    if not values:
        raise ValueError("attempt to get argmax of an empty sequence")
    return max(range(len(values)), key=lambda i: (values[i], -i))
