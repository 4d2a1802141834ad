"""Tests of the business calendar (SPEC §2)."""
