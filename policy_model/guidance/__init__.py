"""The ZonMw handreiking beside the policies: cross-references and the checklist borging."""
