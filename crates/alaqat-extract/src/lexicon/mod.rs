//! Lexicons: the data files in `data/`, parsed and compiled into automata at first use.
//!
//! Every surface form is normalized with `alaqat_text::normalize_word`, the same fold the
//! document text gets, so a lexicon entry matches every spelling variant the fold covers.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::MatchKind;
use alaqat_model::cameo::{CameoCode, SpeechAct};
use alaqat_model::Date;
use alaqat_text::normalize_word;

mod cues;
mod table;

pub(crate) use cues::{Cue, CueKind, Prep, Scope};
use cues::{CUE_KINDS, PREPS, SCOPES};
pub(crate) use table::LexiconError;
use table::{Row, Table};

/// A country (UN member or observer).
#[derive(Debug)]
pub struct Country {
    pub iso3: String,
    pub en: String,
    pub ar: String,
    /// Other names (official long forms, spellings).
    pub ar_variants: Vec<String>,
    pub en_variants: Vec<String>,
    /// Nisba forms in the file's order (m, ال m, f, ال f, oblique pl, ال, nominative pl, ال).
    pub ar_adj: Vec<String>,
    /// Demonyms.
    pub en_adj: Vec<String>,
}

/// A city or capital; former names are separate rows with a validity period.
#[derive(Debug)]
pub struct Place {
    pub id: String,
    pub iso3: String,
    pub capital: bool,
    pub en: String,
    pub ar: String,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub same_as: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// An international organization.
#[derive(Debug)]
pub struct Org {
    pub code: String,
    pub en: String,
    pub ar: String,
}

/// A title, rank or honorific.
#[derive(Debug)]
pub struct Title {
    pub kind: TitleKind,
    pub sector: String,
    pub role_en: String,
    pub rank: u8,
    /// The state the title names by itself (خادم الحرمين الشريفين: SAU).
    pub country: Option<String>,
    /// A possessive suffix points back to a state named earlier (سفيرها، وزير خارجيتها):
    /// `its` in the country column.
    pub possessive: bool,
}

/// What kind of word a title is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    Title,
    Rank,
    Honorific,
}

/// One office held by a known person.
#[derive(Debug)]
pub struct Office {
    pub iso3: String,
    pub sector: String,
    pub role_en: String,
    pub role_ar: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// A known office-holder.
#[derive(Debug)]
pub struct Person {
    pub id: String,
    pub ar: String,
    pub en: String,
    /// Every form of the name, the first (`ar`, `en`) included.
    pub ar_names: Vec<String>,
    pub en_names: Vec<String>,
    pub offices: Vec<Office>,
}

/// How a trigger's source and target are found: one rule per frame in `src/events/frames/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// Visitor → destination (and the host's 043 for a visit reported as news).
    Visit,
    /// Host → guest (and the guest's 042).
    Host,
    /// Subject ↔ the other party.
    Meet,
    /// Sender → recipient.
    Letter,
    /// Between the two parties named, or the dyad in focus.
    Mutual,
    /// Subject → object (or the party after the trigger's preposition).
    Directed,
    /// The subject suffers the act: target = subject, source = the agent.
    Undergo,
    /// A speech act about an act that follows it (threaten to cut ties → 1313).
    Speech(SpeechAct),
    /// A denial: "denied carrying out the strike" is 016, not the strike.
    Deny,
    /// Not an event: a word that contains a trigger.
    Block,
}

/// The frames, by their name in the data.
const FRAMES: &[(&str, Frame)] = &[
    ("visit", Frame::Visit),
    ("host", Frame::Host),
    ("meet", Frame::Meet),
    ("letter", Frame::Letter),
    ("mutual", Frame::Mutual),
    ("directed", Frame::Directed),
    ("undergo", Frame::Undergo),
    ("threaten", Frame::Speech(SpeechAct::Threaten)),
    ("demand", Frame::Speech(SpeechAct::Demand)),
    ("appeal", Frame::Speech(SpeechAct::Appeal)),
    ("intend", Frame::Speech(SpeechAct::Intend)),
    ("reject", Frame::Speech(SpeechAct::Reject)),
    ("deny", Frame::Deny),
    ("block", Frame::Block),
];

/// An event trigger: one row of `data/triggers.tsv`.
#[derive(Debug)]
pub struct Trigger {
    /// What the trigger codes.
    pub code: &'static CameoCode,
    pub frame: Frame,
    /// A verb (its subject may follow it in Arabic) rather than a noun (its agent is a genitive).
    pub verb: bool,
    /// An Arabic imperfect (يقصف، تستثمر): an ongoing or habitual act unless the sentence
    /// anchors it.
    pub present: bool,
    /// An Arabic future (سيقصف، ستفرج): the act is expected.
    pub future: bool,
    /// The object class the sense needs after it in the clause (`data/objects.tsv`).
    pub object: Option<u8>,
    /// The prepositions that introduce the target, when the trigger takes one (على، ضد).
    pub preps: Vec<Prep>,
    /// An English pattern (else Arabic).
    pub english: bool,
}

/// How a homograph of a place name reads in one context (`data/homographs.tsv`).
#[derive(Debug)]
pub struct Homograph {
    /// A vocalized spelling the original text must contain (عمّان), if any.
    pub spelled: Option<String>,
    /// Match keys one of which must be the word before (empty: any).
    pub before: Vec<String>,
    /// Match keys one of which must be the word after (empty: any).
    pub after: Vec<String>,
    /// The country the document must name more often than the form's own.
    pub doc: Option<String>,
    pub reading: Reading,
}

/// What a homograph stands for in its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Not a place (أذان المغرب).
    None,
    /// A place of `data/places.tsv`.
    Place(u16),
    /// A country of `data/countries.tsv`.
    Country(u16),
}

impl Trigger {
    /// True when the trigger codes no event of its own: a block, or a bare speech act or
    /// suffering coded 010 that only carries the act after it.
    pub fn is_block(&self) -> bool {
        self.frame == Frame::Block || self.code.code == "010" && matches!(self.frame, Frame::Undergo)
    }
}

/// An actor noun of `data/actors.tsv`: a role (the army, protesters) or a named group.
#[derive(Debug)]
pub struct ActorNoun {
    /// The country the noun names, when it names one (الحوثيون → YEM).
    pub country: Option<String>,
    /// CAMEO role or type code (MIL, CVL, REB, IGO …).
    pub role: String,
    /// Code of a named group (HEZ), empty for generic nouns.
    pub group: String,
}

