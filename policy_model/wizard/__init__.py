""""Wat geldt voor mij?": a provider profile in, an assessment per insurer out.

- :mod:`.profile`: the profile, and input that forgives (ids or names, any case) and explains;
- :mod:`.forms`: whether a contract route fits what an organisation is or does;
- :mod:`.routes`: the route rules, one function per document rule;
- :mod:`.holding`: which requirements hold for the routes an organisation fits by what it does;
- :mod:`.checklist`, :mod:`.participants`, :mod:`.programmes`: requirements, who may take part,
  programmes and registers;
- :mod:`.timing`, :mod:`.next_step`: what today means, the actions and the next step;
- :mod:`.rules`: the order of an assessment (``assess``, ``assess_policy``);
- :mod:`.models`, :mod:`.labels`: the output and its fixed words;
- :mod:`.report`, :mod:`.assessment_output`: the printable checklist, JSON and text;
- :mod:`.batch`: many coaches from a CSV, bounded and streamed.
"""
