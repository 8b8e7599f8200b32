"""Sleep science over core records: series, regularity, correlations, stats. No Qt."""
