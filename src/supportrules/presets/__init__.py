"""Policies of the published seed documents, one module per source.

Every number a seed gives is a default of a policy object here, never a constant in
the rules: another vendor runs the same rules with its own numbers.
"""
