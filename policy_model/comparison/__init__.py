"""Comparing policy records: side-by-side matrices, coverage-aware diffs, change lists.

- :mod:`.matrix`: the tables the comparison pages show (one column per policy).
- :mod:`.diff`: a classified comparison of two records (changed / added / removed /
  only in one document / same), aware of what each document addresses.
"""
