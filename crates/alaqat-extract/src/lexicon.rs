//! Lexicons: the data files in `data/`, parsed and compiled into automata at first use.
//!
//! Every surface form is normalized with `alaqat_text::normalize_word`, the same fold the
//! document text gets, so a lexicon entry matches every spelling variant the fold covers.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::MatchKind;
use alaqat_model::Date;
use alaqat_text::normalize_word;

/// A country (UN member or observer).
#[derive(Debug)]
pub struct Country {
    pub iso3: String,
    pub en: String,
    pub ar: String,
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
    pub offices: Vec<Office>,
}

/// A CAMEO code with its values.
#[derive(Debug)]
pub struct Cameo {
    pub goldstein: f32,
    pub quad: u8,
    pub plover: String,
}

/// How a trigger's source and target are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Visit,
    Host,
    Meet,
    Directed,
    Mutual,
    Letter,
    /// Not an event: a word that contains a trigger.
    Block,
}

/// An event trigger.
#[derive(Debug)]
pub struct Trigger {
    pub code: String,
    pub role: Role,
    pub verb: bool,
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
    Title(u16),
    Given,
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
            | Entry::Kingdom
            | Entry::Sultanate
            | Entry::Dyad
            | Entry::Counterpart => Group::Name,
            Entry::Title(_) => Group::Title,
            Entry::Given | Entry::Function => Group::Word,
            Entry::Month { .. } | Entry::Weekday(_) | Entry::Ordinal(_) => Group::Time,
            Entry::Scale(_) | Entry::Small(_) | Entry::Comparator(_) | Entry::Currency(_) => Group::Number,
            Entry::Trigger(_) => Group::Trigger,
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
}

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
    pub triggers: Vec<Trigger>,
    pub currencies: Vec<String>,
    pub cameo: HashMap<String, Cameo>,
    pub groups: HashMap<String, Vec<String>>,
    pub country_index: HashMap<String, u16>,
    /// Normalized patterns and what each stands for.
    pub patterns: Vec<Pattern>,
    /// Every pattern, searched anchored at the places a word can start.
    pub automaton: aho_corasick::nfa::contiguous::NFA,
    /// Forward-looking markers of `data/commitment_markers.tsv`.
    pub commitment_markers: Vec<Phrase>,
    /// Indices into `commitment_markers` of the phrases a token can start, by the first letter
    /// of their first word and whether they are `agree` phrases (else `marker`/`future`):
    /// markers before futures, each in file order (the order ties between matches break in).
    pub commitment_starts: HashMap<(char, bool), Vec<usize>>,
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

/// One compiled pattern.
#[derive(Debug)]
pub struct Pattern {
    pub key: String,
    /// A trailing `*` in the data: suffixes may follow.
    pub open_end: bool,
    pub latin: bool,
    /// A generated variant for ل + ال (للمملكة from المملكة): the token starts with ل.
    pub lil: bool,
    /// Written in capitals in the data (WHO, UAE): matches only text in capitals, so the
    /// English word "who" is not the World Health Organization.
    pub acronym: bool,
    pub entries: Vec<Entry>,
}

macro_rules! data {
    ($name:literal) => {
        ($name, include_str!(concat!("../data/", $name)))
    };
}

/// The data files, compiled into the binary so extraction needs no file system.
const FILES: [(&str, &str); 16] = [
    data!("countries.tsv"),
    data!("places.tsv"),
    data!("organizations.tsv"),
    data!("titles.tsv"),
    data!("persons.tsv"),
    data!("months.tsv"),
    data!("weekdays.tsv"),
    data!("numbers.tsv"),
    data!("currencies.tsv"),
    data!("triggers.tsv"),
    data!("cameo.tsv"),
    data!("given_names.tsv"),
    data!("function_words.tsv"),
    data!("groups.tsv"),
    data!("commitment_markers.tsv"),
    data!("discourse_en.tsv"),
];

/// Rows of a TSV file: the header names the columns; `#` lines are comments.
struct Table<'a> {
    name: &'a str,
    columns: Vec<&'a str>,
    rows: Vec<Vec<&'a str>>,
}

