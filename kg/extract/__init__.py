"""Extractors: parsed documents in, dyadic events out."""
