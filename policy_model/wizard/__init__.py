""""Wat geldt voor mij?": a provider profile in, an assessment per insurer out.

- :mod:`.profile`: the profile, and input that forgives (ids or names, any case) and explains;
- :mod:`.rules`: the verdict, checklist, routes, deadlines and next step per insurer;
- :mod:`.batch`: many coaches from a CSV, bounded and streamed;
- :mod:`.assessment_output`: the assessment as JSON and as text for the command line.
"""
