"""FAKE of scikit-learn: `metrics.precision_recall_curve` and `ensemble.GradientBoostingClassifier` only."""
