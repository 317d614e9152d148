//! `alaqat annotate`: shows what extraction recognizes in a file, for lexicon maintainers.
//!
//! Per document: the text with recognized spans marked inline as `⟦text⟧{type:id}` (entities
//! by kind, dates as `⟦…⟧{date:2025-12-18}`), then the coded events, claims and commitments
//! with their evidence, and extraction's diagnostics. Needs no store.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use alaqat_model::{ClaimValue, Document, Extraction, Lang, Span, TimeSpan};
use alaqat_read::{Item, ReadOptions};
use anyhow::Context;

use crate::output::Output;

/// Annotates every document read from `path`; returns the inputs that failed (`source: reason`).
pub(crate) fn annotate(path: &Path, opts: &ReadOptions, out: &mut Output) -> anyhow::Result<Vec<String>> {
    let name = out.name();
    let mut failed = Vec::new();
    let mut result = Ok(());
    alaqat_read::read_path(path, opts, &mut |item| {
        if result.is_err() {
            return;
        }
        match item {
            Item::Failed(error) => failed.push(error.to_string()),
            Item::Doc(mut doc) => {
                if doc.lang == Lang::Unknown {
                    doc.lang = alaqat_text::detect_lang(&doc.text);
                }
                let extraction = alaqat_extract::extract(&doc);
                result = write_document(out, &doc, &extraction);
            }
        }
    });
    result.with_context(|| format!("cannot write {name}"))?;
    Ok(failed)
}

fn write_document(out: &mut dyn Write, doc: &Document, extraction: &Extraction) -> std::io::Result<()> {
    writeln!(out, "== {}", doc.source)?;
    let published = match (doc.published, extraction.inferred_published) {
        (Some(date), _) => date.value_string(),
        (None, Some(date)) => format!("{} (inferred)", date.value_string()),
        (None, None) => "unknown".to_owned(),
    };
    writeln!(
        out,
        "id {}  lang {}  format {}  encoding {}  published {published}",
        doc.id,
        doc.lang.code(),
        doc.format.name(),
        doc.encoding
    )?;
    if !extraction.flags.is_empty() {
        writeln!(out, "flags: {}", extraction.flags.join(", "))?;
    }
    writeln!(out)?;
    let (marked, hidden) = marked_text(doc, extraction);
    writeln!(out, "{}", marked.trim_end())?;
    if hidden > 0 {
        writeln!(out, "({hidden} overlapping spans not marked inline)")?;
    }

    writeln!(out, "\nevents ({}):", extraction.events.len())?;
    for event in &extraction.events {
        let actor = |a: &alaqat_model::Actor| match &a.entity {
            Some(entity) => format!("{} [{entity}]", a.code),
            None => a.code.clone(),
        };
        writeln!(
            out,
            "  {:<4} {} → {}  {}  {}  {:.2}  trigger «{}»  «{}»",
            event.code,
            actor(&event.source),
            actor(&event.target),
            date(event.date.as_ref()),
            event.modality.name(),
            event.confidence,
            quote(doc, event.trigger),
            quote(doc, event.evidence),
        )?;
    }
    writeln!(out, "claims ({}):", extraction.claims.len())?;
    for claim in &extraction.claims {
        let value = match &claim.value {
            ClaimValue::Date(date) => date.clone(),
            ClaimValue::Money(money) => format!(
                "{} {} {}{}",
                money.comparator,
                money.amount,
                money.currency,
                money.year.map(|year| format!(" ({year})")).unwrap_or_default()
            ),
        };
        writeln!(out, "  {}  {}  {value}  «{}»", claim.kind, claim.parties.join("-"), quote(doc, claim.evidence))?;
    }
    if !extraction.commitments.is_empty() {
        writeln!(out, "commitments ({}):", extraction.commitments.len())?;
        for commitment in &extraction.commitments {
            writeln!(
                out,
                "  {}  {}  due {}  «{}»",
                commitment.what,
                commitment.parties.join("-"),
                date(commitment.due.as_ref()),
                quote(doc, commitment.evidence)
            )?;
        }
    }
    for diagnostic in &extraction.diagnostics {
        writeln!(out, "note: {diagnostic}")?;
    }
    writeln!(out)
}

/// The text with entity and date spans marked; also the number of spans left unmarked because
/// they overlap an earlier one.
fn marked_text(doc: &Document, extraction: &Extraction) -> (String, usize) {
    let kinds: HashMap<&str, &str> = extraction
        .entities
        .iter()
        .map(|entity| (entity.id.as_str(), entity.kind.map_or("entity", |kind| kind.name())))
        .collect();
    let mut marks: Vec<(Span, String)> = extraction
        .mentions
        .iter()
        .map(|m| (m.span, format!("{}:{}", kinds.get(m.entity.as_str()).copied().unwrap_or("entity"), m.entity)))
        .chain(extraction.dates.iter().map(|d| (d.span, format!("date:{}", d.value.value_string()))))
        .filter(|(span, _)| span.slice(&doc.text).is_some() && !span.is_empty())
        .collect();
    marks.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut text = String::with_capacity(doc.text.len() + marks.len() * 24);
    let mut at = 0;
    let mut hidden = 0;
    for (span, label) in marks {
        if span.start < at {
            hidden += 1;
            continue;
        }
        text.push_str(&doc.text[at..span.start]);
        text.push('⟦');
        text.push_str(&doc.text[span.start..span.end]);
        text.push_str("⟧{");
        text.push_str(&label);
        text.push('}');
        at = span.end;
    }
    text.push_str(&doc.text[at..]);
    (text, hidden)
}

fn date(date: Option<&TimeSpan>) -> String {
    date.map_or_else(|| "-".to_owned(), TimeSpan::value_string)
}

/// The evidence text on one line.
fn quote(doc: &Document, span: Span) -> String {
    span.slice(&doc.text).unwrap_or("?").split_whitespace().collect::<Vec<_>>().join(" ")
}
