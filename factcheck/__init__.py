"""Clio's editorial fact checker.

`factcheck.claims` reads article text and finds the dated statements in it; `factcheck.judge`
matches them to the course chronology and reports the ones the chronology contradicts.
Both are pure Python: the database and the admin are wired to them elsewhere.
"""
