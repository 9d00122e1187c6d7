"""Fixed examples of the ml-complexity track, each run against its lesson's attack and its normal use."""
from __future__ import annotations

import hashlib
import json
import math
import pathlib
import types
from datetime import date, timedelta

import pytest
from conftest import Recorder, load_fixed

ML = "content/modules/ml-complexity/"
ML01 = (f"{ML}ml01-why-ml-is-different.mdx", "Labels the model cannot steer, feedback checked, release gated by slice")
ML02 = (f"{ML}ml02-data-dependencies.mdx", "Pinned, hash-checked, range-checked, recorded")
ML03 = (f"{ML}ml03-anti-patterns.mdx", "One stage with a declared contract, typed output and lineage")
ML04 = (f"{ML}ml04-configuration-debt.mdx", "Safe parser, strict typed schema, unsafe combinations rejected")
ML05 = (f"{ML}ml05-changing-world.mdx", "Threshold learned on held-out data, published with the model")
ML06_TRAINING = (f"{ML}ml06-paying-down-debt.mdx", "Training: pinned inputs, shared features, reviewed config, release gates")
ML06_SERVING = (f"{ML}ml06-paying-down-debt.mdx", "Serving: verified artefact, the same feature code, a typed decision")


# ml01: a ring of accounts reports genuine listings as scams; the model trains on what it let through.
class ReleaseBlocked(Exception):
    pass


def ml01_scope(*, regressions=(), shift_error: Exception | None = None):
    shown = [types.SimpleNamespace(id=i) for i in ("L1", "L2")]
    seen: dict = {"registry": Recorder(), "trained_on": None, "feedback_args": None}

    def for_listings(ids, min_account_age_days):
        seen["feedback_args"] = (ids, min_account_age_days)
        # three fresh-account reports per listing, and a ring account reporting 10 times
        return {i: [("ring-1", "scam")] * 10 for i in ids}

    def check_label_shift(examples, baseline):
        if shift_error:
            raise shift_error

    def train(examples):
        seen["trained_on"] = examples
        return "candidate"

    scope = {
        "date": date, "timedelta": timedelta, "ReleaseBlocked": ReleaseBlocked,
        "listings": types.SimpleNamespace(published_since=lambda since: shown),
        "feedback": types.SimpleNamespace(for_listings=for_listings),
        "cap_per_account": lambda reports, max_per_account: {k: v[:max_per_account] for k, v in reports.items()},
        "label_from_reports": lambda listing, reports: ("reports", listing.id, len(reports)),
        "reviews": types.SimpleNamespace(random_sample_since=lambda since: ["R-blocked-listing"]),
        "label_from_review": lambda r: ("review", r),
        "check_label_shift": check_label_shift, "ACCEPTED_LABEL_STATS": {},
        "record_provenance": lambda examples, sources: None,
        "train": train, "FIXED_HOLDOUT": "holdout",
        "evaluate": lambda c, holdout, slices: types.SimpleNamespace(regressions=list(regressions), slices=slices),
        "registry": seen["registry"],
    }
    return scope, seen


def test_ml01_normal_retrain_is_submitted_for_review_with_independent_labels():
    scope, seen = ml01_scope()
    load_fixed(*ML01, scope)
    assert seen["feedback_args"][1] == 30
    assert ("review", "R-blocked-listing") in seen["trained_on"]  # labels the model did not choose
    assert ("reports", "L1", 3) in seen["trained_on"]  # one account's ten reports count as three
    assert [c[0] for c in seen["registry"].calls] == ["submit_for_review"]


def test_ml01_a_regression_in_any_slice_blocks_the_release():
    scope, seen = ml01_scope(regressions=["new_seller"])
    with pytest.raises(ReleaseBlocked):
        load_fixed(*ML01, scope)
    assert seen["registry"].calls == []


def test_ml01_a_sudden_label_shift_stops_training():
    scope, seen = ml01_scope(shift_error=ValueError("scam labels up 40%"))
    with pytest.raises(ValueError, match="scam labels"):
        load_fixed(*ML01, scope)
    assert seen["trained_on"] is None and seen["registry"].calls == []


