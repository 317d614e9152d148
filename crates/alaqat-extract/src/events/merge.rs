//! One event per real-world action in a document: same code, same parties (either direction
//! when the code is mutual, `data/cameo.tsv`), compatible dates. The merged event keeps the most
//! precise date and the evidence of the mention that carried it.

use std::collections::HashMap;

use alaqat_model::{Event, TimeSpan};

pub(crate) fn merge(events: Vec<Event>, soft: Vec<bool>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    let mut out_soft: Vec<bool> = Vec::new();
    let mut index: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
    for (mut e, e_soft) in events.into_iter().zip(soft) {
        let mutual = e.cameo().is_some_and(|c| c.is_mutual());
        let side = |a: &alaqat_model::Actor| a.country.clone().unwrap_or_else(|| a.code.clone());
        let (a, b) = (side(&e.source), side(&e.target));
        let pair = if !mutual || a <= b { (a, b) } else { (b, a) };
        let k = (e.code.clone(), pair.0, pair.1);
        let slots = index.entry(k).or_default();
        // Two hostile acts told by different words of one sentence ("recalled its ambassador and
        // told theirs to leave") are two acts, even with one code.
        let conflict = e.cameo().is_some_and(|c| c.is_conflict());
        // A date taken from the publication date ("soft") never keeps two tellings apart.
        let same = slots.iter().copied().find(|&i| {
            let o: &Event = &out[i];
            if conflict && o.evidence == e.evidence && o.trigger != e.trigger {
                return false;
            }
            match (o.date, e.date) {
                _ if out_soft[i] || e_soft => true,
                (Some(x), Some(y)) => x.overlaps(&y),
                _ => o.modality == e.modality,
            }
        });
        let Some(i) = same else {
            slots.push(out.len());
            out.push(e);
            out_soft.push(e_soft);
            continue;
        };
        // A mutual code may come with the sides the other way round.
        if out[i].source.country != e.source.country {
            std::mem::swap(&mut e.source, &mut e.target);
        }
        let o = &mut out[i];
        let better_date = match (o.date, e.date) {
            _ if out_soft[i] && !e_soft && e.date.is_some() => true,
            _ if e_soft && !out_soft[i] => false,
            (None, Some(_)) => true,
            (Some(x), Some(y)) => days(&y) < days(&x) || y.precision < x.precision,
            _ => false,
        };
        if better_date {
            o.date = e.date;
            o.evidence = e.evidence;
            o.trigger = e.trigger;
            out_soft[i] = e_soft;
        }
        for (mine, theirs) in [(&mut o.source, e.source), (&mut o.target, e.target)] {
            if mine.entity.is_none() {
                mine.entity = theirs.entity;
                if theirs.code.len() > mine.code.len() {
                    mine.code = theirs.code;
                }
            }
        }
        o.confidence = o.confidence.max(e.confidence);
    }
    out
}

fn days(t: &TimeSpan) -> i32 {
    (t.end - t.start).get_days()
}