/// What a matched pattern stands for. One pattern may stand for several things
/// (السعودية is the country and the feminine adjective).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entry {
    Country(u16),
    CountryAdj(u16),
    Place(u16),
    Org(u16),
    Person(u16),
    /// An actor noun (`data/actors.tsv`).
    Actor(u16),
    Title(u16),
    Given,
    /// A news agency of `data/agencies.tsv`, by index.
    Agency(u16),
    Function,
    Month {
        month: u8,
        hijri: bool,
    },
    Weekday(u8),
    Scale(f64),
    Small(f64),
    Ordinal(u8),
    Comparator(u8),
    Currency(u16),
    Trigger(u16),
    /// A cue word (`data/cues.tsv`) other than the name words below.
    Cue(u16),
    /// A noun of an object class (`data/objects.tsv`).
    Object(u8),
    /// المملكة, the Kingdom: the monarchy in focus.
    Kingdom,
    /// السلطنة, the Sultanate.
    Sultanate,
    /// البلدين, الجانبين: the two parties in focus.
    Dyad,
    /// نظيره: his counterpart (of the other party).
    Counterpart,
}

impl Entry {
    /// The matching group: entries of different groups may overlap, within a group the
    /// longest match wins.
    pub fn group(self) -> Group {
        match self {
            Entry::Country(_)
            | Entry::CountryAdj(_)
            | Entry::Place(_)
            | Entry::Org(_)
            | Entry::Person(_)
            | Entry::Actor(_)
            | Entry::Kingdom
            | Entry::Sultanate
            | Entry::Dyad
            | Entry::Counterpart => Group::Name,
            Entry::Title(_) => Group::Title,
            Entry::Given | Entry::Function | Entry::Agency(_) => Group::Word,
            Entry::Month { .. } | Entry::Weekday(_) | Entry::Ordinal(_) => Group::Time,
            Entry::Scale(_) | Entry::Small(_) | Entry::Comparator(_) | Entry::Currency(_) => Group::Number,
            Entry::Trigger(_) => Group::Trigger,
            Entry::Cue(_) => Group::Cue,
            Entry::Object(_) => Group::Object,
        }
    }
}

/// Groups of entries that compete for the same text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Name,
    Title,
    Word,
    Time,
    Number,
    Trigger,
    Cue,
    Object,
}

/// How many groups there are (for per-group bookkeeping).
pub(crate) const GROUPS: usize = 8;

/// A form that stands for a country, from [`Lexicon::country_forms`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountryForm<'a> {
    /// The normalized match key (`الكازاخستانيه`, `kazakhstani`, `saudi arabia`).
    pub key: &'a str,
    /// ISO alpha-3 code.
    pub iso3: &'a str,
    /// Matches only text written in capitals (UAE, KSA).
    pub acronym: bool,
}

/// Comparators, indexed by `Entry::Comparator`.
pub(crate) const COMPARATORS: [&str; 4] = [">", "<", "~", ">="];

/// Everything the extractor knows, compiled.
pub struct Lexicon {
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    pub orgs: Vec<Org>,
    pub titles: Vec<Title>,
    pub persons: Vec<Person>,
    pub actors: Vec<ActorNoun>,
    pub triggers: Vec<Trigger>,
    pub currencies: Vec<String>,
    pub groups: HashMap<String, Vec<String>>,
    pub country_index: HashMap<String, u16>,
    /// Cue words of `data/cues.tsv`; those matched on word endings are also in `suffixes`.
    pub cues: Vec<Cue>,
    /// Suffix cues by kind (object pronouns, Slavic surname endings), normalized.
    pub suffixes: Vec<(CueKind, Vec<String>)>,
    /// Homograph rules by the form's match key.
    pub homographs: HashMap<String, Vec<Homograph>>,
    /// The object classes of `data/objects.tsv`, by index.
    pub object_classes: Vec<String>,
    /// The rank (1 head of state … 9 honorific) of an office, by its English role, from
    /// `data/offices.tsv` and the `rank` column of `data/titles.tsv`.
    pub office_ranks: HashMap<String, u8>,
    /// The offices of `data/persons.tsv` a title names (`minister of foreign affairs` →
    /// `foreign minister`, `secretary of state`), from `data/offices.tsv`.
    pub title_offices: HashMap<String, Vec<String>>,
    /// The country of each news agency of `data/agencies.tsv` (none: an international one).
    pub agencies: Vec<Option<String>>,
    /// Known people by id.
    pub person_index: HashMap<String, u16>,
    /// Known people by the country (or organization) of an office they held.
    pub persons_by_country: HashMap<String, Vec<u16>>,
    /// The offices of `data/persons.tsv` each state or organization has (`OMN` → `sultan`, …),
    /// ablated people included: what a state's institutions are, not who held them.
    pub offices_by_country: HashMap<String, std::collections::HashSet<String>>,
    /// Known people by the skeleton (`name_skeleton`) of the last word of each name form: the
    /// candidates a name found by context may be. Each entry is a person with the skeletons of
    /// that form's words.
    pub person_surnames: HashMap<String, Vec<(u16, Vec<String>)>>,
    /// Normalized patterns and what each stands for.
    pub patterns: Vec<Pattern>,
    /// Every pattern, searched anchored at the places a word can start.
    pub automaton: aho_corasick::nfa::contiguous::NFA,
    /// Forward-looking markers of `data/commitment_markers.tsv`.
    pub commitment_markers: Vec<Phrase>,
    /// Indices into `commitment_markers` of the phrases a token can start, by the first letter
    /// of their first word and whether they are `agree` phrases (else `marker`/`future`), at
    /// `start_slot`: markers before futures, each in file order (the order ties break in).
    pub commitment_starts: Vec<Vec<usize>>,
    /// English connectives and fragment words of `data/discourse_en.tsv`.
    pub discourse_en: Vec<Phrase>,
}

/// A phrase of `data/commitment_markers.tsv` or `data/discourse_en.tsv`, matched on tokens of
/// the normalized key (not through the automaton).
#[derive(Debug)]
pub struct Phrase {
    /// Normalized words, each with whether suffixes may follow it (`*` in the data).
    pub words: Vec<(String, bool)>,
    /// The `kind` column.
    pub kind: String,
}

