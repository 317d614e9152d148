//! The corpus-level listings: `events`, `timeline`, `conflicts` and `commitments`, as aligned
//! tables for people or as JSON (and, for events, GDELT-like CSV) for programs.

use std::io::Write;

use alaqat_corpus::FusedEvent;
use alaqat_model::TimeSpan;
use anyhow::Context;
use serde::Serialize;

use crate::gdelt;
use crate::output::Output;
use alaqat_export::{planned, Analysis, ConflictOut, DateOut, EventFilter, FusedOut};

/// How a listing is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ListFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON array.
    Json,
    /// GDELT-like columns (see `export --format csv`), with a UTF-8 byte order mark.
    Csv,
}

/// How a listing without CSV is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum TableFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON array.
    Json,
}

/// `alaqat events`: the fused events that pass `filter`, in date order (undated last).
pub(crate) fn events(
    analysis: &Analysis,
    filter: &EventFilter,
    format: ListFormat,
    out: &mut Output,
) -> anyhow::Result<usize> {
    let events: Vec<&FusedEvent> = analysis.corpus.fused.iter().filter(|f| filter.accepts(f)).collect();
    write_events(analysis, &events, format, out)?;
    Ok(events.len())
}

/// `alaqat timeline A B`: the dyad's fused events in date order. Unless `all`, only what
/// happened: undated events and planned ones are left out — modality expected or proposed, or
/// dated after the report that gives them was published (a report cannot tell what has not
/// happened yet, whatever its wording). Returns how many were listed and how many left out.
pub(crate) fn timeline(
    analysis: &Analysis,
    a: &str,
    b: &str,
    all: bool,
    format: ListFormat,
    out: &mut Output,
) -> anyhow::Result<(usize, usize)> {
    let mut events = alaqat_corpus::timeline(&analysis.corpus, a, b);
    let before = events.len();
    if !all {
        events.retain(|f| f.date.is_some() && !planned(analysis, f));
    }
    write_events(analysis, &events, format, out)?;
    Ok((events.len(), before - events.len()))
}

/// A fused event as listed: the export's fields plus what a reader needs.
#[derive(Serialize)]
struct ListedEvent<'a> {
    #[serde(flatten)]
    fused: FusedOut<'a>,
    /// English name of the CAMEO code.
    description: &'static str,
    /// The best member's evidence sentence and its document's source.
    evidence: EvidenceOut<'a>,
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    document: &'a str,
    text: &'a str,
}

fn write_events(
    analysis: &Analysis,
    events: &[&FusedEvent],
    format: ListFormat,
    out: &mut Output,
) -> anyhow::Result<()> {
    let name = out.name();
    match format {
        ListFormat::Json => {
            let listed: Vec<ListedEvent<'_>> = events
                .iter()
                .map(|f| ListedEvent {
                    fused: FusedOut::new(f, analysis),
                    description: alaqat_model::cameo::describe(&f.code),
                    evidence: EvidenceOut { document: analysis.source(f.best.0), text: analysis.evidence(f) },
                })
                .collect();
            write_json(&listed, out)
        }
        ListFormat::Csv => {
            let rows = events.iter().map(|f| gdelt::Row::new(f, analysis));
            gdelt::write_csv(rows, out).with_context(|| format!("cannot write {name}"))
        }
        ListFormat::Table => {
            let header =
                ["DATE", "CODE", "DESCRIPTION", "SOURCE → TARGET", "GOLDSTEIN", "MODALITY", "SOURCES", "EVIDENCE"];
            let rows = events
                .iter()
                .map(|f| {
                    vec![
                        f.date.as_ref().map_or_else(|| "undated".to_owned(), show_date),
                        f.code.clone(),
                        alaqat_model::cameo::describe(&f.code).to_owned(),
                        format!("{} → {}", f.source.code, f.target.code),
                        format!("{:+.1}", f.goldstein),
                        f.modality.name().to_owned(),
                        Analysis::distinct_documents(f).to_string(),
                        trim(analysis.evidence(f), 100),
                    ]
                })
                .collect();
            write_table(&header, rows, out)
        }
    }
}

