"""Sleep science over core records: series, regularity, correlations, stats. No Qt.

``association(dates, x, y, free=None)`` is the one test of whether two daily series go
together (``within_person``); Insights, `stats` and the benchmarks all call it.
"""

from .within_person import Association, association

__all__ = ["Association", "association"]