# ml02: an upstream signal is rescaled or tampered with, or a merchant is missing and read as zero risk.
@pytest.fixture
def ml02(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = json.dumps({"m-1": 12.0, "m-2": 80.0}).encode()
    folder = tmp_path / "data" / "signals" / "merchant_risk"
    folder.mkdir(parents=True)
    (folder / "2026-09-30.json").write_bytes(good)
    lock = {"merchant_risk": {"version": "2026-09-30", "sha256": hashlib.sha256(good).hexdigest(), "min": 0, "max": 100}}
    (tmp_path / "features.lock.json").write_text(json.dumps(lock))
    # Absolute paths (/data/signals/...) are re-rooted in the test's temporary folder.
    rooted = types.ModuleType("pathlib")
    rooted.Path = lambda p: pathlib.Path(f"{tmp_path}{p}") if str(p).startswith("/") else pathlib.Path(p)
    lineage = Recorder()
    mod = load_fixed(*ML02, {"record_lineage": lineage.record}, modules={"pathlib": rooted})
    return mod, folder / "2026-09-30.json", lineage


def test_ml02_pinned_signal_loads_and_is_recorded(ml02):
    mod, _, lineage = ml02
    assert mod.load_signal("merchant_risk") == {"m-1": 12.0, "m-2": 80.0}
    assert lineage.calls[0][2]["version"] == "2026-09-30"
    txn = {"merchant_id": "m-2", "amount": 40.0, "device_rep": 0.3, "phish_domain_hit": 0}
    assert mod.build_row(txn, {"merchant_risk": {"m-2": 80.0}}) == [40.0, 80.0, 0.3, 0]


def test_ml02_a_rescaled_or_swapped_file_stops_the_run(ml02):
    mod, path, lineage = ml02
    path.write_text(json.dumps({"m-1": 0.12, "m-2": 0.80}))  # the producer's rescale, same name
    with pytest.raises(ValueError, match="does not match the lock"):
        mod.load_signal("merchant_risk")
    assert lineage.calls == []


def test_ml02_out_of_range_values_stop_the_run_even_with_a_matching_hash(ml02, tmp_path):
    mod, path, _ = ml02
    bad = json.dumps({"m-1": 1200.0}).encode()
    path.write_bytes(bad)
    mod.LOCK["merchant_risk"]["sha256"] = hashlib.sha256(bad).hexdigest()
    with pytest.raises(ValueError, match="outside 0..100"):
        mod.load_signal("merchant_risk")


def test_ml02_undeclared_signal_and_missing_merchant_are_errors_not_zero(ml02):
    mod, _, _ = ml02
    with pytest.raises(KeyError):
        mod.load_signal("mcc_legacy")
    txn = {"merchant_id": "m-unknown", "amount": 40.0, "device_rep": 0.3, "phish_domain_hit": 0}
    with pytest.raises(mod.MissingSignal):
        mod.build_row(txn, {"merchant_risk": {"m-2": 80.0}})


# ml03: a pipeline jungle reads any file by position and turns a blank allergen cell into "none".
@pytest.fixture
def ml03(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feeds" / "supplier_a").mkdir(parents=True)
    return load_fixed(*ML03), tmp_path / "feeds" / "supplier_a" / "2026-10-01.csv"


def test_ml03_reads_by_header_name_and_splits_allergens(ml03):
    mod, feed = ml03
    feed.write_text("allergens,sku,name\nnuts; milk,S1,Flapjack\nnone,S2,Water\n")  # columns reordered
    products = mod.read_feed("supplier_a", "2026-10-01")
    assert products[0].allergens == frozenset({"nuts", "milk"}) and products[0].source == "supplier_a"
    assert products[1].allergens == frozenset()


def test_ml03_blank_allergens_and_renamed_columns_fail_instead_of_meaning_none(ml03):
    mod, feed = ml03
    feed.write_text("sku,name,allergens\nS1,Flapjack,\n")
    with pytest.raises(ValueError, match="no allergen data"):
        mod.read_feed("supplier_a", "2026-10-01")
    feed.write_text("sku,name,contains\nS1,Flapjack,nuts\n")
    with pytest.raises(ValueError, match="feed contract"):
        mod.read_feed("supplier_a", "2026-10-01")


def test_ml03_undeclared_sources_and_paths_are_refused(ml03):
    mod, _ = ml03
    for source, delivery in [("shared", "2026-10-01"), ("supplier_a", "../../shared/latest")]:
        with pytest.raises(ValueError, match="undeclared source or malformed delivery"):
            mod.read_feed(source, delivery)


# ml04: a rushed edit misspells approval_required_for and drops the cap; an untrusted file carries a tag.
GOOD_CONFIG = """\
model: chat-large@2026-06-01
system_prompt_file: prompts/greyfell.md
temperature: 0.2
tools: [lookup_booking, explain_fees, issue_voucher]
approval_required_for:
  - issue_voucher
max_voucher_gbp: 50
threat_model_ref: TM-12
"""


@pytest.fixture
def ml04(tmp_path):
    mod = load_fixed(*ML04)

    def load(text: str):
        path = tmp_path / "assistant.yaml"
        path.write_text(text)
        return mod.load_config(str(path))

    return mod, load


def test_ml04_a_complete_reviewed_config_loads_and_is_frozen(ml04):
    mod, load = ml04
    cfg = load(GOOD_CONFIG)
    assert cfg.max_voucher_gbp == 50 and cfg.approval_required_for == ["issue_voucher"]
    with pytest.raises(Exception):
        cfg.max_voucher_gbp = 1000


@pytest.mark.parametrize("edit", [
    ("approval_required_for:", "aproval_required_for:"),  # the misspelt key from the scenario
    ("max_voucher_gbp: 50\n", ""),  # the cap lost in a renamed section: no default of £1,000
    ("max_voucher_gbp: 50", 'max_voucher_gbp: "50"'),  # a string is not a number in strict mode
    ("max_voucher_gbp: 50", "max_voucher_gbp: 1000"),
    ("chat-large@2026-06-01", "chat-large@latest"),
    ("threat_model_ref: TM-12", "threat_model_ref: none"),
    ("[lookup_booking, explain_fees, issue_voucher]", "[lookup_booking, send_email]"),
])
def test_ml04_misspelt_missing_or_unsafe_settings_are_errors(ml04, edit):
    mod, load = ml04
    assert edit[0] in GOOD_CONFIG
    with pytest.raises(Exception) as err:
        load(GOOD_CONFIG.replace(*edit))
    assert type(err.value).__name__ == "ValidationError"


def test_ml04_vouchers_without_approval_are_rejected(ml04):
    mod, load = ml04
    with pytest.raises(Exception, match="without human approval"):
        load(GOOD_CONFIG.replace("  - issue_voucher\n", "  - explain_fees\n"))


def test_ml04_python_tags_in_the_file_are_not_constructed(ml04, tmp_path):
    mod, load = ml04
    marker = tmp_path / "pwned"
    with pytest.raises(Exception, match="could not determine a constructor"):
        load(GOOD_CONFIG + f'notes: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists()


# ml06 serving: a broken feature makes the score NaN, which a plain `p >= threshold` reads as "proceed".
class Frame(dict):
    """Column selection by a list of names, as a pandas DataFrame does."""

    def __getitem__(self, names):
        return Frame({n: dict.__getitem__(self, n) for n in names})


class Proba:
    def __init__(self, p: float) -> None:
        self.p = p

    def __getitem__(self, index):
        assert index == (0, 1), "the lesson reads the positive class of the first row"
        return self.p


def ml06_serving(p: float):
    features = types.ModuleType("swapguard.features")  # the team's own module, shared with training
    features.FEATURE_LIST = ["hour_utc", "device_age_days"]
    features.build_request_features = lambda req: Frame({"hour_utc": [3], "device_age_days": [1]})
    registry = Recorder(load_verified=lambda name, version: types.SimpleNamespace(
        model=types.SimpleNamespace(predict_proba=lambda x: Proba(p)), threshold=0.7, version=version))
    telemetry = Recorder()
    mod = load_fixed(*ML06_SERVING, {"registry": registry, "PINNED_VERSION": "2026.10.1", "telemetry": telemetry},
                     modules={"swapguard.features": features})
    return mod, registry, telemetry


@pytest.mark.parametrize("p,action", [(0.1, "proceed"), (0.7, "step_up"), (0.95, "step_up")])
def test_ml06_serving_decides_by_the_threshold_stored_with_the_model(p, action):
    mod, registry, telemetry = ml06_serving(p)
    assert registry.calls[0][2] == {"version": "2026.10.1"}
    decision = mod.score_swap(types.SimpleNamespace(channel="app"))
    assert (decision.action, decision.model_version) == (action, "2026.10.1")
    assert len(telemetry.calls) == 1


@pytest.mark.parametrize("p", [math.nan, math.inf])
def test_ml06_serving_a_broken_score_steps_up_instead_of_proceeding(p):
    mod, _, _ = ml06_serving(p)
    assert mod.score_swap(types.SimpleNamespace(channel="app")).action == "step_up"


# ml05: a threshold chosen by hand (0.82) outlived a retrain whose scores ran higher, blocking genuine shoppers.
class Column(list):
    def to_numpy(self):
        return list(self)

    def min(self):
        return min(self)

    def max(self):
        return max(self)


class ValFrame:
    """The validation frame's columns, as the snippet reads them from pandas."""

    def __init__(self, labels, ts):
        self.cols = {"is_fraud": Column(labels), "ts": Column(ts), "features": "X"}

    def __getitem__(self, key):
        return self.cols["features"] if isinstance(key, list) else self.cols[key]


class Scores:
    def __init__(self, p):
        self.p = p

    def __getitem__(self, index):
        assert index == (slice(None), 1), "the lesson reads the positive-class column"
        return self.p


def ml05(scores, labels):
    registry = Recorder()
    model = types.SimpleNamespace(predict_proba=lambda X: Scores(scores))
    mod = load_fixed(*ML05, {"train_fraud_model": lambda df: model, "FEATURES": ["amount", "device_risk"]})
    val = ValFrame(labels, ["2026-10-01", "2026-10-28"])
    return mod, registry, val, model


LABELS = [0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1]


@pytest.mark.parametrize("scale", [0.5, 1.0])
def test_ml05_each_retrain_learns_its_own_threshold_that_meets_the_targets(scale):
    # the retrained model's scores run higher (scale 1.0) than last month's (0.5): the threshold follows
    scores = [round(x * scale, 3) for x in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)]
    mod, registry, val, model = ml05(scores, LABELS)
    mod.retrain_and_publish("train", val, registry)
    (args, kwargs), = registry.called("publish")
    t = kwargs["metadata"]["threshold"]
    flagged = [y for y, s in zip(LABELS, scores) if s >= t]
    assert sum(flagged) / len(flagged) >= 0.9 and sum(flagged) / sum(LABELS) >= 0.5
    assert t == scores[8]  # the lowest threshold with precision >= 0.9, so the most fraud caught
    assert kwargs["metadata"]["val_window"] == ["2026-10-01", "2026-10-28"] and args == (model,)


def test_ml05_no_threshold_meeting_the_targets_means_no_release():
    mod, registry, val, _ = ml05([0.9, 0.8, 0.7, 0.6], [0, 1, 0, 1])  # precision never reaches 0.9 with recall
    with pytest.raises(ValueError, match="no threshold meets"):
        mod.retrain_and_publish("train", ValFrame([0, 1, 0, 1], ["a", "b"]), registry)
    assert registry.calls == []


def test_ml05_a_threshold_that_flags_only_extreme_cases_is_refused():
    mod = load_fixed(*ML05, {"train_fraud_model": None, "FEATURES": []})
    # only the single top score is precise enough, and it catches one fraud in four: below the recall floor
    with pytest.raises(ValueError):
        mod.learn_threshold([1, 0, 1, 0, 1, 0, 1], [0.99, 0.9, 0.6, 0.5, 0.4, 0.3, 0.2])


# ml06 training: a prototype read whatever was on a shared drive, trained on it all, and shipped without gates.
class Rows:
    """Positional row selection (`.iloc[list]`), as on a pandas frame or series."""

    def __init__(self, rows):
        self.rows = list(rows)

    @property
    def iloc(self):
        return _Iloc(self.rows)


class _Iloc:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, idx):
        return [self.rows[i] for i in idx]


class FeatureFrame(dict):
    """Column selection by a list of names, as on a pandas frame."""

    def __getitem__(self, cols):
        return dict.__getitem__(self, tuple(cols))


class Table(dict):
    def __init__(self, columns, attrs):
        super().__init__(columns)
        self.attrs = attrs


def ml06_training(passed=True):
    calls = []
    data = types.ModuleType("swapguard.data")
    data.load_snapshot = lambda name, version, schema: calls.append((name, version, schema)) or Table(
        {"label": Rows([0, 1, 0, 1]), "ts": ["t0", "t1", "t2", "t3"]}, {"snapshot": f"{name}@{version}"})
    data.load_public_source = lambda pin: Table({}, {"source": f"{pin} (url, fetched_at, sha256)"})
    features = types.ModuleType("swapguard.features")
    features.FEATURE_LIST = ["hour_utc", "ip_listed"]
    features.build_features = lambda events, devices, ips: FeatureFrame({("hour_utc", "ip_listed"): Rows(["x0", "x1", "x2", "x3"])})
    config = types.ModuleType("swapguard.config")
    config.TrainConfig = object
    reports = types.SimpleNamespace(passed=passed, threshold=0.64, summary=lambda: "recall fell on new_seller")

    class ReleaseBlocked(Exception):
        pass

    registry = Recorder(publish="record-9")
    mod = load_fixed(*ML06_TRAINING, {
        "EVENTS_SCHEMA": "events-schema", "DEVICE_SCHEMA": "device-schema", "ReleaseBlocked": ReleaseBlocked,
        "time_split": lambda ts, weeks: ([0, 1], [2, 3]),
        "evaluate": lambda model, X, y, gates: reports,
    }, modules={"swapguard.data": data, "swapguard.features": features, "swapguard.config": config})
    cfg = types.SimpleNamespace(events_version="2026-10-01", devices_version="v41", ip_list="iplist@2026-10-01",
                                validation_weeks=4, model_params={"max_depth": 3}, seed=7, gates="gates", owner="fraud-ml")
    return mod, cfg, registry, calls, ReleaseBlocked


def test_ml06_training_uses_pinned_snapshots_trains_on_the_training_weeks_and_publishes_lineage():
    mod, cfg, registry, calls, _ = ml06_training()
    assert mod.train(cfg, registry) == "record-9"
    assert calls == [("swap_events", "2026-10-01", "events-schema"), ("device_scores", "v41", "device-schema")]
    (args, kwargs), = registry.called("publish")
    model = args[0]
    assert model.fitted_on == (["x0", "x1"], [0, 1])  # the validation weeks are never trained on
    assert model.get_params() == {"max_depth": 3, "random_state": 7}
    assert kwargs["threshold"] == 0.64 and kwargs["owner"] == "fraud-ml"
    assert kwargs["lineage"] == ["swap_events@2026-10-01", "device_scores@v41", "iplist@2026-10-01 (url, fetched_at, sha256)"]


def test_ml06_training_a_failed_gate_blocks_the_release():
    mod, cfg, registry, _, ReleaseBlocked = ml06_training(passed=False)
    with pytest.raises(ReleaseBlocked, match="new_seller"):
        mod.train(cfg, registry)
    assert registry.calls == []
