"""Curator tools for keeping the dataset current: bring in a new source document, carry a
policy record forward to a new year, locate quotes under their section headings, and
compute which published policy years the dataset lacks.

Nothing here is imported by the app at start-up except :mod:`.calendar` (missing years)
and :mod:`.drafts` (which records to hide).
"""