/// What may follow a pattern inside its last word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Suffix {
    /// Nothing: the pattern ends with the word.
    None,
    /// A pronoun suffix (`+` in the data: قصفه, زيارتها).
    Pronoun,
    /// Anything (`*` in the data).
    Any,
}

/// One compiled pattern.
#[derive(Debug)]
pub struct Pattern {
    pub key: String,
    /// What may follow in the last word.
    pub suffix: Suffix,
    pub latin: bool,
    /// A generated variant for ل + ال (للمملكة from المملكة): the token starts with ل.
    pub lil: bool,
    /// Written in capitals in the data (WHO, UAE): matches only text in capitals, so the
    /// English word "who" is not the World Health Organization.
    pub acronym: bool,
    /// The key has rules in `data/homographs.tsv`.
    pub homograph: bool,
    pub entries: Vec<Entry>,
}

macro_rules! data {
    ($name:literal) => {
        ($name, include_str!(concat!("../../data/", $name)))
    };
}

/// Normalized names of people the built-in lexicon leaves out (`Lexicon::ablate_persons`).
static ABLATED_PERSONS: OnceLock<Vec<String>> = OnceLock::new();

/// The data files, compiled into the binary so extraction needs no file system.
const FILES: [(&str, &str); 21] = [
    data!("homographs.tsv"),
    data!("agencies.tsv"),
    data!("offices.tsv"),
    data!("countries.tsv"),
    data!("places.tsv"),
    data!("organizations.tsv"),
    data!("titles.tsv"),
    data!("persons.tsv"),
    data!("actors.tsv"),
    data!("months.tsv"),
    data!("weekdays.tsv"),
    data!("numbers.tsv"),
    data!("currencies.tsv"),
    data!("triggers.tsv"),
    data!("objects.tsv"),
    data!("cues.tsv"),
    data!("given_names.tsv"),
    data!("function_words.tsv"),
    data!("groups.tsv"),
    data!("commitment_markers.tsv"),
    data!("discourse_en.tsv"),
];

fn date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let year: i16 = s.get(..4)?.parse().ok()?;
    Date::new(year, 1, 1).ok()
}

/// An end date written as a year means the end of that year.
fn end_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() == 4 {
        let year: i16 = s.parse().ok()?;
        return Date::new(year, 12, 31).ok();
    }
    date(s)
}

/// Does a known person's name form (normalized) stand for one of the ablated names? The same
/// name, one a word-prefix of the other (محمد بن سلمان, محمد بن سلمان بن عبد العزيز), the same
/// first and last words, or a one-word name that is the form's first or last word.
fn names_person(form: &str, ablated: &[String]) -> bool {
    let words: Vec<&str> = form.split(' ').collect();
    ablated.iter().any(|a| {
        let aw: Vec<&str> = a.split(' ').collect();
        if aw.len() == 1 {
            return words.first() == aw.first() || words.last() == aw.first();
        }
        let prefix = |x: &[&str], y: &[&str]| x.len() <= y.len() && y[..x.len()] == *x;
        prefix(&aw, &words) || prefix(&words, &aw) || (words.first() == aw.first() && words.last() == aw.last())
    })
}

/// The consonant skeleton of one name word: Arabic long vowels and hamza seats after the first
/// letter dropped (نزارباييف, نازاربايف → نزربف), Latin vowels, y and h likewise and double
/// letters made single (Akayev, Akaev → akv), and the consonants transliterations swap folded
/// (أكاييف, أقاييف → اكف).
pub(crate) fn name_skeleton(word: &str) -> String {
    let mut out = String::new();
    for (j, ch) in word.chars().enumerate() {
        // Letters transliterations swap: ك/ق for k and q, ج/غ for g, ز/ض/ذ/ظ for z, س/ص, ت/ط.
        let ch = match ch.to_ascii_lowercase() {
            'ق' => 'ك',
            'غ' => 'ج',
            'ض' | 'ذ' | 'ظ' => 'ز',
            'ص' => 'س',
            'ط' => 'ت',
            c => c,
        };
        if j > 0 && matches!(ch, 'ا' | 'و' | 'ي' | 'ء' | 'ه' | 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' | '\'' | '-')
        {
            continue;
        }
        if out.ends_with(ch) && ch.is_ascii_alphabetic() {
            continue;
        }
        out.push(ch);
    }
    out
}

struct Builder {
    patterns: Vec<Pattern>,
    index: HashMap<(String, Suffix), usize>,
}

impl Builder {
    fn add(&mut self, form: &str, entry: Entry) {
        let form = form.trim();
        let (form, suffix) = if let Some(f) = form.strip_suffix('*') {
            (f, Suffix::Any)
        } else if let Some(f) = form.strip_suffix('+') {
            (f, Suffix::Pronoun)
        } else {
            (form, Suffix::None)
        };
        let acronym = form.len() >= 2 && form.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&');
        let key = normalize_word(form);
        // ل + ال is written لل: للمملكة, للسعودية.
        if let Some(rest) = key.strip_prefix("ال").filter(|r| r.chars().count() >= 2 && !r.starts_with('ل')) {
            self.insert(format!("لل{rest}"), suffix, true, false, entry);
        }
        self.insert(key, suffix, false, acronym, entry);
    }

    fn insert(&mut self, key: String, suffix: Suffix, lil: bool, acronym: bool, entry: Entry) {
        // One letter alone would match inside every word; a symbol such as $ is fine.
        let mut chars = key.chars();
        match (chars.next(), chars.next()) {
            (None, _) => return,
            (Some(c), None) if c.is_alphanumeric() => return,
            _ => {}
        }
        let latin = key.chars().any(|c| c.is_ascii_alphabetic());
        let slot = *self.index.entry((key.clone(), suffix)).or_insert_with(|| {
            self.patterns.push(Pattern { key, suffix, latin, lil, acronym, homograph: false, entries: Vec::new() });
            self.patterns.len() - 1
        });
        // One non-acronym form of the same key lifts the capitals requirement.
        if !acronym {
            self.patterns[slot].acronym = false;
        }
        let entries = &mut self.patterns[slot].entries;
        if !entries.contains(&entry) {
            entries.push(entry);
        }
    }
}

/// The `n`th item as a compact index; the data files are far below the limit.
fn index<T: TryFrom<usize>>(n: usize, file: &'static str) -> Result<T, LexiconError> {
    T::try_from(n).map_err(|_| LexiconError { file, line: 0, message: format!("more than {n} rows") })
}

