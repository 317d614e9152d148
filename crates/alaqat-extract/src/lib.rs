//! Extraction: here is a document's text and publication date, give me its entities, dates,
//! events coded in CAMEO, and claims — each with the span that proves it.
//!
//! Everything here is pure: no IO, no clock. Lexicons are data files in `data/` (format in
//! `data/README.md`), compiled into the binary and into one automaton at first use. Relative
//! dates resolve against the publication date; when a document has none, the latest full date
//! the text states stands in for it, marked inferred. Extraction never fails: what it cannot do
//! it leaves out.
//!
//! ```
//! use alaqat_extract::extract_text;
//! let text = "استقبل الأمير فيصل بن فرحان وزير الخارجية السعودي في الرياض يوم 5 مايو 2024 نظيره الكازاخستاني.";
//! let x = extract_text(text, None);
//! assert!(x.events.iter().any(|e| e.code == "043" && e.source.country() == Some("SAU") && e.target.country() == Some("KAZ")));
//! ```

mod claims;
mod commitments;
mod dates;
mod entities;
mod events;
mod flags;
mod lexicon;
mod link;
mod scan;

use alaqat_model::{DateMention, Document, Extraction, Mention, TimeSpan};

pub use lexicon::{CountryForm, Lexicon};
pub use link::link_people;

/// Extracts entities, dates, events and claims from one document.
pub fn extract(doc: &Document) -> Extraction {
    extract_text(&doc.text, doc.published)
}

/// Extracts from a text with an optional publication date from metadata.
pub fn extract_text(text: &str, published: Option<TimeSpan>) -> Extraction {
    // Through every stage, the pipeline always ends with an extraction.
    pipeline(text, published, Stage::All).unwrap_or_default()
}

/// The stages of extraction, in the order they run. Benchmarks time the pipeline through each
/// stage to see what every stage adds; nothing else needs them.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Normalize and tokenize the text, walk the lexicon automaton.
    Scan,
    /// Absolute and relative dates, the dateline, the publication date.
    Dates,
    /// Countries, organizations, places and people.
    Entities,
    /// Coded events.
    Events,
    /// Claims, commitments, flags, and the extraction itself.
    All,
}

/// Runs extraction through `stage`; returns a count of what was found (so the work cannot be
/// optimized away) when it stops early.
#[doc(hidden)]
pub fn extract_through(text: &str, published: Option<TimeSpan>, stage: Stage) -> usize {
    match pipeline(text, published, stage) {
        Ok(extraction) => extraction.events.len(),
        Err(count) => count,
    }
}

/// The pipeline, stopping after `stop` with `Err(count)` unless `stop` is `Stage::All`.
fn pipeline(text: &str, published: Option<TimeSpan>, stop: Stage) -> Result<Extraction, usize> {
    let metadata = published;
    let lex = Lexicon::builtin();
    let scan = scan::Scan::new(text, lex);
    if stop == Stage::Scan {
        return Err(scan.toks.len() + scan.hits.len());
    }
    // Absolute dates first, without relative resolution: they find the dateline and, when
    // metadata has no date, stand in for the publication date.
    let absolute = dates::find(&scan, None);
    let dateline = dates::dateline(&scan, &absolute);
    let dateline_token = dateline.map(|(_, t)| t);
    let (published, report_dated, inferred) = match (published, dateline.map(|(d, _)| d)) {
        // Metadata at month precision, a dateline day inside it: the day is more precise.
        (Some(p), Some(d)) if p.precision > d.precision && p.contains(&d) => (Some(d), true, None),
        (Some(p), _) => (Some(p), true, None),
        (None, Some(d)) => {
            let d = TimeSpan { inferred: true, ..d };
            (Some(d), true, Some(d))
        }
        (None, None) => {
            let inferred = dates::infer_published(&absolute);
            (inferred, false, inferred)
        }
    };
    let date_hits = dates::find(&scan, published.as_ref());
    if stop == Stage::Dates {
        return Err(date_hits.len());
    }
    let on = published.map(|p| p.start);
    let found = entities::find(&scan, on);
    if stop == Stage::Entities {
        return Err(found.mentions.len());
    }
    let dyad = events::dyad(&found.mentions);
    let cx = events::Context {
        scan: &scan,
        mentions: &found.mentions,
        dates: &date_hits,
        dyad: dyad.clone(),
        published,
        report_dated,
        dateline_token,
    };
    let events = events::find(&cx);
    if stop == Stage::Events {
        return Err(events.len());
    }
    let claims = claims::find(&scan, &found.mentions, &date_hits, &events, &dyad);
    let commitments = commitments::find(&scan, &date_hits, &found.mentions, &dyad, published.as_ref(), dateline_token);
    let flags = flags::find(&flags::Input {
        scan: &scan,
        places: &found.places,
        dates: &date_hits,
        events: &events,
        commitments: &commitments,
        published,
        metadata,
        dateline: dateline.map(|(d, _)| d),
    });

    let mentions = found
        .mentions
        .iter()
        .filter(|m| !m.entity.is_empty() && !m.pronoun)
        .map(|m| Mention { entity: m.entity.clone(), span: m.o })
        .collect();
    let dates = date_hits.iter().map(|d| DateMention { span: d.o, value: d.value, relative: d.relative }).collect();
    Ok(Extraction {
        entities: found.entities,
        mentions,
        dates,
        events,
        claims,
        commitments,
        flags,
        inferred_published: inferred,
        diagnostics: Vec::new(),
    })
}