/// `alaqat conflicts`: claims that contradict each other.
pub(crate) fn conflicts(analysis: &Analysis, format: TableFormat, out: &mut Output) -> anyhow::Result<usize> {
    let conflicts = &analysis.corpus.conflicts;
    match format {
        TableFormat::Json => {
            let listed: Vec<ConflictOut<'_>> = conflicts.iter().map(|c| ConflictOut::new(c, analysis)).collect();
            write_json(&listed, out)?;
        }
        TableFormat::Table => {
            let mut rows = Vec::new();
            for conflict in conflicts {
                for value in &conflict.values {
                    let mut documents: Vec<&str> = value.documents.iter().map(|&d| analysis.source(d)).collect();
                    documents.dedup();
                    rows.push(vec![
                        conflict.kind.clone(),
                        conflict.parties.join("–"),
                        value.value.clone(),
                        documents.join(", "),
                    ]);
                }
            }
            write_table(&["KIND", "PARTIES", "VALUE", "DOCUMENTS"], rows, out)?;
        }
    }
    Ok(conflicts.len())
}

#[derive(Serialize)]
struct CommitmentListed<'a> {
    what: &'a str,
    parties: &'a [String],
    due: Option<DateOut>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    fulfilled_by: Option<&'a str>,
    document: &'a str,
    evidence: &'a str,
}

/// `alaqat commitments`: every commitment with its status as of the analysis date.
pub(crate) fn commitments(analysis: &Analysis, format: TableFormat, out: &mut Output) -> anyhow::Result<usize> {
    let mut listed = Vec::new();
    for (d, stored) in analysis.stored.iter().enumerate() {
        for (c, commitment) in stored.extraction.commitments.iter().enumerate() {
            let (status, fulfilled_by) = analysis.corpus.commitment(d, c);
            let fulfilled_by = fulfilled_by.map(|f| f.id.as_str());
            listed.push(CommitmentListed {
                what: &commitment.what,
                parties: &commitment.parties,
                due: commitment.due.as_ref().map(DateOut::new),
                status: status.name(),
                fulfilled_by,
                document: &stored.document.source,
                evidence: commitment.evidence.slice(&stored.document.text).unwrap_or(""),
            });
        }
    }
    match format {
        TableFormat::Json => write_json(&listed, out)?,
        TableFormat::Table => {
            let rows = analysis
                .stored
                .iter()
                .flat_map(|s| s.extraction.commitments.iter())
                .zip(&listed)
                .map(|(commitment, c)| {
                    vec![
                        trim(c.what, 60),
                        c.parties.join("–"),
                        commitment.due.as_ref().map_or_else(|| "—".to_owned(), show_date),
                        c.fulfilled_by.map_or_else(|| c.status.to_owned(), |f| format!("{} ({f})", c.status)),
                        c.document.to_owned(),
                    ]
                })
                .collect();
            write_table(&["WHAT", "PARTIES", "DUE", "STATUS", "DOCUMENT"], rows, out)?;
        }
    }
    Ok(listed.len())
}

/// `2025-12-18 (day)`, `1994 (year)`, `2026-01-01/2026-03-31 (quarter)`.
fn show_date(date: &TimeSpan) -> String {
    format!("{} ({})", date.value_string(), date.precision.name())
}

/// `text` on one line, cut to about `max` characters with `…`.
fn trim(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let mut cut: String = line.chars().take(max).collect();
    if let Some(space) = cut.rfind(' ').filter(|&i| i > max / 2) {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

fn write_json(value: &impl Serialize, out: &mut Output) -> anyhow::Result<()> {
    let name = out.name();
    serde_json::to_writer_pretty(&mut *out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .with_context(|| format!("cannot write {name}"))
}

/// Writes a header and rows in columns padded to their widest cell (by characters); the last
/// column is not padded.
fn write_table(header: &[&str], rows: Vec<Vec<String>>, out: &mut Output) -> anyhow::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut text = String::new();
    let header = header.iter().map(|h| (*h).to_owned()).collect();
    for row in std::iter::once(header).chain(rows) {
        let last = row.len().saturating_sub(1);
        for (i, cell) in row.iter().enumerate() {
            text.push_str(cell);
            if i < last {
                let pad = widths[i] - cell.chars().count() + 2;
                text.extend(std::iter::repeat_n(' ', pad));
            }
        }
        text.push('\n');
    }
    let name = out.name();
    out.write_all(text.as_bytes()).with_context(|| format!("cannot write {name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_cuts_at_a_word_and_marks_it() {
        assert_eq!(trim("a  b\nc", 10), "a b c");
        let long = "word ".repeat(40);
        let cut = trim(&long, 100);
        assert!(cut.ends_with('…') && cut.chars().count() <= 101, "{cut}");
    }
}
