"""The documentation keeps up with the code and with itself.

- Every public name of a rule family is documented on its reference page, as `` `Name` ``
  in a heading or a table (a name added to an ``__all__`` without a reference entry turns
  this red). Presets go to the page of what they return: an ``SlaPolicy`` to the SLA
  reference, a ``CoveragePolicy`` to the coverage reference. The foundation names of
  ``supportrules`` (money, reasons, channels, errors) go to ``foundation.md``.
- Every relative link in README.md and docs/ points to a file that exists, and a
  ``#anchor`` to a heading of that file, with GitHub's slug rules.

The doctests of the same pages run through ``--doctest-glob='*.md'``.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import supportrules
import supportrules.calendars
import supportrules.coverage
import supportrules.presets
import supportrules.sla
from supportrules.coverage import CoveragePolicy
from supportrules.sla import SlaPolicy

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
PAGES = sorted([ROOT / "README.md", *DOCS.rglob("*.md")])

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
CODE_SPAN = re.compile(r"`[^`]*`")
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")


# -- reading markdown -------------------------------------------------------------------


def prose_lines(page: Path) -> Iterator[tuple[int, str]]:
    """The lines of ``page`` outside fenced code blocks, numbered from 1."""
    fenced = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: the rendered text, lower-cased, punctuation other
    than '-' and '_' dropped, each space turned into '-'."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link reads as its text
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every heading anchor of ``page``; repeated headings get ``-1``, ``-2``... as on
    GitHub."""
    seen: dict[str, int] = {}
    found: set[str] = set()
    for _, line in prose_lines(page):
        match = HEADING.match(line)
        if match is None:
            continue
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def documented_names(page: Path) -> set[str]:
    """The names written as `` `Name` `` in a heading or a table row of ``page``."""
    names: set[str] = set()
    for _, line in prose_lines(page):
        if HEADING.match(line) or line.lstrip().startswith("|"):
            names.update(span.strip("`").strip() for span in CODE_SPAN.findall(line))
    return names


def relative_links(page: Path) -> Iterator[tuple[int, str]]:
    """The links of ``page`` that stay inside the repository (no scheme), with their line."""
    for number, line in prose_lines(page):
        text = CODE_SPAN.sub("code", line)  # `[x](y)` in code is not a link
        targets = [m.group(1) for m in INLINE_LINK.finditer(text)]
        definition = REFERENCE_LINK.match(text)
        if definition is not None:
            targets.append(definition.group(1))
        for target in targets:
            if not SCHEME.match(target):
                yield number, target


def _link_cases() -> list[tuple[Path, int, str]]:
    return [(page, number, target) for page in PAGES for number, target in relative_links(page)]


LINKS = _link_cases()


# -- which page documents which name -----------------------------------------------------


def _preset_page(name: str) -> Path:
    preset: Callable[..., object] = getattr(supportrules.presets, name)
    returns = typing.get_type_hints(preset)["return"]
    pages: dict[type, Path] = {
        SlaPolicy: REFERENCE / "sla.md",
        CoveragePolicy: REFERENCE / "coverage.md",
    }
    assert returns in pages, f"presets.{name} returns {returns!r}: which reference page?"
    return pages[returns]


def _foundation_names() -> list[str]:
    """The names of ``supportrules.__all__`` that no family reference page owns."""
    calendars = set(supportrules.calendars.__all__)
    return [
        name
        for name in supportrules.__all__
        if name not in calendars and not isinstance(getattr(supportrules, name), types.ModuleType)
    ]


def _name_cases() -> list[tuple[str, Path]]:
    cases: list[tuple[str, Path]] = []
    for module, page in (
        (supportrules.calendars, REFERENCE / "calendars.md"),
        (supportrules.sla, REFERENCE / "sla.md"),
        (supportrules.coverage, REFERENCE / "coverage.md"),
    ):
        cases += [(f"{module.__name__}.{name}", page) for name in module.__all__]
    cases += [
        (f"supportrules.presets.{name}", _preset_page(name))
        for name in supportrules.presets.__all__
    ]
    cases += [(f"supportrules.{name}", REFERENCE / "foundation.md") for name in _foundation_names()]
    return cases


NAMES = _name_cases()


# -- the tests ----------------------------------------------------------------------------


class TestReferencePages:
    @pytest.mark.parametrize(
        ("qualified", "page"), NAMES, ids=[qualified for qualified, _ in NAMES]
    )
    def test_every_public_name_is_documented_on_its_reference_page(
        self, qualified: str, page: Path
    ) -> None:
        name = qualified.rsplit(".", 1)[1]
        assert page.exists(), f"{page.relative_to(ROOT)} is missing"
        assert name in documented_names(page), (
            f"{qualified} is public but {page.relative_to(ROOT)} has no heading or table "
            f"row with `{name}`"
        )

    def test_the_families_are_all_covered(self) -> None:
        modules = {qualified.rsplit(".", 1)[0] for qualified, _ in NAMES}
        assert {
            "supportrules",
            "supportrules.calendars",
            "supportrules.coverage",
            "supportrules.presets",
            "supportrules.sla",
        } <= modules


class TestLinks:
    def test_the_pages_have_relative_links(self) -> None:
        assert len(LINKS) > 20  # the scanner finds links at all

    @pytest.mark.parametrize(
        ("page", "line", "target"),
        LINKS,
        ids=[f"{page.relative_to(ROOT)}:{line}:{target}" for page, line, target in LINKS],
    )
    def test_every_relative_link_points_to_a_file_and_heading_that_exist(
        self, page: Path, line: int, target: str
    ) -> None:
        where = f"{page.relative_to(ROOT)}:{line}"
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{where}: {target} points to a file that does not exist"
        if anchor:
            assert linked.suffix == ".md", f"{where}: {target} has an anchor into a non-page"
            assert anchor in anchors(linked), (
                f"{where}: {target}: {linked.relative_to(ROOT)} has no heading with the "
                f"anchor #{anchor}"
            )


class TestSlugs:
    @pytest.mark.parametrize(
        ("heading", "expected"),
        [
            ("Daylight saving time: gaps and folds", "daylight-saving-time-gaps-and-folds"),
            ("`BusinessCalendar`", "businesscalendar"),
            ("The cutoff and the same-day cap", "the-cutoff-and-the-same-day-cap"),
            ("Why does `timedelta(days=1)` not mean it?", "why-does-timedeltadays1-not-mean-it"),
            ("Seed 001: OneBox support (Ukrainian)", "seed-001-onebox-support-ukrainian"),
            ("`Acknowledged`, `Paused`", "acknowledged-paused"),
            ("A [link](x.md) in a heading", "a-link-in-a-heading"),
            ("snake_case and a – dash", "snake_case-and-a--dash"),
        ],
        ids=["colon", "code", "hyphen", "parentheses", "digits", "comma", "link", "underscore"],
    )
    def test_headings_slug_like_github(self, heading: str, expected: str) -> None:
        assert slug(heading) == expected
