use crate::{actor, commitment, day, document, event, range, Fixture};
use alaqat_corpus::{analyze, CommitmentStatus};
use alaqat_model::{Commitment, Date, Event, Extraction, Modality, Precision, TimeSpan};

fn q1_2026() -> Option<TimeSpan> {
    range("2026-01-01", "2026-03-31", Precision::Quarter)
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The commitment document (published 2025-12-18) and, optionally, a later report.
fn fixture(commitments: Vec<Commitment>, later: Vec<Event>) -> Fixture {
    let mut fx = Fixture::new();
    fx.add(
        document("promise", day("2025-12-18"), "اتفق الجانبان على عقد الاجتماع المقبل"),
        Extraction { commitments, ..Extraction::default() },
    );
    fx.add(
        document("report", day("2026-02-11"), "عقد في أستانا اجتماع"),
        Extraction { events: later, ..Extraction::default() },
    );
    fx
}

fn meeting(code: &str, date: Option<TimeSpan>) -> Event {
    event("e1", code, actor("KAZ", None), actor("SAU", None), date)
}

#[test]
fn names() {
    assert_eq!(CommitmentStatus::Pending.name(), "pending");
    assert_eq!(CommitmentStatus::Fulfilled { fused: 3 }.name(), "fulfilled");
    assert_eq!(CommitmentStatus::Overdue.name(), "overdue");
}

#[test]
fn a_meeting_inside_the_due_range_fulfils() {
    let fx = fixture(
        vec![commitment("next meeting of interior ministry officials", q1_2026())],
        vec![meeting("040", day("2026-02-10"))],
    );
    let corpus = analyze(&fx.docs(), d("2026-04-15"));
    let fused = corpus.event_fused[1][0];
    assert_eq!(corpus.commitment_status[0], vec![CommitmentStatus::Fulfilled { fused }]);
    assert!(corpus.commitment_status[1].is_empty());
}

#[test]
fn pending_before_due_end_and_overdue_after() {
    let fx = fixture(vec![commitment("عقد الاجتماع المقبل لمسؤولي وزارتي الداخلية", q1_2026())], vec![]);
    assert_eq!(analyze(&fx.docs(), d("2026-01-15")).commitment_status[0], vec![CommitmentStatus::Pending]);
    assert_eq!(analyze(&fx.docs(), d("2026-03-31")).commitment_status[0], vec![CommitmentStatus::Pending]);
    assert_eq!(analyze(&fx.docs(), d("2026-04-01")).commitment_status[0], vec![CommitmentStatus::Overdue]);
}

#[test]
fn what_does_not_fulfil() {
    let as_of = d("2026-05-01");
    let c = || vec![commitment("next meeting of interior ministry officials", q1_2026())];
    // An intention to meet (036) is another promise.
    let fx = fixture(c(), vec![meeting("036", day("2026-02-10"))]);
    assert_eq!(analyze(&fx.docs(), as_of).commitment_status[0], vec![CommitmentStatus::Overdue]);
    // A meeting that is only expected.
    let mut planned = meeting("040", day("2026-02-10"));
    planned.modality = Modality::Expected;
    let fx = fixture(c(), vec![planned]);
    assert_eq!(analyze(&fx.docs(), as_of).commitment_status[0], vec![CommitmentStatus::Overdue]);
    // A meeting after the due range, or with other parties.
    let fx = fixture(c(), vec![meeting("040", day("2026-04-10"))]);
    assert_eq!(analyze(&fx.docs(), as_of).commitment_status[0], vec![CommitmentStatus::Overdue]);
    let fx = fixture(c(), vec![event("e1", "040", actor("KAZ", None), actor("UZB", None), day("2026-02-10"))]);
    assert_eq!(analyze(&fx.docs(), as_of).commitment_status[0], vec![CommitmentStatus::Overdue]);
    // A signing does not fulfil a promised meeting.
    let fx = fixture(c(), vec![meeting("057", day("2026-02-10"))]);
    assert_eq!(analyze(&fx.docs(), as_of).commitment_status[0], vec![CommitmentStatus::Overdue]);
    // Not yet happened as of the date we reason at.
    let fx = fixture(c(), vec![meeting("040", day("2026-02-10"))]);
    assert_eq!(analyze(&fx.docs(), d("2026-02-01")).commitment_status[0], vec![CommitmentStatus::Pending]);
}

#[test]
fn signing_commitment_needs_057() {
    let c = || vec![commitment("توقيع اتفاقية للتعاون الأمني", q1_2026())];
    let fx = fixture(c(), vec![meeting("057", day("2026-03-02"))]);
    assert!(matches!(analyze(&fx.docs(), d("2026-05-01")).commitment_status[0][0], CommitmentStatus::Fulfilled { .. }));
    let fx = fixture(c(), vec![meeting("042", day("2026-03-02"))]);
    assert_eq!(analyze(&fx.docs(), d("2026-05-01")).commitment_status[0], vec![CommitmentStatus::Overdue]);
}

#[test]
fn without_due_a_year_after_publication_counts() {
    let c = || vec![commitment("joint committees to follow up implementation", None)];
    let fx = fixture(c(), vec![meeting("040", day("2026-02-10"))]);
    assert!(matches!(analyze(&fx.docs(), d("2026-05-01")).commitment_status[0][0], CommitmentStatus::Fulfilled { .. }));
    // More than a year later: still pending (never overdue without a due date).
    let fx = fixture(c(), vec![meeting("040", day("2027-02-10"))]);
    assert_eq!(analyze(&fx.docs(), d("2027-05-01")).commitment_status[0], vec![CommitmentStatus::Pending]);
    // The meeting where the promise was made does not fulfil it.
    let fx = fixture(c(), vec![meeting("040", day("2025-12-18"))]);
    assert_eq!(analyze(&fx.docs(), d("2026-05-01")).commitment_status[0], vec![CommitmentStatus::Pending]);
}

#[test]
fn among_many_candidates_the_first_fulfilling_fused_event_is_chosen() {
    let mut fx = Fixture::new();
    fx.add(
        document("promise", day("2025-12-18"), "اتفق الجانبان على عقد الاجتماع المقبل"),
        Extraction {
            commitments: vec![commitment("next meeting of interior ministry officials", q1_2026())],
            ..Extraction::default()
        },
    );
    // Meetings and signings with the parties and others, inside and outside the window.
    let reports = [
        ("2026-03-20", "040", "SAU"),
        ("2026-01-05", "057", "SAU"),
        ("2026-02-10", "042", "SAU"),
        ("2026-01-20", "040", "UZB"),
        ("2026-04-02", "040", "SAU"),
        ("2026-01-25", "043", "SAU"),
        ("2025-11-30", "040", "SAU"),
    ];
    for (i, (when, code, other)) in reports.iter().enumerate() {
        let text = format!("تقرير رقم {i} عن لقاء في {when}");
        let events = vec![event("e1", code, actor("KAZ", None), actor(other, None), day(when))];
        fx.add(document(&format!("r{i}"), day(when), &text), Extraction { events, ..Extraction::default() });
    }
    let corpus = analyze(&fx.docs(), d("2026-05-01"));
    // What a plain scan of every fused event finds first.
    let (start, end) = (d("2026-01-01"), d("2026-03-31"));
    let expected = corpus.fused.iter().position(|f| {
        let date = f.date.expect("every report is dated");
        f.code.starts_with("04") && f.target.country() == Some("SAU") && start <= date.start && date.end <= end
    });
    let expected = expected.expect("three meetings fall in the window");
    assert_eq!(corpus.commitment_status[0], vec![CommitmentStatus::Fulfilled { fused: expected }]);
}
