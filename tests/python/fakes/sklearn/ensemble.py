"""
FAKE of `sklearn.ensemble.GradientBoostingClassifier`: keeps its constructor parameters
(`get_params()`) and records what `fit(X, y)` was given; `fit` returns the estimator itself, as
documented (https://scikit-learn.org/stable/modules/generated/sklearn.ensemble.GradientBoostingClassifier.html).
It learns nothing: tests check what the lesson's code trains on and how it gates the release.
"""
from __future__ import annotations


class GradientBoostingClassifier:
    def __init__(self, **params) -> None:
        self._params = dict(params)
        self.fitted_on = None

    def get_params(self) -> dict:
        return dict(self._params)

    def fit(self, X, y):
        self.fitted_on = (X, y)
        return self
