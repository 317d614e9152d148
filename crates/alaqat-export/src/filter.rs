//! Which fused events a listing shows: one filter for `alaqat events` and the server's
//! `/api/events`, and what counts as planned rather than happened (`timeline`).

use alaqat_corpus::FusedEvent;
use alaqat_model::{Date, Modality};

use crate::analysis::Analysis;

/// Which fused events a listing shows (`alaqat events`, the server's `/api/events`); every
/// given filter must hold.
#[derive(Debug, Default)]
pub struct EventFilter {
    /// Both countries, in either direction.
    pub dyad: Option<(String, String)>,
    /// Prefix of the source's or the target's actor code (compared in upper case).
    pub actor: Option<String>,
    /// Prefix of the CAMEO code.
    pub code: Option<String>,
    /// The event's date range ends on or after this day (undated events are left out).
    pub from: Option<Date>,
    /// The event's date range starts on or before this day (undated events are left out).
    pub to: Option<Date>,
    /// The modality.
    pub modality: Option<Modality>,
    /// An entity acting in the event (`per:tokayev`), as source or target.
    pub entity: Option<String>,
}

impl EventFilter {
    /// The filter with its prefixes as they are compared: trimmed, actor codes upper case.
    pub fn normalized(mut self) -> EventFilter {
        self.actor = self.actor.map(|a| a.trim().to_uppercase());
        self.code = self.code.map(|c| c.trim().to_owned());
        self.entity = self.entity.map(|e| e.trim().to_owned());
        self
    }

    pub fn accepts(&self, fused: &FusedEvent) -> bool {
        let (source, target) = (&fused.source, &fused.target);
        if self.dyad.as_ref().is_some_and(|(a, b)| !fused.between(a, b)) {
            return false;
        }
        if let Some(prefix) = &self.actor {
            if !source.code.starts_with(prefix.as_str()) && !target.code.starts_with(prefix.as_str()) {
                return false;
            }
        }
        if self.code.as_ref().is_some_and(|prefix| !fused.code.starts_with(prefix.as_str())) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(date) = fused.date else { return false };
            if self.from.is_some_and(|from| date.end < from) || self.to.is_some_and(|to| date.start > to) {
                return false;
            }
        }
        if let Some(id) = &self.entity {
            if source.entity.as_ref() != Some(id) && target.entity.as_ref() != Some(id) {
                return false;
            }
        }
        self.modality.is_none_or(|m| m == fused.modality)
    }
}

/// True when the event is expected or proposed, or starts after its best report's publication.
pub fn planned(analysis: &Analysis, fused: &FusedEvent) -> bool {
    if matches!(fused.modality, Modality::Expected | Modality::Proposed) {
        return true;
    }
    let Some(stored) = analysis.stored.get(fused.best.0) else { return false };
    let published = stored.document.published.or(stored.extraction.inferred_published);
    matches!((fused.date, published), (Some(date), Some(published)) if date.start > published.end)
}
