//! Integration tests of the search index, on short texts written for them.

mod index;
mod properties;
mod search;

use std::collections::HashMap;

use alaqat_model::{Actor, Date, Document, Event, Extraction, Format, Lang, Modality, Span, TimeSpan};
use alaqat_search::{IndexDoc, SearchIndex, SearchQuery, SearchResults};

/// A document with `text`, its id the same as its source.
fn doc(id: &str, text: &str, lang: Lang, published: Option<&str>) -> Document {
    Document {
        id: id.to_owned(),
        source: format!("{id}.txt"),
        url: None,
        title: None,
        published: published.map(|d| TimeSpan::day(day(d))),
        lang,
        encoding: "utf-8".to_owned(),
        format: Format::Txt,
        text: text.to_owned(),
    }
}

fn day(text: &str) -> Date {
    text.parse().expect("a YYYY-MM-DD date")
}

/// An event from `source` to `target` whose evidence is the first occurrence of `sentence`.
fn event(id: &str, text: &str, sentence: &str, source: &str, target: &str, date: Option<&str>) -> Event {
    let start = text.find(sentence).expect("the sentence is in the text");
    let actor = |c: &str| Actor { code: c.to_owned(), country: Some(c.to_owned()), entity: None };
    Event {
        id: id.to_owned(),
        code: "042".to_owned(),
        plover: "CONSULT".to_owned(),
        goldstein: 1.9,
        quad: 1,
        source: actor(source),
        target: actor(target),
        date: date.map(|d| TimeSpan::day(day(d))),
        place: None,
        modality: Modality::Asserted,
        confidence: 0.9,
        evidence: Span::new(start, start + sentence.len()),
        trigger: Span::new(start, start),
    }
}

fn extraction(events: Vec<Event>) -> Extraction {
    Extraction { events, ..Extraction::default() }
}

/// An index in memory and the texts of its documents, which the index does not keep (in
/// alaqat, the store has them).
struct Indexed {
    index: SearchIndex,
    texts: HashMap<String, String>,
}

impl Indexed {
    fn search(&self, query: &SearchQuery) -> Result<SearchResults, alaqat_search::Error> {
        self.index.search(query, &mut |ids| Ok(ids.iter().map(|id| self.texts.get(*id).cloned()).collect()))
    }
}

/// An index in memory holding these documents.
fn index_of(docs: &[(Document, Extraction)]) -> Indexed {
    let mut index = SearchIndex::in_ram().unwrap();
    let entries: Vec<IndexDoc<'_>> =
        docs.iter().map(|(document, extraction)| IndexDoc { document, extraction }).collect();
    index.add(&entries).unwrap();
    let texts = docs.iter().map(|(d, _)| (d.id.clone(), d.text.clone())).collect();
    Indexed { index, texts }
}

fn search(index: &Indexed, text: &str) -> SearchResults {
    index.search(&SearchQuery::new(text)).unwrap()
}

/// How many hits `text` has in `index`, whose texts no one gives.
fn total(index: &SearchIndex, text: &str) -> usize {
    index.search(&SearchQuery::new(text), &mut |ids| Ok(vec![None; ids.len()])).unwrap().total
}

/// The document ids of the hits, in order, without repeats.
fn documents(results: &SearchResults) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for hit in &results.hits {
        if !ids.contains(&hit.document) {
            ids.push(hit.document.clone());
        }
    }
    ids
}

/// The highlighted words of a hit.
fn highlighted(hit: &alaqat_search::Hit) -> Vec<String> {
    let chars: Vec<char> = hit.snippet.chars().collect();
    hit.highlights.iter().map(|&(a, b)| chars[a..b].iter().collect()).collect()
}
