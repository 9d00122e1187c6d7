"""
FAKE of `sklearn.metrics.precision_recall_curve(y_true, probas_pred)` for binary labels, without
sample weights or drop_intermediate, returning fake NumPy arrays. It follows the documented
result (https://scikit-learn.org/stable/modules/generated/sklearn.metrics.precision_recall_curve.html):
`thresholds` are the distinct scores in increasing order; `precision[i]` and `recall[i]` are those
of predicting positive when score >= thresholds[i]; and a final precision of 1 and recall of 0,
with no threshold, end the two other arrays (so they have one value more than `thresholds`).
"""
from __future__ import annotations

from fakes.numpy import ndarray


def precision_recall_curve(y_true, probas_pred):
    y, s = list(y_true), list(probas_pred)
    if len(y) != len(s) or not set(y) <= {0, 1}:
        raise ValueError("y_true must be binary labels of the same length as probas_pred")
    positives = sum(y)
    thresholds = sorted(set(s))
    precision, recall = [], []
    for t in thresholds:
        predicted = [label for label, score in zip(y, s) if score >= t]
        tp = sum(predicted)
        precision.append(tp / len(predicted))
        recall.append(tp / positives if positives else 1.0)
    return ndarray(precision + [1.0]), ndarray(recall + [0.0]), ndarray(thresholds)
