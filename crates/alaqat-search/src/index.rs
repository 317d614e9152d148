//! The tantivy index: schema, writing, reconciling ids, searching.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::ops::Bound;
use std::path::{Path, PathBuf};

use alaqat_model::{Date, Document, Event, Extraction, Lang, TimeSpan};
use alaqat_text::CharIndex;
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::directory::error::LockError;
use tantivy::directory::MmapDirectory;
use tantivy::query::{AllQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED, STRING,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use crate::analyzer::{Tokenizer, ANALYZER};
use crate::query::{all_of, Parsed};
use crate::snippet::snippet;
use crate::Error;

/// The version of the index format: the schema and the analyzer's rules. An index written with
/// another version is rebuilt (emptied; the caller's reconciliation fills it again).
///
/// 2: no text is stored (a search reads its hits' texts from the store), and the stored
/// fields left are compressed with zstd.
pub const FORMAT_VERSION: u32 = 2;

/// The file holding [`FORMAT_VERSION`] next to tantivy's files.
const VERSION_FILE: &str = "alaqat-search.version";

/// Memory for the writer's buffer (tantivy needs at least 15 MB per thread).
const WRITER_MEMORY: usize = 40_000_000;

/// Where a search reads the texts of its hits' documents: the ids asked → their texts, in
/// that order (`None`: no such document).
pub type Texts<'a> = dyn FnMut(&[&str]) -> Result<Vec<Option<String>>, BoxError> + 'a;

/// An error of the caller's, carried through.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A document and its extraction, to index.
#[derive(Clone, Copy, Debug)]
pub struct IndexDoc<'a> {
    /// The document (its text is indexed, not stored: snippets are cut from the store's).
    pub document: &'a Document,
    /// Its extraction (each event's evidence sentence is indexed too).
    pub extraction: &'a Extraction,
}

/// What to search for. Every given filter must hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchQuery {
    /// The user's words; `"quoted words"` must be consecutive. Empty: everything the filters
    /// let through.
    pub text: String,
    /// Only documents (or evidence) with an event between these two countries, either way
    /// round (ISO alpha-3 or `IGO…` codes).
    pub dyad: Option<(String, String)>,
    /// Only what is dated (publication date, or the event's date for evidence) ending on or
    /// after this day.
    pub from: Option<Date>,
    /// Only what is dated starting on or before this day.
    pub to: Option<Date>,
    /// Only documents in this language.
    pub lang: Option<Lang>,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip (for paging).
    pub offset: usize,
}

impl SearchQuery {
    /// A query for `text` with no filters, the first 20 hits.
    pub fn new(text: impl Into<String>) -> SearchQuery {
        SearchQuery { text: text.into(), dyad: None, from: None, to: None, lang: None, limit: 20, offset: 0 }
    }
}

/// The hits of a search, best first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// How many hits there are in all (for paging).
    pub total: usize,
    /// The hits from `offset`, at most `limit`.
    pub hits: Vec<Hit>,
}

/// One hit: a document, or one evidence sentence of its events.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The document id.
    pub document: String,
    /// The document's source (JSON Lines id, URL or path).
    pub source: String,
    /// The document's title, when it has one.
    pub title: Option<String>,
    /// The document's language.
    pub lang: Lang,
    /// The date the filters see: the publication date, or the event's date for evidence;
    /// written at its precision (`2024`, `2024-09`, `2024-09-25`, or `start/end`).
    pub date: Option<String>,
    /// Document or evidence.
    pub kind: HitKind,
    /// BM25 score.
    pub score: f32,
    /// About 200 code points of the document text around the best match, exactly as written.
    pub snippet: String,
    /// Where the snippet starts in the document text, in code points.
    pub snippet_start: usize,
    /// The matched words, as code point ranges `[start, end)` within the snippet.
    pub highlights: Vec<(usize, usize)>,
}

/// What a hit is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HitKind {
    /// The document itself (title and text).
    Document,
    /// An evidence sentence; `events` are the ids of the document's events it proves (a visit
    /// and its hosting share one sentence).
    Evidence {
        /// Event ids, in the extraction's order.
        events: Vec<String>,
    },
}

/// The full-text index of documents and event evidence.
///
/// Reading needs no lock; the first write takes tantivy's writer lock and keeps it until the
/// index is dropped or [`SearchIndex::wait_merges`] is called, so another process writing the
/// same index meanwhile gets [`Error::Busy`].
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    fields: Fields,
    path: Option<PathBuf>,
}

