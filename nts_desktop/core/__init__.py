"""Pure records, time rules and per-night measures: standard library only, no Qt."""
