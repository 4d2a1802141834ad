"""Seed 002 tracker states, both directions: decision -> (category, status) -> meaning."""

from __future__ import annotations

import pytest

from supportrules.coverage import (
    CoverageOutcome,
    TrackerConvention,
    TrackerMeaningOutcome,
    TrackerState,
    meaning_of,
)
from supportrules.errors import InvalidPolicyError

NOT_YET = "not yet accepted as a support call"
ACCEPTED = "accepted under the contract"
ADVISORY = "an advisory request: a proposal follows"

# SPEC §4 / seed 002: outcome -> tracker state -> what the customer reads.
FORWARD = [
    pytest.param("incomplete", "Call", "New", NOT_YET, id="incomplete"),
    pytest.param("channel_not_allowed", "Call", "New", NOT_YET, id="channel-not-allowed"),
    pytest.param("requires_paid_plan", "Call", "New", NOT_YET, id="requires-paid-plan"),
    pytest.param("covered", "Call", "Approved", ACCEPTED, id="covered"),
    pytest.param("billable", "Call", "Approved", ACCEPTED, id="billable"),
    pytest.param("advisory", "Advisory", "New", ADVISORY, id="advisory"),
]

# Seed 002's three bullets, with the "or anything else" and "other than Call" cases.
BACKWARD = [
    pytest.param("Call", "New", "not_yet_accepted", NOT_YET, id="call-new"),
    pytest.param("Call", "Approved", "accepted", ACCEPTED, id="call-approved"),
    pytest.param("Call", "In progress", "accepted", ACCEPTED, id="call-anything-else"),
    pytest.param("Call", "Closed", "accepted", ACCEPTED, id="call-closed"),
    pytest.param("Advisory", "New", "advisory", ADVISORY, id="advisory-new"),
    pytest.param("Consultancy", "Approved", "advisory", ADVISORY, id="any-other-category"),
    pytest.param(" call ", "new", "not_yet_accepted", NOT_YET, id="case-and-spaces-ignored"),
]


class TestDecisionToTrackerState:
    @pytest.mark.parametrize(("outcome", "category", "status", "meaning"), FORWARD)
    def test_each_outcome_has_its_seed_002_state(
        self, outcome: str, category: str, status: str, meaning: str
    ) -> None:
        state = TrackerConvention().state_for(outcome)
        assert state == TrackerState(category=category, status=status)

    @pytest.mark.parametrize(("outcome", "category", "status", "meaning"), FORWARD)
    def test_the_state_reads_back_as_what_the_outcome_means(
        self, outcome: str, category: str, status: str, meaning: str
    ) -> None:
        state = TrackerConvention().state_for(CoverageOutcome(outcome))
        assert state.meaning().text == meaning

    def test_a_vendor_with_other_words_keeps_the_round_trip(self) -> None:
        tracker = TrackerConvention(
            call_category="Ticket",
            new_status="Open",
            approved_status="Accepted",
            advisory_category="Quote",
            advisory_status="Draft",
        )
        for outcome in CoverageOutcome:
            state = tracker.state_for(outcome)
            meaning = state.meaning(tracker)
            expected = {
                CoverageOutcome.COVERED: TrackerMeaningOutcome.ACCEPTED,
                CoverageOutcome.BILLABLE: TrackerMeaningOutcome.ACCEPTED,
                CoverageOutcome.ADVISORY: TrackerMeaningOutcome.ADVISORY,
            }.get(outcome, TrackerMeaningOutcome.NOT_YET_ACCEPTED)
            assert meaning.outcome is expected


class TestTrackerStateToMeaning:
    @pytest.mark.parametrize(("category", "status", "outcome", "text"), BACKWARD)
    def test_the_customer_reads_what_a_state_means(
        self, category: str, status: str, outcome: str, text: str
    ) -> None:
        meaning = meaning_of(category, status)
        assert meaning.outcome is TrackerMeaningOutcome(outcome)
        assert meaning.text == text
        assert meaning.accepted is (outcome == "accepted")
        assert meaning.advisory is (outcome == "advisory")

    def test_the_meaning_has_a_reason_with_its_source(self) -> None:
        meaning = meaning_of("Advisory", "New")
        assert meaning.codes == ("coverage.tracker_advisory",)
        assert meaning.reasons[0].source == "TrackerConvention.call_category"
        assert str(meaning) == "advisory: an advisory request: a proposal follows."

    def test_the_state_is_kept_as_given(self) -> None:
        assert meaning_of(" Call ", "New").state == TrackerState(category="Call", status="New")

    @pytest.mark.parametrize(
        ("category", "status"),
        [
            pytest.param("", "New", id="empty-category"),
            pytest.param("Call", "  ", id="blank-status"),
        ],
    )
    def test_an_empty_category_or_status_is_refused(self, category: str, status: str) -> None:
        with pytest.raises(ValueError, match="at least 1 character"):
            meaning_of(category, status)


class TestTrackerConvention:
    def test_the_advisory_category_must_differ_from_the_call_category(self) -> None:
        with pytest.raises(InvalidPolicyError, match="advisory_category: 'call'"):
            TrackerConvention(advisory_category="call")

    def test_accepted_must_look_different_from_new(self) -> None:
        with pytest.raises(InvalidPolicyError, match="approved_status"):
            TrackerConvention(approved_status="NEW")

    def test_the_convention_round_trips_through_json(self) -> None:
        tracker = TrackerConvention(advisory_category="Advies")
        assert TrackerConvention.model_validate_json(tracker.model_dump_json()) == tracker