impl<'a> Table<'a> {
    fn parse(name: &'a str, text: &'a str) -> Table<'a> {
        let mut lines = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        let columns = lines.next().map(|h| h.split('\t').collect()).unwrap_or_default();
        let rows = lines.map(|l| l.split('\t').collect()).collect();
        Table { name, columns, rows }
    }

    fn col(&self, column: &str) -> usize {
        // A missing column is a bug in the data files, caught by the lexicon tests.
        self.columns.iter().position(|c| *c == column).unwrap_or_else(|| panic!("{}: no column {column}", self.name))
    }
}

fn cell<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).map_or("", |s| s.trim())
}

fn list<'a>(row: &[&'a str], i: usize) -> impl Iterator<Item = &'a str> {
    cell(row, i).split('|').map(str::trim).filter(|s| !s.is_empty())
}

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

struct Builder {
    patterns: Vec<Pattern>,
    index: HashMap<(String, bool), usize>,
}

impl Builder {
    fn add(&mut self, form: &str, entry: Entry) {
        let form = form.trim();
        let (form, open_end) = match form.strip_suffix('*') {
            Some(f) => (f, true),
            None => (form, false),
        };
        let acronym = form.len() >= 2 && form.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&');
        let key = normalize_word(form);
        // ل + ال is written لل: للمملكة, للسعودية.
        if let Some(rest) = key.strip_prefix("ال").filter(|r| r.chars().count() >= 2 && !r.starts_with('ل')) {
            self.insert(format!("لل{rest}"), open_end, true, false, entry);
        }
        self.insert(key, open_end, false, acronym, entry);
    }

