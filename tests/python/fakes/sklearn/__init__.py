"""FAKE of scikit-learn: only `sklearn.metrics.precision_recall_curve` (see metrics.py)."""
