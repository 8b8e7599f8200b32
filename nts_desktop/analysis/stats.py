"""The whole analysis of a range of dates, as the `stats` command and the Insights page use it.

``compute`` returns a ``Stats``; ``to_json`` gives the exact JSON contract of design §7
(null where a value cannot be computed, never NaN or Infinity). Rolling predictors for the
first days of a range may look back before it: the week before a day exists in the journal.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from nts_desktop.core.fills import is_label_tag
from nts_desktop.core.records import Day, Night

from .agreement import Agreement, agreement
from .correlate import Correlation, correlate, with_q
from .headline import Headline, headline
from .regularity import (
    clock_minutes,
    cpd,
    mctq,
    rolling_sd,
    rolling_sri,
    sample_sd,
    sri,
)
from .series import FACTORS, STAGE_PREDICTORS, Series, build_series
from .within_person import Cache

NIGHT_PREDICTORS = ("tst_h", "se_pct", "sol_min", "waso_min", "quality")
MIN_STAGE_NIGHTS = 14  # stage predictors are tested once this many nights have them
ROLLING_PREDICTORS = ("midsleep_shift_min", "sri_7d", "midsleep_sd_7d")
OUTCOMES = ("mood", "focus", "resilience", "rested")
SLEEP_OUTCOMES = ("tst_h", "se_pct", "sol_min")
MIN_TAG_DAYS = 5
MEAN_KEYS = (
    "tib_min",
    "tst_min",
    "se_pct",
    "sol_min",
    "waso_min",
    "quality",
    "rested",
    "mood",
    "focus",
    "resilience",
)


@dataclass
class Stats:
    """Everything `stats` reports for one range."""

    start: date | None
    end: date | None
    nights: int
    means: dict[str, float | None]
    timing: dict[str, float | None]
    regularity: dict[str, float | None]
    correlations: list[Correlation]
    series: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    dates: list[date] = field(default_factory=list, repr=False)
    agreement: list[Agreement] = field(default_factory=list, repr=False)  # diary vs device
    headline: Headline | None = None  # regular sleep and resilience (design §5)


def _mean(values: np.ndarray) -> float | None:
    values = values[~np.isnan(values)]
    return float(values.mean()) if len(values) else None


def daily_series(s: Series) -> dict[str, np.ndarray]:
    """Every predictor and outcome as one value per date of the series (NaN = none)."""
    shift = np.full(s.n, np.nan)
    if s.n > 1:
        shift[1:] = np.abs(s.midsleep[1:] - s.midsleep[:-1])
    out = {
        "tst_h": s.tst / 60,
        "se_pct": s.se,
        "sol_min": s.sol,
        "waso_min": s.waso,
        "quality": s.day["quality"],
        "midsleep_shift_min": shift,
        "sri_7d": rolling_sri(s),
        "midsleep_sd_7d": rolling_sd(s.midsleep),
    }
    for name in (*FACTORS, "mood", "focus", "resilience", "rested"):
        out[name] = s.day[name]
    for tag, values in s.tags.items():
        out[f"tag:{tag}"] = values
    for name, values in s.stages.items():
        out[name] = values
    return out


def pairs(factor_names: list[str], stages: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Every predictor–outcome pair in the fixed order of design §5 (sleep stages after the
    night's measures, where a device recorded them)."""
    out = [(p, o) for p in (*NIGHT_PREDICTORS, *stages, *ROLLING_PREDICTORS) for o in OUTCOMES]
    out += [(f, o) for f in factor_names for o in (*OUTCOMES, *SLEEP_OUTCOMES)]
    return out