impl Lexicon {
    /// The built-in lexicon, compiled once.
    ///
    /// # Panics
    /// When a data file compiled into the binary has a row it cannot read: a bug of the data,
    /// which the lexicon tests report with its file and line first.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let without = ABLATED_PERSONS.get().map_or(&[][..], Vec::as_slice);
            Lexicon::compile_without(&FILES, without).unwrap_or_else(|e| panic!("lexicon: {e}"))
        })
    }

    /// Leaves out of the built-in lexicon every known person named by one of `names`, for the
    /// gazetteer ablation (people must then be found from context). Call before the first
    /// extraction; returns false when the lexicon is already compiled.
    pub fn ablate_persons(names: Vec<String>) -> bool {
        ABLATED_PERSONS.set(names.iter().map(|n| normalize_word(n)).collect()).is_ok()
    }

    /// Compiles the data files (name, text); a row that cannot be read is an error naming it.
    #[cfg(test)]
    pub(crate) fn compile(files: &[(&'static str, &'static str)]) -> Result<Lexicon, LexiconError> {
        Lexicon::compile_without(files, &[])
    }

    fn compile_without(files: &[(&'static str, &'static str)], ablated: &[String]) -> Result<Lexicon, LexiconError> {
        let table = |name: &'static str| -> Result<Table, LexiconError> {
            let (n, text) = files.iter().find(|(n, _)| *n == name).copied().unwrap_or((name, ""));
            if text.is_empty() {
                return Err(LexiconError { file: n, line: 0, message: "missing or empty".into() });
            }
            Table::parse(n, text)
        };
        let mut b = Builder { patterns: Vec::new(), index: HashMap::new() };

        let t = table("countries.tsv")?;
        let (iso3, en, ar, arv, env, aradj, enadj) = (
            t.col("iso3")?,
            t.col("en")?,
            t.col("ar")?,
            t.col("ar_variants")?,
            t.col("en_variants")?,
            t.col("ar_adj")?,
            t.col("en_adj")?,
        );
        let mut countries = Vec::new();
        let mut country_index = HashMap::new();
        for row in &t.rows {
            let i: u16 = index(countries.len(), t.name)?;
            let code = row.required(iso3, "iso3")?.to_string();
            country_index.insert(code.clone(), i);
            for f in std::iter::once(row.cell(ar))
                .chain(row.list(arv))
                .chain(std::iter::once(row.cell(en)))
                .chain(row.list(env))
            {
                b.add(f, Entry::Country(i));
            }
            for f in row.list(aradj).chain(row.list(enadj)) {
                b.add(f, Entry::CountryAdj(i));
                // The accusative of a nisba (13 إسرائيلياً): the masculine singular with alif.
                if f.ends_with('ي') && !f.starts_with("ال") {
                    b.add(&format!("{f}ا"), Entry::CountryAdj(i));
                }
            }
            countries.push(Country {
                iso3: code,
                en: row.cell(en).to_string(),
                ar: row.cell(ar).to_string(),
                ar_variants: row.list(arv).map(str::to_string).collect(),
                en_variants: row.list(env).map(str::to_string).collect(),
                ar_adj: row.list(aradj).map(str::to_string).collect(),
                en_adj: row.list(enadj).map(str::to_string).collect(),
            });
        }
        let known_country = |row: &Row, code: &str| -> Result<(), LexiconError> {
            if code.is_empty() || country_index.contains_key(code) {
                Ok(())
            } else {
                Err(row.error(format!("unknown country {code:?} (data/countries.tsv)")))
            }
        };

        let t = table("places.tsv")?;
        let c = |n| t.col(n);
        let (id, iso3, kind, en, ar, arv, env, vf, vt, same, lat, lon) = (
            c("id")?,
            c("iso3")?,
            c("kind")?,
            c("en")?,
            c("ar")?,
            c("ar_variants")?,
            c("en_variants")?,
            c("valid_from")?,
            c("valid_to")?,
            c("same_as")?,
            c("lat")?,
            c("lon")?,
        );
        let mut places = Vec::new();
        for row in &t.rows {
            let i: u16 = index(places.len(), t.name)?;
            known_country(row, row.cell(iso3))?;
            for f in std::iter::once(row.cell(ar))
                .chain(row.list(arv))
                .chain(std::iter::once(row.cell(en)))
                .chain(row.list(env))
            {
                b.add(f, Entry::Place(i));
            }
            places.push(Place {
                id: row.required(id, "id")?.to_string(),
                iso3: row.cell(iso3).to_string(),
                capital: row.one_of(kind, "kind", &[("capital", true), ("city", false)])?,
                en: row.cell(en).to_string(),
                ar: row.cell(ar).to_string(),
                valid_from: date(row.cell(vf)),
                valid_to: end_date(row.cell(vt)),
                same_as: Some(row.cell(same)).filter(|s| !s.is_empty()).map(str::to_string),
                lat: row.cell(lat).parse().ok(),
                lon: row.cell(lon).parse().ok(),
            });
        }

        let t = table("organizations.tsv")?;
        let (code, en, ar, arv, env) =
            (t.col("code")?, t.col("en")?, t.col("ar")?, t.col("ar_variants")?, t.col("en_variants")?);
        let mut orgs = Vec::new();
        for row in &t.rows {
            let i: u16 = index(orgs.len(), t.name)?;
            // Acronyms match only as written in capitals, so "who" never means the WHO.
            for f in std::iter::once(row.cell(ar))
                .chain(row.list(arv))
                .chain(std::iter::once(row.cell(en)))
                .chain(row.list(env))
            {
                b.add(f, Entry::Org(i));
            }
            orgs.push(Org {
                code: row.required(code, "code")?.to_string(),
                en: row.cell(en).to_string(),
                ar: row.cell(ar).to_string(),
            });
        }

        let t = table("titles.tsv")?;
        let (form, kind, sector, role, rank, tcountry) =
            (t.col("form")?, t.col("kind")?, t.col("sector")?, t.col("role_en")?, t.col("rank")?, t.col("country")?);
        let mut titles = Vec::new();
        let mut office_ranks: HashMap<String, u8> = HashMap::new();
        for row in &t.rows {
            let i: u16 = index(titles.len(), t.name)?;
            b.add(row.required(form, "form")?, Entry::Title(i));
            let title = Title {
                kind: row.one_of(
                    kind,
                    "kind",
                    &[("title", TitleKind::Title), ("rank", TitleKind::Rank), ("honorific", TitleKind::Honorific)],
                )?,
                sector: row.cell(sector).to_string(),
                role_en: row.cell(role).to_string(),
                rank: row.number(rank, "rank")?,
                country: Some(row.cell(tcountry).to_string()).filter(|c| !c.is_empty() && *c != "its"),
                possessive: row.cell(tcountry) == "its",
            };
            if let Some(c) = &title.country {
                known_country(row, c)?;
            }
            if !title.role_en.is_empty() {
                let r = office_ranks.entry(title.role_en.clone()).or_insert(title.rank);
                *r = (*r).min(title.rank);
            }
            titles.push(title);
        }

        let t = table("offices.tsv")?;
        let (office, orank, otitles) = (t.col("office")?, t.col("rank")?, t.col("titles")?);
        let mut title_offices: HashMap<String, Vec<String>> = HashMap::new();
        let mut offices = std::collections::HashSet::new();
        for row in &t.rows {
            let name = row.required(office, "office")?.to_string();
            office_ranks.insert(name.clone(), row.number(orank, "rank")?);
            for title in row.list(otitles) {
                if !titles.iter().any(|t: &Title| t.role_en == title) {
                    return Err(row.error(format!("title role {title:?} is in no row of data/titles.tsv")));
                }
                title_offices.entry(title.to_string()).or_default().push(name.clone());
            }
            offices.insert(name);
        }

        let t = table("persons.tsv")?;
        let c = |n| t.col(n);
        let (id, iso3, sector, role_en, role_ar, from, to, arn, enn) = (
            c("id")?,
            c("iso3")?,
            c("sector")?,
            c("role_en")?,
            c("role_ar")?,
            c("term_from")?,
            c("term_to")?,
            c("ar_names")?,
            c("en_names")?,
        );
        let mut persons: Vec<Person> = Vec::new();
        let mut person_index: HashMap<String, u16> = HashMap::new();
        let mut person_surnames: HashMap<String, Vec<(u16, Vec<String>)>> = HashMap::new();
        let mut dropped: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut offices_by_country: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
        for row in &t.rows {
            let pid = row.required(id, "id")?.to_string();
            let code = row.cell(iso3);
            // An official of an organization has its code (IGOUNO) for a country.
            if !orgs.iter().any(|o| o.code == code) {
                known_country(row, code)?;
            }
            if !offices.contains(row.cell(role_en)) {
                return Err(row.error(format!("office {:?} is not in data/offices.tsv", row.cell(role_en))));
            }
            // What offices a state has is known whoever is ablated.
            offices_by_country.entry(row.cell(iso3).to_string()).or_default().insert(row.cell(role_en).to_string());
            if dropped.contains(&pid)
                || (!ablated.is_empty()
                    && row.list(arn).chain(row.list(enn)).any(|f| names_person(&normalize_word(f), ablated)))
            {
                dropped.insert(pid);
                continue;
            }
            let next: u16 = index(persons.len(), t.name)?;
            let i = *person_index.entry(pid.clone()).or_insert_with(|| {
                persons.push(Person {
                    id: pid.clone(),
                    ar: row.list(arn).next().unwrap_or_default().to_string(),
                    en: row.list(enn).next().unwrap_or_default().to_string(),
                    ar_names: Vec::new(),
                    en_names: Vec::new(),
                    offices: Vec::new(),
                });
                next
            });
            let person = &mut persons[usize::from(i)];
            for (names, forms) in [(&mut person.ar_names, row.list(arn)), (&mut person.en_names, row.list(enn))] {
                for f in forms {
                    if !names.iter().any(|n| n == f) {
                        names.push(f.to_string());
                    }
                }
            }
            for f in row.list(arn).chain(row.list(enn)) {
                // A bare title with a name ("الملك سلمان") is found by the title rule instead.
                b.add(f, Entry::Person(i));
                // Indexed by the last word of a form of two words or more.
                let words: Vec<String> = normalize_word(f).split(' ').map(name_skeleton).collect();
                if let [_, .., last] = words.as_slice() {
                    let ids = person_surnames.entry(last.clone()).or_default();
                    let item = (i, words);
                    if !ids.contains(&item) {
                        ids.push(item);
                    }
                }
            }
            persons[usize::from(i)].offices.push(Office {
                iso3: row.cell(iso3).to_string(),
                sector: row.cell(sector).to_string(),
                role_en: row.cell(role_en).to_string(),
                role_ar: row.cell(role_ar).to_string(),
                from: date(row.cell(from)),
                to: end_date(row.cell(to)),
            });
        }

        let mut persons_by_country: HashMap<String, Vec<u16>> = HashMap::new();
        for (i, p) in persons.iter().enumerate() {
            for o in &p.offices {
                let ids = persons_by_country.entry(o.iso3.clone()).or_default();
                let i = index(i, "persons.tsv")?;
                if !ids.contains(&i) {
                    ids.push(i);
                }
            }
        }

        let t = table("actors.tsv")?;
        let (forms, country, role, group) = (t.col("forms")?, t.col("country")?, t.col("role")?, t.col("group")?);
        let mut actors = Vec::new();
        for row in &t.rows {
            let i: u16 = index(actors.len(), t.name)?;
            let role = row.required(role, "role")?;
            if role.len() != 3 || !role.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(row.error(format!("role {role:?} is not a three-letter CAMEO code")));
            }
            known_country(row, row.cell(country))?;
            let mut any = false;
            for f in row.list(forms) {
                b.add(f, Entry::Actor(i));
                any = true;
            }
            if !any {
                return Err(row.error("no form"));
            }
            actors.push(ActorNoun {
                country: Some(row.cell(country).to_string()).filter(|s| !s.is_empty()),
                role: role.to_string(),
                group: row.cell(group).to_string(),
            });
        }

        let t = table("months.tsv")?;
        let (form, cal, month) = (t.col("form")?, t.col("calendar")?, t.col("month")?);
        for row in &t.rows {
            let hijri = row.one_of(cal, "calendar", &[("gregorian", false), ("hijri", true)])?;
            b.add(row.cell(form), Entry::Month { month: row.number(month, "month")?, hijri });
        }
        let t = table("weekdays.tsv")?;
        let (form, wd) = (t.col("form")?, t.col("weekday")?);
        for row in &t.rows {
            b.add(row.cell(form), Entry::Weekday(row.number(wd, "weekday")?));
        }
        let t = table("numbers.tsv")?;
        let (form, value, kind) = (t.col("form")?, t.col("value")?, t.col("kind")?);
        for row in &t.rows {
            let v = row.cell(value);
            let entry = match row.cell(kind) {
                "scale" => Entry::Scale(row.number(value, "value")?),
                "unit" | "small" => Entry::Small(row.number(value, "value")?),
                "ordinal" => Entry::Ordinal(row.number(value, "value")?),
                "comparator" => {
                    let i = COMPARATORS
                        .iter()
                        .position(|c| *c == v)
                        .ok_or_else(|| row.error(format!("unknown comparator {v:?}")))?;
                    Entry::Comparator(index(i, t.name)?)
                }
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            b.add(row.cell(form), entry);
        }
        let t = table("currencies.tsv")?;
        let (form, code) = (t.col("form")?, t.col("code")?);
        let mut currencies: Vec<String> = Vec::new();
        for row in &t.rows {
            let c = row.required(code, "code")?.to_string();
            let i = currencies.iter().position(|x| *x == c).unwrap_or_else(|| {
                currencies.push(c.clone());
                currencies.len() - 1
            });
            b.add(row.cell(form), Entry::Currency(index(i, t.name)?));
        }

        let t = table("objects.tsv")?;
        let (form, class) = (t.col("form")?, t.col("class")?);
        let mut object_classes: Vec<String> = Vec::new();
        for row in &t.rows {
            let c = row.required(class, "class")?;
            let i = object_classes.iter().position(|x| x == c).unwrap_or_else(|| {
                object_classes.push(c.to_string());
                object_classes.len() - 1
            });
            b.add(row.required(form, "form")?, Entry::Object(index(i, t.name)?));
        }

        let t = table("triggers.tsv")?;
        let (pat, lang, code, frame, pos, object, prep) = (
            t.col("pattern")?,
            t.col("lang")?,
            t.col("code")?,
            t.col("frame")?,
            t.col("pos")?,
            t.col("object")?,
            t.col("prep")?,
        );
        let mut triggers = Vec::new();
        for row in &t.rows {
            let c = row.required(code, "code")?;
            let cameo = CameoCode::get(c).ok_or_else(|| row.error(format!("unknown CAMEO code {c:?}")))?;
            let object = match row.cell(object) {
                "" => None,
                o => Some(
                    object_classes
                        .iter()
                        .position(|x| x == o)
                        .ok_or_else(|| row.error(format!("unknown object class {o:?} (data/objects.tsv)")))?,
                ),
            };
            let i: u16 = index(triggers.len(), t.name)?;
            triggers.push(Trigger {
                code: cameo,
                frame: row.one_of(frame, "frame", FRAMES)?,
                verb: row.one_of(
                    pos,
                    "pos",
                    &[("verb", true), ("present", true), ("future", true), ("noun", false)],
                )?,
                present: row.cell(pos) == "present",
                future: row.cell(pos) == "future",
                object: object.map(|o| index(o, "objects.tsv")).transpose()?,
                preps: row.list(prep).map(|p| row.named(p, "prep", PREPS)).collect::<Result<_, _>>()?,
                english: row.one_of(lang, "lang", &[("ar", false), ("en", true)])?,
            });
            b.add(row.required(pat, "pattern")?, Entry::Trigger(i));
        }

        let t = table("cues.tsv")?;
        let (form, kind, scope, value) = (t.col("form")?, t.col("kind")?, t.col("scope")?, t.col("value")?);
        let mut cues = Vec::new();
        let mut suffixes: Vec<(CueKind, Vec<String>)> = Vec::new();
        for row in &t.rows {
            let kind = row.one_of(kind, "kind", CUE_KINDS)?;
            let key = normalize_word(row.required(form, "form")?);
            let prep = if kind == CueKind::Prep { row.one_of(value, "preposition", PREPS)? } else { Prep::Other };
            if kind == CueKind::HonorificPronoun && row.cell(value).is_empty() {
                return Err(row.error("an honorific pronoun needs the honorific it stands for in `value`"));
            }
            if kind == CueKind::Dynasty && !countries.iter().any(|c: &Country| c.iso3 == row.cell(value)) {
                return Err(row.error("a dynasty needs the ISO3 code of its country in `value`"));
            }
            let cue = Cue {
                key: key.clone(),
                kind,
                scope: row.one_of(scope, "scope", SCOPES)?,
                prep,
                // A country code stays as written; words are normalized like text.
                value: if kind == CueKind::Dynasty {
                    row.cell(value).to_string()
                } else {
                    normalize_word(row.cell(value))
                },
            };
            let i: u16 = index(cues.len(), t.name)?;
            match kind {
                _ if kind.is_suffix() => match suffixes.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, list)) => list.push(key.clone()),
                    None => suffixes.push((kind, vec![key.clone()])),
                },
                CueKind::Dyad => b.add(row.cell(form), Entry::Dyad),
                CueKind::Kingdom => b.add(row.cell(form), Entry::Kingdom),
                CueKind::Sultanate => b.add(row.cell(form), Entry::Sultanate),
                CueKind::Counterpart => b.add(row.cell(form), Entry::Counterpart),
                _ => b.add(row.cell(form), Entry::Cue(i)),
            }
            cues.push(cue);
        }

        let t = table("homographs.tsv")?;
        let (form, spelled, before, after, doc, reading) =
            (t.col("form")?, t.col("spelled")?, t.col("before")?, t.col("after")?, t.col("doc")?, t.col("reading")?);
        let mut homographs: HashMap<String, Vec<Homograph>> = HashMap::new();
        for row in &t.rows {
            let keys = |i| row.list(i).map(normalize_word).collect::<Vec<_>>();
            let reading = match row.required(reading, "reading")?.split_once(':') {
                None if row.cell(reading) == "none" => Reading::None,
                Some(("place", id)) => Reading::Place(index(
                    places.iter().position(|p| p.id == id).ok_or_else(|| row.error(format!("unknown place {id:?}")))?,
                    t.name,
                )?),
                Some(("country", iso3)) => Reading::Country(
                    *country_index.get(iso3).ok_or_else(|| row.error(format!("unknown country {iso3:?}")))?,
                ),
                _ => {
                    return Err(row
                        .error(format!("unknown reading {:?} (none, place:<id>, country:<ISO3>)", row.cell(reading))))
                }
            };
            known_country(row, row.cell(doc))?;
            homographs.entry(normalize_word(row.required(form, "form")?)).or_default().push(Homograph {
                spelled: Some(row.cell(spelled).to_string()).filter(|s| !s.is_empty()),
                before: keys(before),
                after: keys(after),
                doc: Some(row.cell(doc).to_string()).filter(|s| !s.is_empty()),
                reading,
            });
        }

        let t = table("given_names.tsv")?;
        let form = t.col("form")?;
        for row in &t.rows {
            b.add(row.cell(form), Entry::Given);
        }
        let t = table("agencies.tsv")?;
        let (form, acountry) = (t.col("form")?, t.col("country")?);
        let mut agencies = Vec::new();
        for row in &t.rows {
            let i: u16 = index(agencies.len(), t.name)?;
            let code = row.cell(acountry);
            known_country(row, code)?;
            b.add(row.required(form, "form")?, Entry::Agency(i));
            agencies.push(Some(code.to_string()).filter(|c| !c.is_empty()));
        }
        let t = table("function_words.tsv")?;
        let form = t.col("form")?;
        for row in &t.rows {
            b.add(row.cell(form), Entry::Function);
        }
        let t = table("groups.tsv")?;
        let (group, members) = (t.col("group")?, t.col("members")?);
        let mut groups = HashMap::new();
        for row in &t.rows {
            let list: Vec<String> = row.list(members).map(str::to_string).collect();
            for m in &list {
                known_country(row, m)?;
            }
            groups.insert(row.required(group, "group")?.to_string(), list);
        }

        // Phrases matched token by token: a `*` right after a word lets suffixes follow it.
        let phrases = |name: &'static str| -> Result<Vec<Phrase>, LexiconError> {
            let t = table(name)?;
            let (form, kind) = (t.col("form")?, t.col("kind")?);
            Ok(t.rows
                .iter()
                .map(|row| {
                    let key = normalize_word(row.cell(form));
                    let mut words: Vec<(String, bool)> = Vec::new();
                    for tok in alaqat_text::tokenize(&key) {
                        match (tok.text(&key), words.last_mut()) {
                            ("*", Some(last)) => last.1 = true,
                            (w, _) => words.push((w.to_string(), false)),
                        }
                    }
                    Phrase { words, kind: row.cell(kind).to_string() }
                })
                .filter(|p| !p.words.is_empty())
                .collect())
        };
        let commitment_markers = phrases("commitment_markers.tsv")?;
        let discourse_en = phrases("discourse_en.tsv")?;

        let mut patterns = b.patterns;
        for p in &mut patterns {
            p.homograph = homographs.contains_key(&p.key);
        }
        // One automaton over every pattern, walked from each place a word can start: a single
        // walk yields every pattern that starts there, of every group.
        // A contiguous NFA rather than a DFA: its table stays in cache, which matters more than
        // the cheaper transitions of a DFA whose table (thousands of patterns) does not.
        let automaton = aho_corasick::nfa::contiguous::NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.key.as_str()))
            .map_err(|e| LexiconError { file: "*", line: 0, message: format!("automaton: {e}") })?;
        Ok(Lexicon {
            countries,
            places,
            orgs,
            titles,
            persons,
            actors,
            triggers,
            currencies,
            groups,
            country_index,
            cues,
            suffixes,
            homographs,
            object_classes,
            office_ranks,
            title_offices,
            person_surnames,
            persons_by_country,
            offices_by_country,
            person_index,
            agencies,
            patterns,
            automaton,
            commitment_starts: commitment_starts(&commitment_markers),
            commitment_markers,
            discourse_en,
        })
    }

    /// Every form that stands for a country: names and their variants, adjectives (nisba
    /// forms) and capitals, as normalized match keys (with the generated لل variants), each with
    /// the ISO alpha-3 code and whether it matches only text in capitals (UAE). A form standing
    /// for several countries (عمان: Oman, and Amman for Jordan) comes once per country. The
    /// search index uses it to add a country term to every word naming one.
    pub fn country_forms(&self) -> Vec<CountryForm<'_>> {
        let mut forms = Vec::new();
        for pattern in &self.patterns {
            let first = forms.len();
            for entry in &pattern.entries {
                let iso3 = match *entry {
                    Entry::Country(i) | Entry::CountryAdj(i) => self.countries.get(usize::from(i)).map(|c| &c.iso3),
                    Entry::Place(i) => self.places.get(usize::from(i)).filter(|p| p.capital).map(|p| &p.iso3),
                    _ => None,
                };
                let form = iso3.map(|iso3| CountryForm { key: &pattern.key, iso3, acronym: pattern.acronym });
                // A name that is also the adjective (السعودية) comes once.
                if let Some(form) = form.filter(|f| !forms[first..].contains(f)) {
                    forms.push(form);
                }
            }
        }
        forms
    }

    /// True when `iso3` belongs to the named group of `data/groups.tsv`.
    pub fn in_group(&self, group: &str, iso3: &str) -> bool {
        self.groups.get(group).is_some_and(|m| m.iter().any(|c| c == iso3))
    }

    /// The office a person held on `date` (or the latest one when the date is unknown); of
    /// several held at once, the highest-ranked.
    pub fn office_at(&self, person: u16, on: Option<Date>) -> Option<&Office> {
        let p = self.persons.get(usize::from(person))?;
        let rank = |o: &&Office| self.office_rank(&o.role_en);
        if let Some(d) = on {
            let held = p.offices.iter().filter(|o| o.from.is_none_or(|f| f <= d) && o.to.is_none_or(|t| d <= t));
            if let Some(best) = held.min_by_key(rank) {
                return Some(best);
            }
        }
        // Out of office: the highest office held (a sultan who was also prime minister).
        p.offices
            .iter()
            .filter(|o| o.to.is_none())
            .min_by_key(rank)
            .or_else(|| p.offices.iter().min_by_key(|o| (rank(o), std::cmp::Reverse(o.from))))
    }

    /// The rank of an office by its English role, from `data/titles.tsv` (1 head of state, 2
    /// head of government or crown prince, 3 minister …); an office no title names ranks last.
    pub fn office_rank(&self, role: &str) -> u8 {
        self.office_ranks.get(role).copied().unwrap_or(u8::MAX)
    }

    /// The cue of an entry, when it is one.
    pub fn cue(&self, entry: Entry) -> Option<&Cue> {
        match entry {
            Entry::Cue(i) => self.cues.get(usize::from(i)),
            _ => None,
        }
    }

    /// True when `word` ends with a suffix cue of `kind`.
    pub fn ends_with_suffix(&self, word: &str, kind: CueKind) -> bool {
        self.suffixes
            .iter()
            .find(|(k, _)| *k == kind)
            .is_some_and(|(_, s)| s.iter().any(|x| word.ends_with(x.as_str())))
    }

    /// The trigger of an entry, when it is one.
    pub fn trigger(&self, entry: Entry) -> Option<&Trigger> {
        match entry {
            Entry::Trigger(i) => self.triggers.get(usize::from(i)),
            _ => None,
        }
    }

    /// The object class named `name`.
    pub fn object_class(&self, name: &str) -> Option<u8> {
        self.object_classes.iter().position(|c| c == name).and_then(|i| u8::try_from(i).ok())
    }
}