    fn insert(&mut self, key: String, open_end: bool, lil: bool, acronym: bool, entry: Entry) {
        // One letter alone would match inside every word; a symbol such as $ is fine.
        let mut chars = key.chars();
        match (chars.next(), chars.next()) {
            (None, _) => return,
            (Some(c), None) if c.is_alphanumeric() => return,
            _ => {}
        }
        let latin = key.chars().any(|c| c.is_ascii_alphabetic());
        let slot = *self.index.entry((key.clone(), open_end)).or_insert_with(|| {
            self.patterns.push(Pattern { key, open_end, latin, lil, acronym, entries: Vec::new() });
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

impl Lexicon {
    /// The built-in lexicon, compiled once.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::compile(&FILES))
    }

    fn compile(files: &[(&'static str, &'static str)]) -> Lexicon {
        fn table<'f>(files: &[(&'f str, &'f str)], name: &'f str) -> Table<'f> {
            let (n, text) = files.iter().find(|(n, _)| *n == name).copied().unwrap_or((name, ""));
            Table::parse(n, text)
        }
        let table = |name: &'static str| table(files, name);
        let mut b = Builder { patterns: Vec::new(), index: HashMap::new() };

        let t = table("countries.tsv");
        let (iso3, en, ar, arv, env, aradj, enadj) = (
            t.col("iso3"),
            t.col("en"),
            t.col("ar"),
            t.col("ar_variants"),
            t.col("en_variants"),
            t.col("ar_adj"),
            t.col("en_adj"),
        );
        let mut countries = Vec::new();
        let mut country_index = HashMap::new();
        for row in &t.rows {
            let i = countries.len() as u16;
            let code = cell(row, iso3).to_string();
            country_index.insert(code.clone(), i);
            for f in std::iter::once(cell(row, ar))
                .chain(list(row, arv))
                .chain(std::iter::once(cell(row, en)))
                .chain(list(row, env))
            {
                b.add(f, Entry::Country(i));
            }
            for f in list(row, aradj).chain(list(row, enadj)) {
                b.add(f, Entry::CountryAdj(i));
            }
            countries.push(Country { iso3: code, en: cell(row, en).to_string(), ar: cell(row, ar).to_string() });
        }

        let t = table("places.tsv");
        let c = |n| t.col(n);
        let (id, iso3, kind, en, ar, arv, env, vf, vt, same, lat, lon) = (
            c("id"),
            c("iso3"),
            c("kind"),
            c("en"),
            c("ar"),
            c("ar_variants"),
            c("en_variants"),
            c("valid_from"),
            c("valid_to"),
            c("same_as"),
            c("lat"),
            c("lon"),
        );
        let mut places = Vec::new();
        for row in &t.rows {
            let i = places.len() as u16;
            for f in std::iter::once(cell(row, ar))
                .chain(list(row, arv))
                .chain(std::iter::once(cell(row, en)))
                .chain(list(row, env))
            {
                b.add(f, Entry::Place(i));
            }
            places.push(Place {
                id: cell(row, id).to_string(),
                iso3: cell(row, iso3).to_string(),
                capital: cell(row, kind) == "capital",
                en: cell(row, en).to_string(),
                ar: cell(row, ar).to_string(),
                valid_from: date(cell(row, vf)),
                valid_to: end_date(cell(row, vt)),
                same_as: Some(cell(row, same)).filter(|s| !s.is_empty()).map(str::to_string),
                lat: cell(row, lat).parse().ok(),
                lon: cell(row, lon).parse().ok(),
            });
        }

        let t = table("organizations.tsv");
        let (code, acr, en, ar, arv, env) =
            (t.col("code"), t.col("acronym"), t.col("en"), t.col("ar"), t.col("ar_variants"), t.col("en_variants"));
        let mut orgs = Vec::new();
        for row in &t.rows {
            let i = orgs.len() as u16;
            for f in std::iter::once(cell(row, ar))
                .chain(list(row, arv))
                .chain(std::iter::once(cell(row, en)))
                .chain(list(row, env))
            {
                b.add(f, Entry::Org(i));
            }
            // Acronyms match only as written in capitals, so "who" never means the WHO.
            let _ = acr;
            orgs.push(Org {
                code: cell(row, code).to_string(),
                en: cell(row, en).to_string(),
                ar: cell(row, ar).to_string(),
            });
        }

        let t = table("titles.tsv");
        let (form, kind, sector, role, rank) =
            (t.col("form"), t.col("kind"), t.col("sector"), t.col("role_en"), t.col("rank"));
        let mut titles = Vec::new();
        for row in &t.rows {
            let i = titles.len() as u16;
            b.add(cell(row, form), Entry::Title(i));
            titles.push(Title {
                kind: match cell(row, kind) {
                    "rank" => TitleKind::Rank,
                    "honorific" => TitleKind::Honorific,
                    _ => TitleKind::Title,
                },
                sector: cell(row, sector).to_string(),
                role_en: cell(row, role).to_string(),
                rank: cell(row, rank).parse().unwrap_or(9),
            });
        }

        let t = table("persons.tsv");
        let c = |n| t.col(n);
        let (id, iso3, sector, role_en, role_ar, from, to, arn, enn) = (
            c("id"),
            c("iso3"),
            c("sector"),
            c("role_en"),
            c("role_ar"),
            c("term_from"),
            c("term_to"),
            c("ar_names"),
            c("en_names"),
        );
        let mut persons: Vec<Person> = Vec::new();
        let mut person_index: HashMap<String, u16> = HashMap::new();
        for row in &t.rows {
            let pid = cell(row, id).to_string();
            let i = *person_index.entry(pid.clone()).or_insert_with(|| {
                persons.push(Person {
                    id: pid.clone(),
                    ar: list(row, arn).next().unwrap_or_default().to_string(),
                    en: list(row, enn).next().unwrap_or_default().to_string(),
                    offices: Vec::new(),
                });
                (persons.len() - 1) as u16
            });
            for f in list(row, arn).chain(list(row, enn)) {
                // A bare title with a name ("الملك سلمان") is found by the title rule instead.
                b.add(f, Entry::Person(i));
            }
            persons[i as usize].offices.push(Office {
                iso3: cell(row, iso3).to_string(),
                sector: cell(row, sector).to_string(),
                role_en: cell(row, role_en).to_string(),
                role_ar: cell(row, role_ar).to_string(),
                from: date(cell(row, from)),
                to: end_date(cell(row, to)),
            });
        }

        let t = table("months.tsv");
        let (form, cal, month) = (t.col("form"), t.col("calendar"), t.col("month"));
        for row in &t.rows {
            if let Ok(m) = cell(row, month).parse() {
                b.add(cell(row, form), Entry::Month { month: m, hijri: cell(row, cal) == "hijri" });
            }
        }
        let t = table("weekdays.tsv");
        let (form, wd) = (t.col("form"), t.col("weekday"));
        for row in &t.rows {
            if let Ok(d) = cell(row, wd).parse() {
                b.add(cell(row, form), Entry::Weekday(d));
            }
        }
        let t = table("numbers.tsv");
        let (form, value, kind) = (t.col("form"), t.col("value"), t.col("kind"));
        for row in &t.rows {
            let v = cell(row, value);
            let entry = match cell(row, kind) {
                "scale" => v.parse().ok().map(Entry::Scale),
                "unit" | "small" => v.parse().ok().map(Entry::Small),
                "ordinal" => v.parse().ok().map(Entry::Ordinal),
                "comparator" => COMPARATORS.iter().position(|c| *c == v).map(|i| Entry::Comparator(i as u8)),
                _ => None,
            };
            if let Some(e) = entry {
                b.add(cell(row, form), e);
            }
        }
        let t = table("currencies.tsv");
        let (form, code) = (t.col("form"), t.col("code"));
        let mut currencies: Vec<String> = Vec::new();
        for row in &t.rows {
            let c = cell(row, code).to_string();
            let i = currencies.iter().position(|x| *x == c).unwrap_or_else(|| {
                currencies.push(c.clone());
                currencies.len() - 1
            });
            b.add(cell(row, form), Entry::Currency(i as u16));
        }
        let t = table("triggers.tsv");
        let (pat, code, role, pos) = (t.col("pattern"), t.col("code"), t.col("role"), t.col("pos"));
        let mut triggers = Vec::new();
        for row in &t.rows {
            let role = match cell(row, role) {
                "visit" => Role::Visit,
                "host" => Role::Host,
                "meet" => Role::Meet,
                "mutual" => Role::Mutual,
                "letter" => Role::Letter,
                "block" => Role::Block,
                _ => Role::Directed,
            };
            let i = triggers.len() as u16;
            triggers.push(Trigger { code: cell(row, code).to_string(), role, verb: cell(row, pos) == "verb" });
            b.add(cell(row, pat), Entry::Trigger(i));
        }
        let t = table("cameo.tsv");
        let (code, g, quad, plover) = (t.col("code"), t.col("goldstein"), t.col("quad"), t.col("plover"));
        let cameo = t
            .rows
            .iter()
            .map(|row| {
                (
                    cell(row, code).to_string(),
                    Cameo {
                        goldstein: cell(row, g).parse().unwrap_or(0.0),
                        quad: cell(row, quad).parse().unwrap_or(1),
                        plover: cell(row, plover).to_string(),
                    },
                )
            })
            .collect();
        let t = table("given_names.tsv");
        let form = t.col("form");
        for row in &t.rows {
            b.add(cell(row, form), Entry::Given);
        }
        let t = table("function_words.tsv");
        let form = t.col("form");
        for row in &t.rows {
            b.add(cell(row, form), Entry::Function);
        }
        let t = table("groups.tsv");
        let (group, members) = (t.col("group"), t.col("members"));
        let groups = t
            .rows
            .iter()
            .map(|row| (cell(row, group).to_string(), list(row, members).map(str::to_string).collect()))
            .collect();

        // Words whose referent depends on the document.
        for f in ["المملكة", "المملكتين"] {
            b.add(f, Entry::Kingdom);
        }
        b.add("السلطنة", Entry::Sultanate);
        for f in [
            "البلدين",
            "البلدان",
            "الجانبين",
            "الجانبان",
            "الطرفين",
            "الطرفان",
            "الدولتين",
            "الدولتان",
            "بلدينا",
            "البلدين الشقيقين",
            "البلدين الصديقين",
            "both countries",
            "the two countries",
            "the two sides",
            "both sides",
        ] {
            b.add(f, Entry::Dyad);
        }
        for f in ["نظيره", "نظيرته", "نظيرها", "counterpart"] {
            b.add(f, Entry::Counterpart);
        }

        // Phrases matched token by token: a `*` right after a word lets suffixes follow it.
        let phrases = |name: &'static str| -> Vec<Phrase> {
            let t = table(name);
            let (form, kind) = (t.col("form"), t.col("kind"));
            t.rows
                .iter()
                .map(|row| {
                    let key = normalize_word(cell(row, form));
                    let mut words: Vec<(String, bool)> = Vec::new();
                    for tok in alaqat_text::tokenize(&key) {
                        match (tok.text(&key), words.last_mut()) {
                            ("*", Some(last)) => last.1 = true,
                            (w, _) => words.push((w.to_string(), false)),
                        }
                    }
                    Phrase { words, kind: cell(row, kind).to_string() }
                })
                .filter(|p| !p.words.is_empty())
                .collect()
        };
        let commitment_markers = phrases("commitment_markers.tsv");
        let discourse_en = phrases("discourse_en.tsv");

        let patterns = b.patterns;
        // One DFA over every pattern, walked from each place a word can start: a single walk
        // yields every pattern that starts there, of every group.
        // A contiguous NFA rather than a DFA: its table stays in cache, which matters more than
        // the cheaper transitions of a DFA whose table (thousands of patterns) does not.
        let automaton = aho_corasick::nfa::contiguous::NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.key.as_str()))
            .unwrap_or_else(|e| panic!("lexicon automaton: {e}"));
        Lexicon {
            countries,
            places,
            orgs,
            titles,
            persons,
            triggers,
            currencies,
            cameo,
            groups,
            country_index,
            patterns,
            automaton,
            commitment_starts: commitment_starts(&commitment_markers),
            commitment_markers,
            discourse_en,
        }
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

    /// The office a person held on `date` (or the latest one when the date is unknown).
    pub fn office_at(&self, person: u16, on: Option<Date>) -> Option<&Office> {
        let p = self.persons.get(person as usize)?;
        if let Some(d) = on {
            let held = p.offices.iter().filter(|o| o.from.is_none_or(|f| f <= d) && o.to.is_none_or(|t| d <= t));
            if let Some(best) = held.min_by_key(|o| office_rank(&o.role_en)) {
                return Some(best);
            }
        }
        p.offices
            .iter()
            .filter(|o| o.to.is_none())
            .min_by_key(|o| office_rank(&o.role_en))
            .or_else(|| p.offices.iter().max_by_key(|o| o.from))
    }
}

/// Heads of state first when a person holds several offices at once.
fn office_rank(role: &str) -> u8 {
    match role {
        "king" | "president" | "emir" | "sultan" => 0,
        "crown prince" => 1,
        "prime minister" => 2,
        _ => 3,
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

/// The `commitment_starts` index of `markers`.
fn commitment_starts(markers: &[Phrase]) -> HashMap<(char, bool), Vec<usize>> {
    let mut by_first: HashMap<(char, bool), Vec<usize>> = HashMap::new();
    for (i, p) in markers.iter().enumerate() {
        let agree = match p.kind.as_str() {
            "marker" | "future" => false,
            "agree" => true,
            _ => continue,
        };
        if let Some(c) = p.words.first().and_then(|(w, _)| w.chars().next()) {
            by_first.entry((c, agree)).or_default().push(i);
        }
    }
    for list in by_first.values_mut() {
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
        for t in &lex.triggers {
            assert!(
                lex.cameo.contains_key(&t.code),
                "help: code {} of data/triggers.tsv is missing from data/cameo.tsv",
                t.code
            );
        }
        assert!(lex.persons.iter().any(|p| p.id == "tokayev"));
    }
}
