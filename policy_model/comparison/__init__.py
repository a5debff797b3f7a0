"""Comparing policy records: side-by-side rows, statement matching, coverage-aware diffs.

- :mod:`.matrix` and :mod:`.text_rows`: what the comparison pages show (one column per
  record), role-aware ("alleen voor <rol>", deferrals quoted).
- :mod:`.matching`: which statement of one record continues which of another (lineage
  first, then kind, topic, roles and text similarity).
- :mod:`.diff_items` and :mod:`.diff`: a classified comparison of two records that calls
  something changed, added or removed only where both documents settle it; the documents'
  own change lists once each. :mod:`.diff_output`: its JSON and text.
- :mod:`.wording`: words changed, between matched statements only. :mod:`.selection`: which
  records a comparison shows and how a link names them.
"""