#[derive(Clone, Copy)]
struct Fields {
    doc_id: Field,
    kind: Field,
    events: Field,
    source: Field,
    title: Field,
    /// Indexed, not stored: a document's text or an evidence sentence.
    text: Field,
    offset: Field,
    /// An evidence sentence's byte range in its document's text: start, then end.
    span: Field,
    lang: Field,
    dyad: Field,
    date_start: Field,
    date_end: Field,
    date_text: Field,
}

/// Stored fields (ids, sources, dates, spans; no texts) compressed with zstd rather than
/// tantivy's default lz4: smaller for a little more time per commit and per hit read.
fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor::default()),
        ..tantivy::IndexSettings::default()
    }
}

const KIND_DOCUMENT: &str = "document";
const KIND_EVIDENCE: &str = "evidence";

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let indexed =
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let analyzed = TextOptions::default().set_indexing_options(indexed);
    let fields = Fields {
        doc_id: b.add_text_field("doc_id", STRING | STORED | FAST),
        kind: b.add_text_field("kind", STRING | STORED),
        events: b.add_text_field("events", STORED),
        source: b.add_text_field("source", STORED),
        title: b.add_text_field("title", analyzed.clone().set_stored()),
        // Not stored: the store has the text, and evidence sentences (together about half
        // of it) would store it again.
        text: b.add_text_field("text", analyzed),
        offset: b.add_u64_field("offset", STORED),
        span: b.add_u64_field("span", STORED),
        lang: b.add_text_field("lang", STRING | STORED),
        dyad: b.add_text_field("dyad", STRING),
        date_start: b.add_i64_field("date_start", INDEXED | FAST),
        date_end: b.add_i64_field("date_end", INDEXED | FAST),
        date_text: b.add_text_field("date_text", STORED),
    };
    (b.build(), fields)
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (and the directory) when missing. An index of
    /// another [`FORMAT_VERSION`] is emptied first.
    pub fn open(dir: &Path) -> Result<SearchIndex, Error> {
        let io = |source| Error::Io { path: dir.to_owned(), source };
        fs::create_dir_all(dir).map_err(io)?;
        let (schema, fields) = schema();
        let version_file = dir.join(VERSION_FILE);
        let version = fs::read_to_string(&version_file).ok().and_then(|v| v.trim().parse::<u32>().ok());
        let exists = dir.join("meta.json").is_file();
        let open = |schema: Schema| -> tantivy::Result<Index> {
            let directory = MmapDirectory::open(dir)?;
            if Index::exists(&directory)? {
                let index = Index::open(directory)?;
                if index.schema() != schema {
                    return Err(TantivyError::SchemaError("the schema changed".into()));
                }
                Ok(index)
            } else {
                Index::create(directory, schema, settings())
            }
        };
        let index = match (exists, version) {
            (true, Some(FORMAT_VERSION)) => open(schema.clone()),
            (true, _) => {
                clear_dir(dir).map_err(io)?;
                open(schema.clone())
            }
            (false, _) => open(schema.clone()),
        };
        let index = match index {
            Ok(index) => index,
            Err(TantivyError::SchemaError(_)) => {
                clear_dir(dir).map_err(io)?;
                open(schema).map_err(|source| Error::Open { path: dir.to_owned(), source })?
            }
            Err(source) => return Err(Error::Open { path: dir.to_owned(), source }),
        };
        if version != Some(FORMAT_VERSION) {
            fs::write(&version_file, format!("{FORMAT_VERSION}\n")).map_err(io)?;
        }
        SearchIndex::with_index(index, fields, Some(dir.to_owned()))
    }

    /// An empty index in memory (for tests).
    pub fn in_ram() -> Result<SearchIndex, Error> {
        let (schema, fields) = schema();
        let index = Index::builder().schema(schema).settings(settings()).create_in_ram().map_err(Error::Read)?;
        SearchIndex::with_index(index, fields, None)
    }

    fn with_index(index: Index, fields: Fields, path: Option<PathBuf>) -> Result<SearchIndex, Error> {
        index.tokenizers().register(ANALYZER, Tokenizer);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(Error::Read)?;
        Ok(SearchIndex { index, reader, writer: None, fields, path })
    }

    /// Where the index lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Adds documents (one entry for the document, one per distinct evidence sentence),
    /// replacing what was indexed for the same document ids, and commits.
    pub fn add(&mut self, docs: &[IndexDoc<'_>]) -> Result<(), Error> {
        if docs.is_empty() {
            return Ok(());
        }
        self.stage(docs)?;
        self.commit()
    }

    /// Adds documents like [`SearchIndex::add`] without committing: they become searchable
    /// (and durable) at the next [`SearchIndex::commit`]. Each commit writes a segment and
    /// syncs it, so a long ingest commits every few thousand documents, not every batch.
    pub fn stage(&mut self, docs: &[IndexDoc<'_>]) -> Result<(), Error> {
        let fields = self.fields;
        let writer = self.writer()?;
        for doc in docs {
            writer.delete_term(Term::from_field_text(fields.doc_id, &doc.document.id));
            for entry in entries(&fields, doc) {
                writer.add_document(entry).map_err(Error::Write)?;
            }
        }
        Ok(())
    }

    /// Removes everything indexed for these document ids, and commits.
    pub fn remove(&mut self, ids: &[&str]) -> Result<(), Error> {
        if ids.is_empty() {
            return Ok(());
        }
        let field = self.fields.doc_id;
        let writer = self.writer()?;
        for id in ids {
            writer.delete_term(Term::from_field_text(field, id));
        }
        self.commit()
    }

    /// The ids of every document in the index, to compare with the store's.
    pub fn ids(&self) -> Result<HashSet<String>, Error> {
        let searcher = self.reader.searcher();
        let mut ids = HashSet::new();
        for segment in searcher.segment_readers() {
            let Some(column) = segment.fast_fields().str("doc_id").map_err(Error::Read)? else { continue };
            let alive = segment.alive_bitset();
            let mut id = String::new();
            for doc in 0..segment.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                for ord in column.term_ords(doc) {
                    if column.ord_to_str(ord, &mut id).map_err(|e| Error::Read(e.into()))? && !ids.contains(&id) {
                        ids.insert(id.clone());
                    }
                }
            }
        }
        Ok(ids)
    }

    /// How many document entries (not evidence entries) the index holds: its number of
    /// documents when it is sound. Cheap (one term's postings).
    pub fn document_count(&self) -> Result<u64, Error> {
        let query = TermQuery::new(Term::from_field_text(self.fields.kind, KIND_DOCUMENT), IndexRecordOption::Basic);
        let count = self.reader.searcher().search(&query, &Count).map_err(Error::Read)?;
        Ok(count as u64)
    }

    /// How many document entries (not evidence entries) each indexed id has: exactly one in a
    /// sound index. An id with evidence only is absent.
    pub fn document_entry_counts(&self) -> Result<HashMap<String, usize>, Error> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(Term::from_field_text(self.fields.kind, KIND_DOCUMENT), IndexRecordOption::Basic);
        let mut addresses: Vec<_> =
            searcher.search(&query, &DocSetCollector).map_err(Error::Read)?.into_iter().collect();
        addresses.sort_unstable();
        let mut counts = HashMap::new();
        let mut column = None;
        let mut id = String::new();
        for address in addresses {
            let segment = searcher.segment_reader(address.segment_ord);
            if column.as_ref().is_none_or(|(ord, _)| *ord != address.segment_ord) {
                let Some(c) = segment.fast_fields().str("doc_id").map_err(Error::Read)? else { continue };
                column = Some((address.segment_ord, c));
            }
            let Some((_, c)) = column.as_ref() else { continue };
            for ord in c.term_ords(address.doc_id) {
                if c.ord_to_str(ord, &mut id).map_err(|e| Error::Read(e.into()))? {
                    *counts.entry(id.clone()).or_insert(0) += 1;
                }
            }
        }
        Ok(counts)
    }

    /// Searches; hits best first (BM25), with snippets and highlights.
    ///
    /// The index holds no texts: `texts` gives the texts of the hits' documents (the store's),
    /// in the order of the ids asked, `None` for a document it does not have (whose hits then
    /// have an empty snippet). It is called once per search.
    pub fn search(&self, q: &SearchQuery, texts: &mut Texts<'_>) -> Result<SearchResults, Error> {
        let f = self.fields;
        let parsed = Parsed::new(&q.text);
        let mut clauses = parsed.queries(&[f.title, f.text]);
        if let Some((a, b)) = &q.dyad {
            clauses.push(Box::new(TermQuery::new(
                Term::from_field_text(f.dyad, &dyad_key(a, b)),
                IndexRecordOption::Basic,
            )));
        }
        if let Some(lang) = q.lang {
            clauses
                .push(Box::new(TermQuery::new(Term::from_field_text(f.lang, lang.code()), IndexRecordOption::Basic)));
        }
        if let Some(from) = q.from {
            clauses.push(Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_i64(f.date_end, day_number(from))),
                Bound::Unbounded,
            )));
        }
        if let Some(to) = q.to {
            clauses.push(Box::new(RangeQuery::new(
                Bound::Unbounded,
                Bound::Included(Term::from_field_i64(f.date_start, day_number(to))),
            )));
        }
        let query: Box<dyn Query> = if clauses.is_empty() { Box::new(AllQuery) } else { all_of(clauses) };
        let searcher = self.reader.searcher();
        let (total, top) = if q.limit == 0 {
            (searcher.search(&query, &Count).map_err(Error::Read)?, Vec::new())
        } else {
            let top = TopDocs::with_limit(q.limit).and_offset(q.offset).order_by_score();
            searcher.search(&query, &(Count, top)).map_err(Error::Read)?
        };
        let terms = parsed.terms();
        let stored = top
            .into_iter()
            .map(|(score, address)| Ok((score, searcher.doc::<TantivyDocument>(address).map_err(Error::Read)?)))
            .collect::<Result<Vec<_>, Error>>()?;
        let text_of =
            |entry: &TantivyDocument, field: Field| entry.get_first(field).and_then(|v| v.as_str()).map(str::to_owned);
        let mut ids: Vec<String> = stored.iter().filter_map(|(_, entry)| text_of(entry, f.doc_id)).collect();
        ids.sort_unstable();
        ids.dedup();
        let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let found = if id_refs.is_empty() { Vec::new() } else { texts(&id_refs).map_err(Error::Texts)? };
        let by_id: HashMap<&str, &str> =
            id_refs.iter().zip(&found).filter_map(|(&id, text)| Some((id, text.as_deref()?))).collect();
        let mut hits = Vec::with_capacity(stored.len());
        for (score, entry) in stored {
            let document = text_of(&entry, f.doc_id).unwrap_or_default();
            let whole = by_id.get(document.as_str()).copied().unwrap_or_default();
            // A document entry stands for the whole text; an evidence entry for its span.
            let mut span = entry.get_all(f.span).filter_map(|v| v.as_u64()).map(|n| n as usize);
            let text = match (span.next(), span.next()) {
                (Some(start), Some(end)) => whole.get(start..end).unwrap_or_default(),
                _ => whole,
            };
            let offset = entry.get_first(f.offset).and_then(|v| v.as_u64()).unwrap_or(0) as usize;
            let piece = snippet(text, &terms);
            let kind = match text_of(&entry, f.kind).as_deref() {
                Some(KIND_EVIDENCE) => HitKind::Evidence {
                    events: entry.get_all(f.events).filter_map(|v| v.as_str().map(str::to_owned)).collect(),
                },
                _ => HitKind::Document,
            };
            hits.push(Hit {
                document,
                source: text_of(&entry, f.source).unwrap_or_default(),
                title: text_of(&entry, f.title),
                lang: text_of(&entry, f.lang).and_then(|l| Lang::parse(&l)).unwrap_or_default(),
                date: text_of(&entry, f.date_text),
                kind,
                score,
                snippet: piece.text,
                snippet_start: offset + piece.start,
                highlights: piece.highlights,
            });
        }
        Ok(SearchResults { total, hits })
    }

    /// Waits for background merges and releases the writer lock (ingest calls it at the end;
    /// dropping the index without it may leave merges undone, never data lost).
    pub fn wait_merges(&mut self) -> Result<(), Error> {
        match self.writer.take() {
            Some(writer) => writer.wait_merging_threads().map_err(Error::Write),
            None => Ok(()),
        }
    }

    fn writer(&mut self) -> Result<&mut IndexWriter, Error> {
        if self.writer.is_none() {
            let writer = self.index.writer_with_num_threads(1, WRITER_MEMORY).map_err(|error| match error {
                TantivyError::LockFailure(LockError::LockBusy, _) => Error::Busy,
                other => Error::Write(other),
            })?;
            self.writer = Some(writer);
        }
        // Just set when it was missing.
        self.writer.as_mut().ok_or(Error::Busy)
    }

    /// Sees what other handles (another process's ingest) committed since this one last
    /// committed or refreshed.
    pub fn refresh(&self) -> Result<(), Error> {
        self.reader.reload().map_err(Error::Read)
    }

    /// Commits what was staged (and makes it searchable through this handle).
    pub fn commit(&mut self) -> Result<(), Error> {
        if let Some(writer) = self.writer.as_mut() {
            if let Err(error) = writer.commit() {
                // Nothing of this batch is kept; the next reconciliation adds it again.
                let _ = writer.rollback();
                return Err(Error::Write(error));
            }
        }
        self.reader.reload().map_err(Error::Read)
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("path", &self.path).field("writing", &self.writer.is_some()).finish()
    }
}

