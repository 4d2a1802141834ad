"""Tour, section 1: business calendars (SPEC §2)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from supportrules import BusinessCalendar
from supportrules.explain import format_duration, format_instant

KYIV = ZoneInfo("Europe/Kyiv")
ISTANBUL = ZoneInfo("Europe/Istanbul")


def main() -> None:
    print("== Business calendars: deadlines in business time ==\n")
    k = BusinessCalendar.standard("Europe/Kyiv", "09:00-18:00")
    print(f"K = {k!r}")
    wed_1530 = datetime(2026, 11, 18, 15, 30, tzinfo=KYIV)
    for start, hours in [
        (datetime(2026, 11, 18, 10, tzinfo=KYIV), 8),
        (wed_1530, 12),
        (datetime(2026, 11, 21, 11, tzinfo=KYIV), 1),
        (datetime(2026, 11, 23, 10, tzinfo=KYIV), -2),
    ]:
        due = k.add(start, timedelta(hours=hours))
        print(f"  K.add({format_instant(start)}, {hours:+d} h) = {format_instant(due)}")
    friday, monday = (
        datetime(2026, 11, 20, 17, tzinfo=KYIV),
        datetime(2026, 11, 23, 10, tzinfo=KYIV),
    )
    print(f"  K.between(Fri 17:00, Mon 10:00) = {format_duration(k.between(friday, monday))}")
    close = k.close_of_day(datetime(2026, 11, 18, 19, tzinfo=KYIV))
    print(f"  K.close_of_day(Wed 19:00) = {format_instant(close)}")
    next_close = k.close_of_day(wed_1530, days=1)
    print(f"  end of next business day after Wed 15:30 = {format_instant(next_close)}")

    print("\nT = Türkiye from the holidays package (half day, then Republic Day):")
    t = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul", hours="09:00-18:00")
    print(
        "  "
        + t.explain_add(datetime(2026, 10, 28, 11, tzinfo=ISTANBUL), timedelta(hours=8)).explain()
    )

    print("\nA24 = Amsterdam around the clock; the night of 25 October has 25 hours:")
    a24 = BusinessCalendar.always_open("Europe/Amsterdam")
    start = datetime.fromisoformat("2026-10-24T12:00+02:00")
    print("  " + a24.explain_add(start, timedelta(hours=24)).explain())

    print("\nA million deadlines at once (add_many), for notebooks and pipelines:")
    starts = [wed_1530 + timedelta(minutes=7 * n) for n in range(5)]
    for start, due in zip(starts, k.add_many(starts, timedelta(hours=8)), strict=True):
        print(f"  {format_instant(start)} + 8 h -> {format_instant(due)}")
    print()


if __name__ == "__main__":
    main()
