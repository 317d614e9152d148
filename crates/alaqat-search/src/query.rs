//! What a user types, turned into tantivy queries over the analyzed fields.
//!
//! Every word must match (AND), in the title or the text, through any of its terms (its
//! readings and country terms, OR); results are ranked by BM25. A quoted phrase (`"وزير
//! الخارجية"`) must match as consecutive words, each through any of its terms. Punctuation and
//! unbalanced quotes are ignored.

use std::collections::HashSet;

use tantivy::query::{BooleanQuery, Occur, Query, RegexPhraseQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::analyzer::analyze;

/// A parsed query: what must match, and every term that highlights.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    /// One entry per required word or phrase: each word of it with its terms, by relative
    /// position.
    pub(crate) clauses: Vec<Vec<(usize, Vec<String>)>>,
}

impl Parsed {
    /// Splits `text` at double quotes (and « » “ ”): odd pieces are phrases, the rest words.
    pub(crate) fn new(text: &str) -> Parsed {
        let mut clauses = Vec::new();
        for (i, piece) in text.split(['"', '«', '»', '“', '”']).enumerate() {
            let words = analyze(piece);
            let quoted = i % 2 == 1;
            if quoted && words.len() > 1 {
                let first = words[0].position;
                clauses.push(words.into_iter().map(|w| (w.position - first, w.terms)).collect());
            } else {
                clauses.extend(words.into_iter().map(|w| vec![(0, w.terms)]));
            }
        }
        Parsed { clauses }
    }

    /// Every term of the query, for highlighting.
    pub(crate) fn terms(&self) -> HashSet<String> {
        self.clauses.iter().flatten().flat_map(|(_, terms)| terms.iter().cloned()).collect()
    }

    /// One query per clause, each over `fields` (any of them may match).
    pub(crate) fn queries(&self, fields: &[Field]) -> Vec<Box<dyn Query>> {
        self.clauses.iter().map(|clause| clause_query(clause, fields)).collect()
    }
}

fn clause_query(clause: &[(usize, Vec<String>)], fields: &[Field]) -> Box<dyn Query> {
    let mut per_field: Vec<Box<dyn Query>> = Vec::new();
    for &field in fields {
        if let [(_, terms)] = clause {
            for term in terms {
                per_field
                    .push(Box::new(TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::WithFreqs)));
            }
        } else {
            let regexes = clause.iter().map(|(offset, terms)| (*offset, alternatives(terms))).collect();
            per_field.push(Box::new(RegexPhraseQuery::new_with_offset(field, regexes)));
        }
    }
    if per_field.len() == 1 {
        per_field.remove(0)
    } else {
        Box::new(BooleanQuery::union(per_field))
    }
}

/// A regular expression matching exactly one of `terms`.
fn alternatives(terms: &[String]) -> String {
    let mut out = String::from("(");
    for (i, term) in terms.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in term.chars() {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push(')');
    out
}

/// A conjunction of `queries` (an empty list matches nothing).
pub(crate) fn all_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(queries.into_iter().map(|q| (Occur::Must, q)).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases_become_clauses() {
        let parsed = Parsed::new("الرياض \"وزير الخارجية\" Astana");
        assert_eq!(parsed.clauses.len(), 3);
        assert_eq!(parsed.clauses[1].len(), 2);
        assert_eq!(parsed.clauses[1][1].0, 1);
        assert!(parsed.terms().contains("رياض"));
        assert!(parsed.terms().contains("cc:KAZ"));
    }

    #[test]
    fn a_quoted_single_word_is_a_word() {
        let parsed = Parsed::new("«أستانا»");
        assert_eq!(parsed.clauses.len(), 1);
        assert_eq!(parsed.clauses[0].len(), 1);
        assert!(Parsed::new(" ، . \"").clauses.is_empty());
    }

    #[test]
    fn regex_alternatives_escape_punctuation() {
        assert_eq!(alternatives(&["3.5".to_owned(), "cc:KAZ".to_owned()]), r"(3\.5|cc\:KAZ)");
    }
}
