"""How many answers each line predicate keeps.

The line predicates (is this a caption, a stamp, a title?) are pure functions of a line's
text, and one page asks them about the same lines many times over while it is read: a
bounded cache answers the repeats. Bounded, so memory stays flat over any number of pages.
"""

from __future__ import annotations

PREDICATE_CACHE = 2048
# Dateline answers are kept longer: the same lines come back across the dumps of one run
# (furniture, teasers, stamps), and each answer costs a search of the line.
DATELINE_CACHE = 4096
