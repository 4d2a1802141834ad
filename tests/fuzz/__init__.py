"""Fuzz tests: every public constructor and function raises only our errors (SPEC §1)."""
