"""A walk through every rule family of supportrules, with real output (`make demo`).

Each section lives in its own module beside this file and can run alone:
business calendars, SLA deadlines and live status, coverage classification.
"""

from __future__ import annotations

import tour_calendars
import tour_coverage
import tour_sla


def main() -> None:
    for section in (tour_calendars.main, tour_sla.main, tour_coverage.main):
        section()


if __name__ == "__main__":
    main()
