"""The licence of Clio's text and figures, named the same way on every page and in every export."""

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_WITH_URL = f"{LICENCE} ({LICENCE_URL})"