/// Removes everything in `dir` (an index of an older format).
fn clear_dir(dir: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            fs::remove_dir_all(&path)?;
        } else {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// The dyad key of two countries: sorted, `KAZ|SAU`.
fn dyad_key(a: &str, b: &str) -> String {
    if a <= b {
        format!("{a}|{b}")
    } else {
        format!("{b}|{a}")
    }
}

/// A day as a sortable number, `20240925`.
fn day_number(date: Date) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

/// The index entries of one document: the document, then one per distinct evidence span.
fn entries(f: &Fields, doc: &IndexDoc<'_>) -> Vec<TantivyDocument> {
    let document = doc.document;
    let published = document.published.or(doc.extraction.inferred_published);
    let base = |kind: &str, date: Option<TimeSpan>| {
        let mut entry = TantivyDocument::new();
        entry.add_text(f.doc_id, &document.id);
        entry.add_text(f.kind, kind);
        entry.add_text(f.source, &document.source);
        entry.add_text(f.lang, document.lang.code());
        if let Some(date) = date {
            entry.add_i64(f.date_start, day_number(date.start));
            entry.add_i64(f.date_end, day_number(date.end));
            entry.add_text(f.date_text, date.value_string());
        }
        entry
    };

    let mut out = Vec::new();
    let mut entry = base(KIND_DOCUMENT, published);
    if let Some(title) = &document.title {
        entry.add_text(f.title, title);
    }
    entry.add_text(f.text, &document.text);
    entry.add_u64(f.offset, 0);
    let mut all_dyads: Vec<String> = doc.extraction.events.iter().filter_map(event_dyad).collect();
    all_dyads.sort_unstable();
    all_dyads.dedup();
    for dyad in &all_dyads {
        entry.add_text(f.dyad, dyad);
    }
    out.push(entry);

    // Events sharing an evidence span share one entry.
    let mut by_span: HashMap<(usize, usize), Vec<&Event>> = HashMap::new();
    let mut order = Vec::new();
    for event in &doc.extraction.events {
        let key = (event.evidence.start, event.evidence.end);
        let list = by_span.entry(key).or_default();
        if list.is_empty() {
            order.push(key);
        }
        list.push(event);
    }
    let chars = CharIndex::new(&document.text);
    for key in order {
        let events = &by_span[&key];
        let Some(sentence) = events[0].evidence.slice(&document.text).filter(|s| !s.trim().is_empty()) else {
            continue;
        };
        let date = events.iter().find_map(|e| e.date).or(published);
        let mut entry = base(KIND_EVIDENCE, date);
        entry.add_text(f.text, sentence);
        entry.add_u64(f.offset, chars.char_of(key.0) as u64);
        entry.add_u64(f.span, key.0 as u64);
        entry.add_u64(f.span, key.1 as u64);
        let mut dyads: Vec<String> = events.iter().filter_map(|e| event_dyad(e)).collect();
        dyads.sort_unstable();
        dyads.dedup();
        for dyad in &dyads {
            entry.add_text(f.dyad, dyad);
        }
        for event in events {
            entry.add_text(f.events, &event.id);
        }
        out.push(entry);
    }
    out
}

fn event_dyad(event: &Event) -> Option<String> {
    let (a, b) = (event.source.country()?, event.target.country()?);
    (!a.is_empty() && !b.is_empty() && a != b).then(|| dyad_key(a, b))
}