/// Where marker `i` stands when matches tie: markers before futures, each in file order.
pub(crate) fn commitment_rank(markers: &[Phrase], i: usize) -> usize {
    if markers[i].kind == "future" {
        markers.len() + i
    } else {
        i
    }
}

/// The slot of a phrase's first letter in `commitment_starts`: ASCII, then the Arabic block
/// (markers start with nothing else; a letter outside has no slot and no candidates).
pub(crate) fn start_slot(c: char, agree: bool) -> Option<usize> {
    let c = c as u32;
    let slot = match c {
        0..0x80 => c,
        0x0600..0x0700 => 0x80 + (c - 0x0600),
        _ => return None,
    };
    Some(slot as usize * 2 + usize::from(agree))
}

/// The `commitment_starts` index of `markers`: by first letter (a slot of `start_slot`), an
/// array rather than a map, since every word of every document asks it.
fn commitment_starts(markers: &[Phrase]) -> Vec<Vec<usize>> {
    let mut by_first: Vec<Vec<usize>> = vec![Vec::new(); 0x180 * 2];
    for (i, p) in markers.iter().enumerate() {
        let agree = match p.kind.as_str() {
            "marker" | "future" => false,
            "agree" => true,
            _ => continue,
        };
        if let Some(slot) = p.words.first().and_then(|(w, _)| w.chars().next()).and_then(|c| start_slot(c, agree)) {
            by_first[slot].push(i);
        }
    }
    for list in &mut by_first {
        list.sort_by_key(|&i| commitment_rank(markers, i));
    }
    by_first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_forms_cover_names_adjectives_and_capitals() {
        let lex = Lexicon::builtin();
        let forms = lex.country_forms();
        let iso = |key: &str| -> Vec<&str> {
            let key = normalize_word(key);
            let mut codes: Vec<&str> = forms.iter().filter(|f| f.key == key).map(|f| f.iso3).collect();
            codes.sort_unstable();
            codes
        };
        assert_eq!(iso("كازاخستان"), ["KAZ"]);
        assert_eq!(iso("الكازاخستانية"), ["KAZ"]);
        assert_eq!(iso("أستانا"), ["KAZ"]);
        assert_eq!(iso("للسعودية"), ["SAU"]);
        assert_eq!(iso("Kazakhstani"), ["KAZ"]);
        assert!(iso("جدة").is_empty(), "a city that is not a capital stands for no country");
        assert!(forms.iter().any(|f| f.key == "uae" && f.acronym));
    }

    #[test]
    fn builtin_lexicon_compiles_with_all_tables() {
        let lex = Lexicon::builtin();
        assert!(lex.countries.len() >= 193, "help: data/countries.tsv should list every UN member");
        assert!(lex.places.iter().any(|p| p.id == "nur_sultan" && p.valid_to.is_some()));
        assert!(lex.triggers.len() > 50);
        assert!(lex.persons.iter().any(|p| p.id == "tokayev"));
        assert!(lex.object_class("agreement").is_some());
    }

    #[test]
    fn office_rank_comes_from_the_titles_rank_column() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.office_rank("king"), 1);
        assert_eq!(lex.office_rank("crown prince"), 2);
        assert!(lex.office_rank("minister of foreign affairs") > lex.office_rank("prime minister"));
        assert_eq!(lex.office_rank("no such office"), u8::MAX);
    }

    /// The built-in files with one replaced, for error tests.
    fn with(name: &'static str, text: &'static str) -> Result<Lexicon, LexiconError> {
        let files: Vec<(&'static str, &'static str)> =
            FILES.iter().map(|&(n, t)| if n == name { (n, text) } else { (n, t) }).collect();
        Lexicon::compile(&files)
    }

    #[test]
    fn unknown_values_are_refused_with_file_and_line() {
        let e = with(
            "triggers.tsv",
            "pattern\tlang\tcode\tframe\tpos\tobject\tprep\torigin\nزار\tar\t042\tvisits\tverb\t\t\tx\n",
        )
        .err()
        .unwrap();
        assert_eq!((e.file, e.line), ("triggers.tsv", 2), "{e}");
        assert!(e.message.contains("unknown frame \"visits\""), "{e}");
        let e = with(
            "triggers.tsv",
            "pattern\tlang\tcode\tframe\tpos\tobject\tprep\torigin\n# c\nزار\tar\t999\tvisit\tverb\t\t\tx\n",
        )
        .err()
        .unwrap();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("unknown CAMEO code"), "{e}");
        let e = with(
            "triggers.tsv",
            "pattern\tlang\tcode\tframe\tpos\tobject\tprep\torigin\nوقع\tar\t057\tmutual\tverb\tcontract\t\tx\n",
        )
        .err()
        .unwrap();
        assert!(e.message.contains("unknown object class"), "{e}");
        let e = with("cues.tsv", "form\tlang\tkind\tscope\tvalue\nلم\tar\tnegation\tsomewhere\t\n").err().unwrap();
        assert_eq!((e.file, e.line), ("cues.tsv", 2));
        assert!(e.message.contains("unknown scope"), "{e}");
        let e = with("cues.tsv", "form\tlang\tkind\tscope\tvalue\nالى\tar\tprep\tword\tinto\n").err().unwrap();
        assert!(e.message.contains("unknown preposition \"into\""), "{e}");
        let e =
            with("actors.tsv", "forms\tlang\tcountry\trole\tgroup\tnote\nالجيش\tar\t\tmilitary\t\t\n").err().unwrap();
        assert!(e.message.contains("three-letter"), "{e}");
    }
}
