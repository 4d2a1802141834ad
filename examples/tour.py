"""A walk through every rule family of supportrules, with real output (`make demo`).

Each section lives in its own module beside this file and can run alone.
"""

from __future__ import annotations

import tour_calendars
import tour_coverage

SECTIONS = [tour_calendars.main, tour_coverage.main]

try:  # the SLA section lands with the SLA engine's tests and guide
    import tour_sla

    SECTIONS.insert(1, tour_sla.main)
except ImportError:  # pragma: no cover - only while the section is being written
    pass


def main() -> None:
    for section in SECTIONS:
        section()


if __name__ == "__main__":
    main()
