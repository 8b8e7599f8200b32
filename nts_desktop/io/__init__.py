"""CSV (and later device and app formats) to and from core records. No Qt."""