def compute(
    days: list[Day],
    device_nights: list[Night] | tuple[Night, ...] = (),
    start: date | None = None,
    end: date | None = None,
    work_weekdays: int = 5,
    preferred_source: str = "",
    free_weekdays: tuple[int, ...] | None = None,
    naps: Iterable[Any] = (),
) -> Stats:
    """The analysis of the dates ``start``…``end`` (default: the whole journal).

    ``free_weekdays`` (default: the days that are not among the ``work_weekdays`` first of
    the week, i.e. Sat/Sun) classifies device nights on dates without a day record.
    """
    known = [d.date for d in days] + [n.date for n in device_nights]
    if not known and (start is None or end is None):
        return _empty(start, end)
    start = start or min(known)
    end = end or max(known)
    if start > end:  # e.g. --to before the first entry: an empty range, not a wrapped slice
        return _empty(start, end)
    if free_weekdays is None:
        free_weekdays = tuple(range(work_weekdays, 7))
    first = min([start, *known]) if known else start
    last = max([end, *known]) if known else end
    s = build_series(days, device_nights, preferred_source, first, last, free_weekdays, naps)
    lo, hi = s.index(start), s.index(end)
    window = slice(lo, hi + 1)
    present = s.has_night[window]

    means = {
        "tib_min": _mean(s.tib[window]),
        "tst_min": _mean(s.tst[window]),
        "se_pct": _mean(s.se[window]),
        "sol_min": _mean(s.sol[window]),
        "waso_min": _mean(s.waso[window]),
    }
    for key in ("quality", "rested", "mood", "focus", "resilience"):
        means[key] = _mean(s.day[key][window])
    timing = {
        "onset_sd_min": sample_sd(s.onset[window]),
        "midsleep_sd_min": sample_sd(s.midsleep[window]),
        "wake_sd_min": sample_sd(s.wake[window]),
        "onset_mean_clock_min": clock_minutes(_mean(s.onset[window])),
        "midsleep_mean_clock_min": clock_minutes(_mean(s.midsleep[window])),
        "wake_mean_clock_min": clock_minutes(_mean(s.wake[window])),
    }
    sri_value, sri_days = sri(s, lo, hi)
    m = mctq(s, lo, hi, work_weekdays)
    regularity = {
        "sri": sri_value,
        "sri_days": sri_days,
        "sjl_min": m.sjl if m else None,
        "msw_clock_min": clock_minutes(m.msw) if m else None,
        "msf_clock_min": clock_minutes(m.msf) if m else None,
        "msfsc_clock_min": clock_minutes(m.msfsc) if m else None,
        "cpd_h": cpd(s, lo, hi, m.msfsc if m else None),
    }

    full = daily_series(s)
    daily = {name: values[window] for name, values in full.items()}
    with_day = s.has_day[window]
    tags = []
    for name in sorted(k for k in daily if k.startswith("tag:")):
        used = int(np.nansum(daily[name][with_day]))
        absent = int(with_day.sum()) - used
        if used >= MIN_TAG_DAYS and absent >= MIN_TAG_DAYS and not is_label_tag(name[4:]):
            tags.append(name)
    stages = tuple(
        k for k in STAGE_PREDICTORS if int(np.sum(~np.isnan(daily[k]))) >= MIN_STAGE_NIGHTS
    )
    dates = [s.date_at(i) for i in range(lo, hi + 1)]
    weekday_free = np.array([d.weekday() in free_weekdays for d in dates])
    marked = s.free_day[window]
    free = np.where(np.isnan(marked), weekday_free, marked == 1.0)  # the day's own mark first
    cache = Cache()  # the pairs share designs and each series' preparation
    ordinals = np.arange(dates[0].toordinal(), dates[0].toordinal() + len(dates))
    results = [
        correlate(p, o, daily[p], daily[o], ordinals, free, cache)
        for p, o in pairs([*FACTORS, *tags], stages)
    ]
    head, correlations = headline(with_q(results), daily, ordinals, free, cache)
    return Stats(
        start=start,
        end=end,
        nights=int(present.sum()),
        means=means,
        timing=timing,
        regularity=regularity,
        correlations=correlations,
        series=daily,
        dates=dates,
        agreement=agreement(days, device_nights, preferred_source, start, end),
        headline=head,
    )


