"""Printable HTML made from the data: self-contained pages with print CSS, every text escaped.

- :mod:`.report`: the full comparison report and the wizard's checklist;
- :mod:`.handout`: a one-page hand-out of a side-by-side comparison;
- :mod:`.timeline_handout`: a one-page hand-out of the timeline.
"""
