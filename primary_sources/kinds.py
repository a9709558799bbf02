"""The kinds of primary source and the voices from below (plain Python, read by the pack reader)."""

KINDS = [
    (kind, kind.capitalize())
    for kind in (
        "letter diary speech decree poster photograph statistics memoir petition newspaper "
        "report law interview"
    ).split()
]
#: Voices from below: the people a source speaks for when they are not rulers or officials.
VOICES = [
    ("workers", "Workers"),
    ("peasants", "Peasants"),
    ("soldiers", "Soldiers"),
    ("women", "Women"),
    ("prisoners", "Prisoners"),
    ("national-minorities", "National minorities"),
    ("children", "Children"),
]