def _empty(start: date | None, end: date | None) -> Stats:
    return Stats(
        start=start,
        end=end,
        nights=0,
        means=dict.fromkeys(MEAN_KEYS),
        timing=dict.fromkeys(
            (
                "onset_sd_min",
                "midsleep_sd_min",
                "wake_sd_min",
                "onset_mean_clock_min",
                "midsleep_mean_clock_min",
                "wake_mean_clock_min",
            )
        ),
        regularity={
            **dict.fromkeys(
                ("sri", "sjl_min", "msw_clock_min", "msf_clock_min", "msfsc_clock_min", "cpd_h")
            ),
            "sri_days": 0.0,
        },
        correlations=[Correlation(p, o, 0) for p, o in pairs(list(FACTORS))],
    )


def _number(value: float | None, digits: int | None = 4) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits) if digits is not None else float(value)


def _pair_json(c: Correlation) -> dict[str, Any]:
    return {
        "rho": _number(c.rho),
        "ci95": [_number(c.ci95[0]), _number(c.ci95[1])] if c.ci95 else None,
        "p": _number(c.p, None),
        "q": _number(c.q, None),
        "n": c.n,
    }


def _headline_json(h: Headline | None) -> dict[str, Any] | None:
    """The `headline` object of design §7 (numbers null where not computable)."""
    if h is None:
        return None
    from .headline_words import headline_lines

    c = h.correlation
    pair = _pair_json(c) if c is not None else dict.fromkeys(("rho", "ci95", "p", "q", "n"))

    def third(t: Any) -> dict[str, Any]:
        ci = [_number(t.ci95[0]), _number(t.ci95[1])] if t.ci95 else None
        return {"mean": _number(t.mean), "ci95": ci, "days": t.days}

    return {
        "predictor": h.predictor,
        "outcome": h.outcome,
        **pair,
        "words": " ".join(headline_lines(h)[1:]),
        "thirds": {
            "least_regular": third(h.least_regular),
            "most_regular": third(h.most_regular),
        },
        "lags": [
            {"lag": lag, "rho": _number(x.rho), "p": _number(x.p, None), "q": _number(x.q, None)}
            for lag, x in zip((1, 2, 3), h.lags, strict=False)
        ],
    }


def to_json(stats: Stats) -> dict[str, Any]:
    """The `stats --json` contract of design §7."""
    regularity = {k: _number(v) for k, v in stats.regularity.items()}
    regularity = {
        k: regularity[k]
        for k in (
            "sri",
            "sri_days",
            "sjl_min",
            "msw_clock_min",
            "msf_clock_min",
            "msfsc_clock_min",
            "cpd_h",
        )
    }
    return {
        "range": {
            "from": stats.start.isoformat() if stats.start else None,
            "to": stats.end.isoformat() if stats.end else None,
            "nights": stats.nights,
        },
        "headline": _headline_json(stats.headline),
        "means": {k: _number(stats.means[k]) for k in MEAN_KEYS},
        "timing": {k: _number(v) for k, v in stats.timing.items()},
        "regularity": regularity,
        "correlations": [
            {
                "predictor": c.predictor,
                "outcome": c.outcome,
                "n": c.n,
                "n_eff": _number(c.n_eff),
                "rho": _number(c.rho),
                "ci95": [_number(c.ci95[0]), _number(c.ci95[1])] if c.ci95 else None,
                "p": _number(c.p, None),
                "q": _number(c.q, None),
            }
            for c in stats.correlations
        ],
        "agreement": [
            {
                "measure": a.measure,
                "source": a.source,
                "n": a.n,
                "mean_difference_min": _number(a.mean),
                "loa95": [_number(a.lo), _number(a.hi)] if a.lo is not None else None,
            }
            for a in stats.agreement
        ],
    }
