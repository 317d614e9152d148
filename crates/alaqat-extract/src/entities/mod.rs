//! Entity mentions: countries (names, adjectives, capitals), organizations, places and people.
//!
//! People come from these sources, in this order of trust: the office-holder lexicon; name
//! chains anchored by a title, an honorific or «نظيره» before them, with the country words of
//! that phrase (`الأمير عبد العزيز بن سعود`, `نظيره الأوزبكي كوتشقاروف جمشيد`); chains followed
//! by their office and its country (`يي وانغ وزير الخارجية الصيني`); chains that start with a
//! known given name and are followed by a role (`أحمد العيسى، مدير عام ...`); and in English,
//! `english.rs`. A chain found by context that names a known office-holder under another
//! spelling links to them (`known.rs`); other people get an id from the consonant skeleton of
//! their name chain, so the same spelling family links across documents. A person's country is
//! the one the context gives, else the agency's or the dateline's for an official named by
//! office alone, else none: unknown is better than wrong.

use std::collections::HashMap;

use alaqat_model::{Date, Entity, EntityKind, Span};
use alaqat_text::{is_arabic_letter, TokenKind};

use crate::lexicon::{CueKind, Entry, Group, Lexicon, Office, Prep, Reading, TitleKind};
use crate::scan::{Hit, Scan};

mod english;
mod known;

/// What a mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Country,
    Adjective,
    Capital,
    City,
    Org,
    Person,
    /// An actor noun (الجيش، المتظاهرون، حزب الله): a role, and a country when the noun names one.
    Actor,
    /// البلدين: the two parties in focus.
    Dyad,
}

/// A mention with what events need to know about it.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub kind: Kind,
    /// Tokens of the name itself.
    pub t0: usize,
    pub t1: usize,
    /// Tokens including a title before it (for preposition checks).
    pub lead: usize,
    pub o: Span,
    pub entity: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// A pronoun standing for a person (جلالته): an actor for events, not a name to export.
    pub pronoun: bool,
}

/// What entity recognition hands to the other stages.
pub(crate) struct Found {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Places mentioned with their lexicon index, for validity checks.
    pub places: Vec<(u16, Span)>,
}

/// Runs entity recognition over a scanned document.
pub(crate) fn find(scan: &Scan<'_>, on: Option<Date>) -> Found {
    let lex = scan.lex;
    let mut mentions: Vec<Mention> = Vec::new();
    let mut places = Vec::new();
    let mut entities: HashMap<String, Entity> = HashMap::new();
    let monarchy = focus_country(scan, "monarchy");
    let sultanate = focus_country(scan, "sultanate");

    // "دولار أمريكي" and "ريال سعودي" name currencies, not countries.
    let currencies: Vec<Span> = scan
        .hits
        .iter()
        .filter(|h| h.group == Group::Number && scan.entries(h).iter().any(|e| matches!(e, Entry::Currency(_))))
        .map(|h| h.k)
        .collect();
    let doc_countries = country_counts(scan);
    for hit in scan.hits.iter().filter(|h| h.group == Group::Name) {
        if currencies.iter().any(|c| c.contains(hit.k)) {
            continue;
        }
        let entries = scan.entries(hit);
        let pattern = &lex.patterns[hit.pat as usize];
        // English names are capitalized: "turkey" is a bird, "chad" a verb.
        if pattern.latin && !pattern.acronym && scan.slice(hit.o).starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let Some(mut entry) = best_entry(entries) else { continue };
        match homograph(scan, hit, &doc_countries) {
            Some(Reading::None) => continue,
            Some(Reading::Place(i)) => entry = Entry::Place(i),
            Some(Reading::Country(i)) => entry = Entry::Country(i),
            None => {}
        }
        let (kind, entity, country, sector) = match entry {
            Entry::Person(i) => {
                let (id, office) = known_entity(&mut entities, lex, i, on, scan.slice(hit.o));
                (Kind::Person, id, office.map(|o| o.iso3.clone()), office.map(|o| o.sector.clone()))
            }
            Entry::Org(i) => {
                let o = &lex.orgs[i as usize];
                entities.entry(o.code.clone()).or_insert_with(|| Entity {
                    id: o.code.clone(),
                    kind: Some(EntityKind::Organization),
                    name_ar: Some(o.ar.clone()),
                    name_en: Some(o.en.clone()),
                    country: Some(o.code.clone()),
                    ..Entity::default()
                });
                (Kind::Org, o.code.clone(), Some(o.code.clone()), None)
            }
            Entry::Country(i) | Entry::CountryAdj(i) => {
                let c = &lex.countries[i as usize];
                let kind = if matches!(entry, Entry::Country(_)) { Kind::Country } else { Kind::Adjective };
                country_entity(&mut entities, &c.iso3, &c.ar, &c.en);
                (kind, c.iso3.clone(), Some(c.iso3.clone()), None)
            }
            Entry::Place(i) => {
                let p = &lex.places[i as usize];
                places.push((i, hit.o));
                let id = format!("plc:{}", p.same_as.as_deref().unwrap_or(&p.id));
                entities.entry(id.clone()).or_insert_with(|| Entity {
                    id: id.clone(),
                    kind: Some(EntityKind::Place),
                    name_ar: Some(p.ar.clone()),
                    name_en: Some(p.en.clone()),
                    country: Some(p.iso3.clone()).filter(|s| !s.is_empty()),
                    ..Entity::default()
                });
                let kind = if p.capital && !p.iso3.is_empty() { Kind::Capital } else { Kind::City };
                (kind, id, Some(p.iso3.clone()).filter(|s| !s.is_empty()), None)
            }
            Entry::Kingdom | Entry::Sultanate => {
                let focus = if entry == Entry::Kingdom { &monarchy } else { &sultanate };
                let Some(iso3) = focus.clone() else { continue };
                if let Some(&i) = lex.country_index.get(&iso3) {
                    let c = &lex.countries[i as usize];
                    country_entity(&mut entities, &c.iso3, &c.ar, &c.en);
                }
                (Kind::Country, iso3.clone(), Some(iso3), None)
            }
            Entry::Dyad => (Kind::Dyad, String::new(), None, None),
            Entry::Actor(i) => {
                let a = &lex.actors[usize::from(i)];
                // A named group is an organization of the record; a role noun (the army) is not.
                let id = if a.group.is_empty() {
                    String::new()
                } else {
                    let id = format!("grp:{}", a.group);
                    entities.entry(id.clone()).or_insert_with(|| Entity {
                        id: id.clone(),
                        kind: Some(EntityKind::Organization),
                        name_ar: scan
                            .lex
                            .patterns
                            .get(hit.pat as usize)
                            .filter(|p| !p.latin)
                            .map(|_| scan.slice(hit.o).to_string()),
                        name_en: scan
                            .lex
                            .patterns
                            .get(hit.pat as usize)
                            .filter(|p| p.latin)
                            .map(|_| scan.slice(hit.o).to_string()),
                        country: a.country.clone(),
                        role: Some(a.role.clone()),
                        sector: Some(a.role.clone()),
                        variants: Vec::new(),
                    });
                    id
                };
                (Kind::Actor, id, a.country.clone(), Some(a.role.clone()))
            }
            _ => continue,
        };
        mentions.push(Mention {
            kind,
            t0: hit.t0,
            t1: hit.t1,
            lead: hit.t0,
            o: hit.o,
            entity,
            country,
            sector,
            pronoun: false,
        });
    }

    people(scan, on, &mut mentions, &mut entities);
    mentions.sort_by_key(|m| (m.t0, m.t1));
    surnames(scan, &mut mentions);
    honorific_pronouns(scan, &mut mentions);
    bare_head_titles(scan, on, &mut mentions, &mut entities);
    let mut entities: Vec<Entity> = entities.into_values().collect();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    Found { mentions, entities, places }
}

/// How often the document names each country (names and adjectives), for homographs.
fn country_counts(scan: &Scan<'_>) -> HashMap<u16, usize> {
    let mut counts: HashMap<u16, usize> = HashMap::new();
    for hit in scan.hits.iter().filter(|h| h.group == Group::Name) {
        // A homograph does not vote for its own reading.
        if scan.lex.patterns[hit.pat as usize].homograph {
            continue;
        }
        if let Some(Entry::Country(i) | Entry::CountryAdj(i)) =
            scan.entries(hit).iter().find(|e| matches!(e, Entry::Country(_) | Entry::CountryAdj(_)))
        {
            *counts.entry(*i).or_default() += 1;
        }
    }
    counts
}

/// The reading of a homograph of a place name in its context (`data/homographs.tsv`), if a rule
/// applies.
fn homograph(scan: &Scan<'_>, hit: &Hit, doc: &HashMap<u16, usize>) -> Option<Reading> {
    let lex = scan.lex;
    let pattern = &lex.patterns[hit.pat as usize];
    if !pattern.homograph {
        return None;
    }
    let rules = lex.homographs.get(&pattern.key)?;
    let word = |t: Option<usize>| t.map_or("", |t| scan.word(t).trim_start_matches(['و', 'ف']));
    let (before, after) = (word(hit.t0.checked_sub(1)), word(Some(hit.t1)));
    let own = scan.entries(hit).iter().find_map(|e| if let Entry::Country(i) = e { Some(*i) } else { None });
    rules
        .iter()
        .find(|r| {
            r.spelled.as_deref().is_none_or(|sp| scan.slice(hit.o).contains(sp))
                && (r.before.is_empty() || r.before.iter().any(|w| w == before))
                && (r.after.is_empty() || r.after.iter().any(|w| w == after))
                && r.doc.as_ref().is_none_or(|iso3| {
                    let named = |i: Option<u16>| i.and_then(|i| doc.get(&i)).copied().unwrap_or(0);
                    named(lex.country_index.get(iso3).copied()) > named(own)
                })
        })
        .map(|r| r.reading)
}

fn best_entry(entries: &[Entry]) -> Option<Entry> {
    let rank = |e: &Entry| match e {
        Entry::Person(_) => 0,
        Entry::Actor(_) => 1,
        Entry::Org(_) => 1,
        Entry::Country(_) => 2,
        Entry::CountryAdj(_) => 3,
        Entry::Place(_) => 4,
        Entry::Kingdom | Entry::Sultanate => 5,
        Entry::Dyad => 6,
        _ => 9,
    };
    entries.iter().copied().filter(|e| rank(e) < 9).min_by_key(rank)
}

/// The entity of known person `i` (created at first mention, with the office held on `on`),
/// with `variant` added to its spellings: its id and that office.
fn known_entity<'l>(
    entities: &mut HashMap<String, Entity>,
    lex: &'l Lexicon,
    i: u16,
    on: Option<Date>,
    variant: &str,
) -> (String, Option<&'l Office>) {
    let p = &lex.persons[usize::from(i)];
    let office = lex.office_at(i, on);
    let id = format!("per:{}", p.id);
    let e = entities.entry(id.clone()).or_insert_with(|| Entity {
        id: id.clone(),
        kind: Some(EntityKind::Person),
        name_ar: Some(p.ar.clone()).filter(|s| !s.is_empty()),
        name_en: Some(p.en.clone()).filter(|s| !s.is_empty()),
        country: office.map(|o| o.iso3.clone()),
        role: office.map(|o| o.role_en.clone()),
        sector: office.map(|o| o.sector.clone()),
        variants: Vec::new(),
    });
    add_variant(e, variant);
    (id, office)
}

fn country_entity(entities: &mut HashMap<String, Entity>, iso3: &str, ar: &str, en: &str) {
    entities.entry(iso3.to_string()).or_insert_with(|| Entity {
        id: iso3.to_string(),
        kind: Some(EntityKind::Country),
        name_ar: Some(ar.to_string()),
        name_en: Some(en.to_string()),
        country: Some(iso3.to_string()),
        ..Entity::default()
    });
}

fn add_variant(e: &mut Entity, v: &str) {
    if !v.is_empty() && !e.variants.iter().any(|x| x == v) {
        e.variants.push(v.to_string());
    }
}

/// The member of a country group the document mentions most, if any (المملكة → SAU in a
/// report about Saudi Arabia, BHR in one about Bahrain).
fn focus_country(scan: &Scan<'_>, group: &str) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for hit in scan.hits.iter().filter(|h| h.group == Group::Name) {
        for e in scan.entries(hit) {
            if let Entry::Country(i) | Entry::CountryAdj(i) = e {
                let iso3 = scan.lex.countries[*i as usize].iso3.as_str();
                if scan.lex.in_group(group, iso3) {
                    *counts.entry(iso3).or_default() += 1;
                }
            }
        }
    }
    let members = scan.lex.groups.get(group)?;
    // Ties go to the group's order in data/groups.tsv.
    members
        .iter()
        .filter_map(|m| counts.get(m.as_str()).map(|n| (n, m)))
        .max_by_key(|(n, m)| (**n, std::cmp::Reverse(members.iter().position(|x| x == *m))))
        .map(|(_, m)| m.clone())
}

// ---------------------------------------------------------------------------------------
// People

fn has_entry(scan: &Scan<'_>, t: usize, group: Group, pred: impl Fn(&Entry) -> bool) -> Option<Hit> {
    scan.hit_at(t, group).filter(|h| scan.entries(h).iter().any(&pred)).copied()
}

/// A title, rank or honorific hit starting at token `t`.
fn title_at(scan: &Scan<'_>, t: usize) -> Option<(Hit, u16)> {
    let hit = scan.hit_at(t, Group::Title)?;
    scan.entries(hit).iter().find_map(|e| if let Entry::Title(i) = e { Some((*hit, *i)) } else { None })
}

/// Could token `t` be part of a person's name?
fn name_like(scan: &Scan<'_>, t: usize, first: bool) -> bool {
    let Some(tok) = scan.toks.get(t) else { return false };
    if tok.kind != TokenKind::Word {
        return false;
    }
    let w = scan.word(t);
    if w.chars().count() < 2 || !w.chars().next().is_some_and(is_arabic_letter) {
        return false;
    }
    // The article; not a hamza before ل (ألكسندر, إلهام), which folding makes look like it.
    if first && w.starts_with("ال") && !w.starts_with("الل") && !scan.slice(tok.o).starts_with(['أ', 'إ']) {
        return false;
    }
    // A known word after a proclitic (بمغادرة, للشؤون, وأجرى) does not start a name.
    let proclitic_letter = w.starts_with(['و', 'ف', 'ب', 'ل', 'ك']);
    let known_after_proclitic = || {
        scan.hits_in(t, t + 1).iter().any(|h| {
            h.t0 == t && h.prefix > 0 && scan.entries(h).iter().all(|e| !matches!(e, Entry::Given | Entry::Person(_)))
        })
    };
    if first && (w.starts_with("لل") || (proclitic_letter && known_after_proclitic())) {
        return false;
    }
    // Known words of other kinds end a name.
    !scan.name_stop.get(t).copied().unwrap_or(true)
}

fn is_given(scan: &Scan<'_>, t: usize) -> bool {
    has_entry(scan, t, Group::Word, |e| *e == Entry::Given).is_some()
}

/// One past the first Slavic or Turkic surname (ـوف، ـييف) of the chain `t0..t1`, where the
/// name ends; `t1` when it has none. A given name may follow it.
fn end_at_surname(scan: &Scan<'_>, t0: usize, t1: usize) -> usize {
    match (t0..t1).find(|&t| foreign_shape(scan, t, t + 1)) {
        Some(f) => {
            let mut end = f + 1;
            while end < t1 && is_given(scan, end) {
                end += 1;
            }
            end
        }
        None => t1,
    }
}

/// Is token `t` a one-word definite country nisba (السوداني) with no name after it?
fn nisba_surname(scan: &Scan<'_>, t: usize) -> bool {
    let w = scan.word(t);
    t > 0
        && scan.toks.get(t).is_some_and(|tok| tok.sent == scan.toks[t - 1].sent)
        && w.starts_with("ال")
        && w.ends_with('ي')
        && scan.hit_at(t, Group::Name).is_some_and(|h| {
            h.t1 == t + 1
                && h.prefix == 0
                && scan.entries(h).iter().all(|e| matches!(e, Entry::CountryAdj(_) | Entry::Person(_)))
        })
        && !name_like(scan, t + 1, false)
}

/// Does a word end like a noun rather than a name: a feminine or plural ending (زيارة,
/// تصريحات) or a pronoun suffix (لديها, أراضيهم)?
fn noun_ending(w: &str) -> bool {
    w.ends_with('ه') || w.ends_with("ات") || w.ends_with("ها") || w.ends_with("هم") || w.ends_with("هما")
}

/// A name word known otherwise only as a month or a place (رجب, نور سلطان): one past its end.
fn soft_stop(scan: &Scan<'_>, t: usize) -> Option<usize> {
    if scan.word(t).starts_with("ال") || scan.toks.get(t).is_none_or(|tok| tok.kind != TokenKind::Word) {
        return None;
    }
    let hits = || scan.hits_in(t, t + 1).iter().filter(|h| h.t0 == t);
    let soft = |h: &Hit| match h.group {
        Group::Time | Group::Cue | Group::Object => true,
        // علي, the name, is spelled with ي; على, the preposition, with ى: both fold to one key.
        Group::Word => {
            let original = scan.slice(scan.toks[t].o);
            !scan.entries(h).contains(&Entry::Function)
                || is_given(scan, t)
                || (original.ends_with('ي') && original.chars().count() >= 3)
        }
        Group::Name => scan.entries(h).iter().all(|e| matches!(e, Entry::Place(_))),
        _ => false,
    };
    let end = hits().map(|h| h.t1).max()?;
    hits().all(soft).then_some(end)
}

/// Parses a name chain starting at token `t`: `X (بن Y)* (آل Z)?` or a given name with up to
/// two more name tokens (a nisba surname `الفالح` ends it). Returns one past the last token
/// and whether the chain had Arabic structure (بن/آل).
fn chain(scan: &Scan<'_>, t: usize) -> Option<(usize, bool)> {
    if !name_like(scan, t, true) {
        return None;
    }
    let sent = scan.toks[t].sent;
    let same = |i: usize| scan.toks.get(i).is_some_and(|tok| tok.sent == sent);
    let mut end = t + 1;
    let mut structured = false;
    loop {
        if same(end + 1) && scan.is_cue(end, CueKind::Nasab) && name_like(scan, end + 1, false) {
            end += 2;
            structured = true;
            continue;
        }
        // آل ثاني: the marker alone, or matched whole as a ruling family.
        let family =
            scan.is_cue(end, CueKind::Family) || scan.cue_at(end, CueKind::Dynasty).is_some_and(|h| h.t1 == end + 2);
        if same(end + 1) && family && name_like(scan, end + 1, false) {
            end += 2;
            structured = true;
        }
        break;
    }
    // «سهيل بن محمد المزروعي»: the nisba surname after the chain (not «الحفل», a noun).
    let nisba = |w: &str| w.starts_with("ال") && w.ends_with('ي');
    if structured && same(end) && nisba(scan.word(end)) && name_like(scan, end, false) {
        end += 1;
    }
    if !structured {
        let mut extra = 0;
        // «وليد بخاري»: after a given name, a word read otherwise as a place (بخارى).
        let place = |i: usize| {
            is_given(scan, t)
                && !scan.word(i).starts_with("ال")
                && soft_stop(scan, i) == Some(i + 1)
                && scan.hit_at(i, Group::Name).is_some()
        };
        while extra < 2 && end - t < 5 && same(end) && (name_like(scan, end, false) || place(end)) {
            let w = scan.word(end);
            // Tanween marks an indefinite noun or an adverb (شخصاً، مساءً), never a name.
            if scan.slice(scan.toks[end].o).contains('\u{064B}') {
                break;
            }
            // A preposition with the article (للصحفيين, بالرياض) starts a phrase after the name.
            if ["لل", "بال", "كال", "فال", "وال"].iter().any(|p| w.starts_with(p)) {
                break;
            }
            // A continuation never starts with the conjunction و; it starts the next item. ف
            // is a conjunction only before a known word (فأكد); فريلاند is a name.
            let proclitic = scan.hits_in(end, end + 1).iter().any(|h| h.t0 == end && h.prefix > 0);
            if (w.starts_with('و') || (w.starts_with('ف') && proclitic))
                && !is_given(scan, end)
                && w.chars().count() > 3
            {
                break;
            }
            end += 1;
            extra += 1;
            // A nisba surname ends the name, unless more follow (صباح الأحمد الجابر الصباح).
            if w.starts_with("ال") && !(same(end) && scan.word(end).starts_with("ال") && name_like(scan, end, false))
            {
                break;
            }
            if w.starts_with("ال") {
                extra = extra.min(1);
            }
        }
    }
    Some((end, structured))
}

struct Candidate {
    t0: usize,
    t1: usize,
    lead: usize,
    structured: bool,
    title: Option<u16>,
}

fn people(scan: &Scan<'_>, on: Option<Date>, mentions: &mut Vec<Mention>, entities: &mut HashMap<String, Entity>) {
    let lex = scan.lex;
    let mut cands: Vec<Candidate> = Vec::new();
    let n = scan.toks.len();
    let mut t = 0;
    while t < n {
        if english::latin(scan, t) {
            t += 1;
            continue;
        }
        // Title-anchored: one or more titles, then optional country words, then a name. A
        // counterpart word anchors like a title (نظيره الأوزبكي X), with the office of the
        // title it answers to earlier in the sentence.
        let counterpart = title_at(scan, t)
            .is_none()
            .then(|| scan.hit_at(t, Group::Name).filter(|h| scan.entries(h).contains(&Entry::Counterpart)).copied())
            .flatten();
        if let Some(hit) = title_at(scan, t).map(|(h, _)| h).or(counterpart) {
            let mut lead = t;
            let mut title = counterpart.and_then(|_| title_before(scan, t));
            let mut honorific = false;
            let mut j = if counterpart.is_some() { hit.t1 } else { t };
            let mut guard = 0;
            let mut after_country = false;
            while guard < 10 {
                guard += 1;
                // A name in quotes or guillemets: الرئيس «شوكت ميرزياييف».
                if scan.word(j) == "\"" && j > t {
                    j += 1;
                    continue;
                }
                // «الرئيس الكازاخستاني الأول»: an ordinal or "former" after the office.
                if j > t && scan.is_cue(j, CueKind::Former) {
                    j += 1;
                    continue;
                }
                if let Some((h, i)) = title_at(scan, j) {
                    // The first non-honorific title, or a title of office over a rank or honorific.
                    let kind = lex.titles[i as usize].kind;
                    // «الوزير السعودي رئيس الوزراء عسكر مامين»: an office of another rank after
                    // a country word starts another person's phrase; one of the same rank, a
                    // rank or an honorific is the same person's («العاهل المغربي الملك محمد
                    // السادس», «وزير الخارجية السعودي الأمير فيصل»).
                    let (rank, previous) = (lex.titles[i as usize].rank, title.map(|p| lex.titles[p as usize].rank));
                    if after_country
                        && kind == TitleKind::Title
                        && rank <= 4
                        && previous.is_some_and(|p| p <= 4 && p != rank)
                    {
                        lead = j;
                        title = None;
                        after_country = false;
                    }
                    honorific |= kind == TitleKind::Honorific;
                    let better = match title {
                        None => kind != TitleKind::Honorific,
                        Some(cur) => lex.titles[cur as usize].kind != TitleKind::Title && kind == TitleKind::Title,
                    };
                    if better {
                        title = Some(i);
                    }
                    j = h.t1;
                    // «رئيس الجمهورية اللبنانية»: the title's last word starts the country's name.
                    if let Some(c) = country_hit(scan, j - 1).filter(|c| c.t1 > j) {
                        j = c.t1;
                        after_country = true;
                    }
                    continue;
                }
                // Country words inside the title phrase: وزير الاستثمار في المملكة العربية السعودية خالد ...
                // and the organization an official serves: الأمين العام لجامعة الدول العربية.
                let org = |h: &&Hit| title.is_some() && scan.entries(h).iter().any(|e| matches!(e, Entry::Org(_)));
                if let Some(h) = country_hit(scan, j).or_else(|| scan.hit_at(j, Group::Name).filter(org)) {
                    j = h.t1;
                    after_country = true;
                    continue;
                }
                // "وزير الاستثمار في المملكة", «السفيرة السويدية في بغداد»: في only before a
                // country or a city.
                let place_next = scan
                    .hit_at(j + 1, Group::Name)
                    .filter(|h| scan.entries(h).iter().any(|e| matches!(e, Entry::Place(_))));
                let country_next = country_hit(scan, j + 1).is_some() || place_next.is_some();
                if let Some(h) = place_next.filter(|h| {
                    matches!(scan.prep_at(j), Some(Prep::In))
                        && scan.entries(h).iter().all(|e| matches!(e, Entry::Place(_)))
                }) {
                    j = h.t1;
                    continue;
                }
                // «سفير كندا لديها X»: "at it", the host, said by a pronoun.
                if scan.is_cue(j, CueKind::StateWord)
                    || (matches!(scan.prep_at(j), Some(Prep::In | Prep::At)) && country_next)
                    || (after_country && scan.word(j).starts_with("لدي") && scan.word(j).chars().count() > 3)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            // A month or a city spelled like the first name (الرئيس رجب طيب أردوغان, President
            // Nursultan Nazarbayev) when a name follows it.
            // Up to two such words (الرئيس إمام علي رحمانوف: إمام reads as أمام, علي as على).
            let mut k = j;
            while k < j + 2 && !name_like(scan, k, k == j) {
                match soft_stop(scan, k) {
                    Some(next) => k = next,
                    None => break,
                }
            }
            let found = if k > j && name_like(scan, k, false) { chain(scan, k) } else { chain(scan, j) };
            if let Some((mut end, structured)) = found {
                // «الرئيس اللبناني إميل لحود رئاسة الدورة»: a noun after the name is not part of it.
                // «الشيخ تميم كلمة»: after a given name too, unless the word is a name (حمزة).
                while !structured
                    && (end - j > 2 || (end - j == 2 && is_given(scan, j) && !is_given(scan, end - 1)))
                    && noun_ending(scan.word(end - 1))
                {
                    end -= 1;
                }
                // «رئيس مجلس الوزراء محمد شياع السوداني»: nationality stands after the title, so
                // with none there a nisba right after an Arabic name is its surname.
                if !after_country && !structured && end - j >= 2 && nisba_surname(scan, end) {
                    end += 1;
                }
                // «الرئيس توكاييف بمبادرة»: a Slavic surname ends the name, unless the office
                // and its country came first (نظيره الأوزبكي كوتشقاروف جمشيد: surname first).
                if !after_country && counterpart.is_none() {
                    end = end_at_surname(scan, j, end);
                }
                let given = is_given(scan, j);
                let long_enough = end - j >= 2 || given;
                // An honorific alone (دولة, معالي) anchors only a real name; and an unknown
                // two-word chain after a title must not look like a noun phrase
                // (مدير عام مكافحة المخدرات: feminine and plural endings).
                let titled = title.is_some() || counterpart.is_some();
                let foreign = foreign_shape(scan, j, end);
                // After an office and its country (رئيس الوزراء الأردني رمطان لعمامرة) a name
                // may end in ة; a plural or a first word in ة is still a noun phrase.
                let noun_like = !structured
                    && !given
                    && !foreign
                    && (j..end).any(|i| {
                        let w = scan.word(i);
                        noun_ending(w) && !(after_country && i > j && w.ends_with('ه') && !w.ends_with("ها"))
                    });
                let vouched =
                    titled || given || structured || (honorific && (foreign || office_after(scan, end).is_some()));
                if long_enough && vouched && !noun_like {
                    cands.push(Candidate { t0: j, t1: end, lead, structured, title });
                    t = end;
                    continue;
                }
            }
            t = hit.t1.max(t + 1);
            continue;
        }
        // The head of a delegation: «ترأس الوفد الروسي ألكسندر لافرنتييف», «والوفد التركي سادات
        // أونال نائب وكيل وزارة الخارجية»; the name must look like one or have an office after it.
        if let Some(h) = scan.is_cue(t, CueKind::Delegation).then(|| country_hit(scan, t + 1)).flatten() {
            let j = h.t1;
            if let Some((end, structured)) = chain(scan, j).filter(|(end, _)| end - j >= 2) {
                let foreign = foreign_shape(scan, j, end);
                let end = if foreign { end_at_surname(scan, j, end) } else { end };
                let office = office_after(scan, end).is_some();
                let named = structured || foreign || office || is_given(scan, j);
                if named && end - j >= 2 && (foreign || office || !(j..end).any(|i| noun_ending(scan.word(i)))) {
                    cands.push(Candidate { t0: j, t1: end, lead: t, structured, title: None });
                    t = end;
                    continue;
                }
            }
        }
        // A name first, then its office with its country: «يي وانغ وزير الخارجية الصيني»,
        // «رشيد ميريدوف، وزير الخارجية في جمهورية تركمانستان». The chain must start here
        // (no name word before it) and look like a name (a foreign surname ending, بن/آل) or
        // the office must name its country.
        // Cheap test first: an office within reach of a two- or three-word name.
        if (t + 2..t + 5).any(|i| scan.hit_at(i, Group::Title).is_some())
            && !is_given(scan, t)
            && name_like(scan, t, true)
            && !(t > 0 && scan.toks[t - 1].sent == scan.toks[t].sent && name_like(scan, t - 1, false))
        {
            if let Some((end, structured)) = chain(scan, t) {
                // An apposition's office is indefinite (يي وانغ وزير الخارجية); «قام بهما الرئيس»
                // is a verb and its subject.
                let apposition = office_after(scan, end).filter(|(o, _)| !scan.word(*o).starts_with("ال"));
                if let Some(office) = apposition.filter(|_| (2..=3).contains(&(end - t))) {
                    let nouns =
                        !structured && !foreign_shape(scan, t, end) && (t..end).any(|i| noun_ending(scan.word(i)));
                    if !nouns && (structured || foreign_shape(scan, t, end) || office_names_country(scan, office)) {
                        cands.push(Candidate { t0: t, t1: end, lead: t, structured, title: None });
                        t = end;
                        continue;
                    }
                }
            }
        }
        // Given-name-anchored, accepted with Arabic structure or a role right after.
        if is_given(scan, t) {
            if let Some((end, structured)) = chain(scan, t) {
                let role_after =
                    title_at(scan, end).is_some() || (scan.word(end) == "," && title_at(scan, end + 1).is_some());
                if end - t >= 2 && (structured || role_after) {
                    cands.push(Candidate { t0: t, t1: end, lead: t, structured, title: None });
                    t = end;
                    continue;
                }
            }
        }
        t += 1;
    }

    cands.extend(english::candidates(scan, mentions));
    // Whose officials need no nationality in this report: asked once, not per name.
    let home = home_country(scan, mentions);

    // Lexicon people already found keep their id; a chain around one takes its span.
    for c in cands {
        // The span starts after a proclitic on the first name (ومحمد → محمد).
        let start = scan
            .hits
            .iter()
            .find(|h| h.t0 == c.t0 && h.prefix > 0 && matches!(h.group, Group::Word | Group::Name))
            .map_or(scan.toks[c.t0].o.start, |h| h.o.start);
        let o = Span::new(start, scan.toks[c.t1 - 1].o.end);
        if let Some(m) = mentions.iter_mut().find(|m| m.kind == Kind::Person && m.t0 < c.t1 && c.t0 < m.t1) {
            // The chain is the name; a lexicon form may have included a title (الملك سلمان).
            if c.t1 >= m.t1 {
                m.t0 = c.t0;
                m.t1 = c.t1;
                m.o = o;
            }
            m.lead = m.lead.min(c.lead);
            continue;
        }
        // A chain may not swallow a country or org mention; a city inside a longer name is
        // the name (نور سلطان نزارباييف, "President Nursultan Nazarbayev").
        // A nisba surname (`nisba_surname`) is the chain's last word.
        let inside_city = |m: &Mention| {
            (matches!(m.kind, Kind::City | Kind::Capital) && c.t0 <= m.t0 && m.t1 <= c.t1 && c.t1 - c.t0 > m.t1 - m.t0)
                || (m.kind == Kind::Adjective && m.t0 >= c.t0 + 2 && m.t1 == c.t1 && nisba_surname(scan, m.t0))
        };
        if mentions.iter().any(|m| m.kind != Kind::Dyad && m.t0 < c.t1 && c.t0 < m.t1 && !inside_city(m)) {
            continue;
        }
        mentions.retain(|m| !inside_city(m));
        let (country, sector, role) = person_context(scan, &c, mentions, home.as_deref());
        // A known office-holder under a spelling the lexicon lacks, or named surname first.
        let (id, country, sector) = if let Some(i) = known::person(scan, c.t0, c.t1, country.as_deref(), on) {
            let (id, office) = known_entity(entities, lex, i, on, scan.slice(o));
            (id, country.or(office.map(|o| o.iso3.clone())), office.map(|o| o.sector.clone()))
        } else {
            let id = unknown_entity(scan, entities, o, english::latin(scan, c.t0), (&country, &sector, role));
            (id, country, sector)
        };
        mentions.push(Mention {
            kind: Kind::Person,
            t0: c.t0,
            t1: c.t1,
            lead: c.lead,
            o,
            entity: id,
            country,
            sector,
            pronoun: false,
        });
    }
    link_within_document(scan, mentions, entities);
}

/// The entity of a person not in the lexicon, keyed by the consonant skeleton of the name at
/// `o`; what the context gave fills what the entity lacks.
fn unknown_entity(
    scan: &Scan<'_>,
    entities: &mut HashMap<String, Entity>,
    o: Span,
    latin: bool,
    (country, sector, role): (&Option<String>, &Option<String>, Option<String>),
) -> String {
    let name = scan.slice(o);
    let normalized = alaqat_text::normalize_word(name);
    let key: Vec<&str> = normalized.split(' ').collect();
    // A Latin-script id must not collide with an office-holder's (per:xi_jinping).
    let id = if latin { format!("per:en:{}", skeleton(&key)) } else { format!("per:{}", skeleton(&key)) };
    let e = entities.entry(id.clone()).or_insert_with(|| Entity {
        id: id.clone(),
        kind: Some(EntityKind::Person),
        ..Entity::default()
    });
    // The name in the script it was written in.
    let field = if latin { &mut e.name_en } else { &mut e.name_ar };
    field.get_or_insert_with(|| name.to_string());
    if e.country.is_none() {
        e.country = country.clone();
    }
    if e.role.is_none() {
        e.role = role;
    }
    if e.sector.is_none() {
        e.sector = sector.clone();
    }
    add_variant(e, name);
    id
}

/// Is the title one an official of an organization holds (secretary-general, head, director)?
fn org_office(scan: &Scan<'_>, title: Option<u16>) -> bool {
    title.is_some_and(|i| {
        let t = &scan.lex.titles[i as usize];
        t.rank >= 3
            && t.kind == TitleKind::Title
            && !t.role_en.starts_with("minister")
            && !t.role_en.starts_with("deputy minister")
    })
}

/// The last title of office before token `t` in its sentence: what «نظيره» answers to
/// (اجتمع وزير المالية مع نظيره الأوزبكي).
fn title_before(scan: &Scan<'_>, t: usize) -> Option<u16> {
    let s0 = scan.sents[scan.toks[t].sent as usize].t0;
    scan.hits_in(s0, t).iter().filter(|h| h.group == Group::Title && h.t1 <= t).rev().find_map(|h| {
        scan.entries(h).iter().find_map(|e| match e {
            Entry::Title(i) if scan.lex.titles[*i as usize].kind == TitleKind::Title => Some(*i),
            _ => None,
        })
    })
}

/// Does a word of the chain end like a foreign surname in Arabic script (ـوف، ـييف، ـوغلو،
/// ـزاده …, `name_suffix` cues)?
fn foreign_shape(scan: &Scan<'_>, t0: usize, t1: usize) -> bool {
    (t0..t1).any(|t| scan.word(t).chars().count() >= 5 && scan.lex.ends_with_suffix(scan.word(t), CueKind::NameSuffix))
}

/// The title of office (not an honorific) right after a name, or after its comma: the token
/// where it starts and where it ends.
fn office_after(scan: &Scan<'_>, end: usize) -> Option<(usize, usize)> {
    let at = if scan.word(end) == "," { end + 1 } else { end };
    let (h, i) = title_at(scan, at)?;
    (scan.lex.titles[i as usize].kind != TitleKind::Honorific && scan.toks[at].sent == scan.toks[end.min(at)].sent)
        .then_some((at, h.t1))
}

/// A name hit at `t` that names a country: its name, its nisba or «المملكة».
fn country_hit<'s>(scan: &'s Scan<'_>, t: usize) -> Option<&'s Hit> {
    scan.hit_at(t, Group::Name).filter(|h| {
        scan.entries(h).iter().any(|e| matches!(e, Entry::Country(_) | Entry::CountryAdj(_) | Entry::Kingdom))
    })
}

/// Does the office phrase starting at `office` name a country: its nisba (وزير الخارجية
/// الصيني) or «في (جمهورية) Y»?
fn office_names_country(scan: &Scan<'_>, office: (usize, usize)) -> bool {
    let country = |t: usize| country_hit(scan, t).is_some();
    let mut j = office.1;
    if country(j) {
        return true;
    }
    if matches!(scan.prep_at(j), Some(Prep::In | Prep::Of)) {
        j += 1;
        while scan.is_cue(j, CueKind::StateWord) {
            j += 1;
        }
        return country(j);
    }
    // «عضو المكتب السياسي للجنة المركزية للحزب الشيوعي الصيني»: a nisba closing the office's
    // genitive phrase, within the clause.
    let sent = scan.toks[office.0].sent;
    (j..j + 8)
        .take_while(|&i| {
            scan.toks.get(i).is_some_and(|tok| tok.sent == sent) && !scan.is_break(i) && scan.word(i) != ","
        })
        .any(|i| {
            scan.hit_at(i, Group::Name).is_some_and(|h| {
                scan.entries(h).iter().any(|e| match e {
                    Entry::CountryAdj(_) => true,
                    // A named national group: «في منظمة التحرير الفلسطينية».
                    Entry::Actor(a) => {
                        let a = &scan.lex.actors[usize::from(*a)];
                        a.country.is_some() && !a.group.is_empty()
                    }
                    _ => false,
                })
            })
        })
}

/// Country, sector and role of an unknown person from the words around the name.
fn person_context(
    scan: &Scan<'_>,
    c: &Candidate,
    mentions: &[Mention],
    home: Option<&str>,
) -> (Option<String>, Option<String>, Option<String>) {
    let lex = scan.lex;
    let mut title = c.title;
    let mut country = None;
    // Country words inside the title phrase before the name; the country an ambassador is
    // accredited to (سفير كازاخستان لدى المملكة, "ambassador to") is not theirs.
    for m in mentions.iter().filter(|m| m.t0 >= c.lead && m.t1 <= c.t0) {
        let host = hosted(scan, m);
        if matches!(m.kind, Kind::Country | Kind::Adjective) && !host && country.is_none() {
            country = m.country.clone();
        }
    }
    // A title that names its state (خادم الحرمين الشريفين), else the organization the
    // official serves (الأمين العام لجامعة الدول العربية → IGOARL).
    if country.is_none() {
        country = scan
            .hits_in(c.lead, c.t0)
            .iter()
            .filter(|h| h.group == Group::Title)
            .find_map(|h| {
                scan.entries(h).iter().find_map(|e| match e {
                    Entry::Title(i) => lex.titles[*i as usize].country.clone(),
                    _ => None,
                })
            })
            .or_else(|| {
                mentions
                    .iter()
                    .find(|m| m.t0 >= c.lead && m.t1 <= c.t0 && matches!(m.kind, Kind::Org | Kind::Actor))
                    .and_then(|m| m.country.clone())
            });
    }
    // «سفيرها في بيروت», «بوزير خارجيتها»: the state named last before the title in the sentence.
    if country.is_none() && possessive_title(scan, c) {
        let s0 = scan.sents[scan.toks[c.t0].sent as usize].t0;
        country = mentions
            .iter()
            .filter(|m| m.t0 >= s0 && m.t1 <= c.lead && matches!(m.kind, Kind::Country | Kind::Adjective))
            // Not a host (لدى كندا) nor another title's genitive (سفير كندا).
            .filter(|m| {
                !hosted(scan, m)
                    && !scan
                        .hits_in(m.t0.saturating_sub(3), m.t0)
                        .iter()
                        .any(|h| h.group == Group::Title && h.t1 == m.t0)
            })
            .max_by_key(|m| m.t0)
            .and_then(|m| m.country.clone());
    }
    // نظيره الكازاخستاني X: the adjective after the counterpart word.
    {
        let mut k = c.lead;
        let floor = c.lead.saturating_sub(4);
        while k > floor {
            k -= 1;
            if let Some(adj) = mentions.iter().find(|m| m.t0 == k && m.kind == Kind::Adjective) {
                if k > 0
                    && scan.hit_at(k - 1, Group::Name).is_some_and(|h| scan.entries(h).contains(&Entry::Counterpart))
                {
                    country = adj.country.clone();
                    break;
                }
            }
        }
    }
    if country.is_none() {
        country = english::of_country(scan, mentions, c.t1).and_then(|m| m.country.clone());
    }
    // The role after the name: "، وزير الداخلية السعودي،" or "نائب وزير الشؤون الداخلية".
    let sent = scan.toks[c.t0].sent;
    let mut j = c.t1;
    if scan.word(j) == "," {
        j += 1;
    }
    let mut steps = 0;
    let mut office = false;
    while steps < 8 && scan.toks.get(j).is_some_and(|t| t.sent == sent) {
        steps += 1;
        if let Some((h, i)) = title_at(scan, j) {
            if title.is_none() {
                title = Some(i);
            }
            office = true;
            j = h.t1;
            continue;
        }
        if let Some(m) = mentions.iter().find(|m| m.t0 == j) {
            // A place after the name is where it happens ("في الرياض"), not whose official it
            // is; after an office it is the office's country (وزير الخارجية في تركمانستان).
            let located = j > 0
                && matches!(scan.prep_at(j - 1), Some(Prep::In | Prep::From | Prep::To | Prep::Between))
                && !(office && m.kind == Kind::Country && matches!(scan.prep_at(j - 1), Some(Prep::In)));
            if country.is_none() && !located && matches!(m.kind, Kind::Country | Kind::Adjective | Kind::Capital) {
                country = m.country.clone();
            }
            // An organization's official has its code (IGOUNO); a national body's (منظمة التحرير
            // الفلسطينية, the Houthi administration) has its country, whatever the office.
            let national = m.country.as_deref().is_some_and(|c| !c.starts_with("IGO"));
            if country.is_none()
                && office
                && matches!(m.kind, Kind::Org | Kind::Actor)
                && (org_office(scan, title) || national)
            {
                country = m.country.clone();
            }
            if m.kind == Kind::Person {
                break;
            }
            j = m.t1;
            continue;
        }
        // "X and his Iranian counterpart": the next party, not this one's office.
        if scan.word(j) == "and" {
            break;
        }
        // "Jalil Abbas Jilani, Pakistan's foreign minister", "…, the Saudi minister".
        if english::latin(scan, j) && matches!(scan.word(j), "the" | "a" | "an" | "s") || scan.word(j) == "'" {
            j += 1;
            continue;
        }
        if scan.is_break(j) || title.is_none() {
            break;
        }
        j += 1;
    }
    // "من الجانب الكازاخستاني" / "الوفد السعودي" earlier in the sentence.
    if country.is_none() {
        let s0 = scan.sents[sent as usize].t0;
        for m in mentions.iter().filter(|m| m.t0 >= s0 && m.t1 <= c.lead && m.kind == Kind::Adjective) {
            if m.t0 > 0 && scan.is_cue(m.t0 - 1, CueKind::Delegation) {
                country = m.country.clone();
            }
        }
    }
    if country.is_none() {
        country = dateline_country(scan, c, title, home);
    }
    if country.is_none() {
        country = country_from_name(scan, c, mentions);
    }
    // A ruling family's name outweighs the sentence around it: «أمير دولة الكويت» may stand
    // beside a Qatari emir in a list, and a report from Kuwait does not make him Kuwaiti.
    if let Some(d) = dynasty(scan, c.t0, c.t1) {
        country = Some(d);
    }
    let (sector, role) = match title.map(|i| &lex.titles[i as usize]) {
        Some(t) => {
            (Some(t.sector.clone()).filter(|s| !s.is_empty()), Some(t.role_en.clone()).filter(|s| !s.is_empty()))
        }
        None => (None, None),
    };
    (country, sector, role)
}

/// Is the country of `m` the one an envoy is sent to (سفير كازاخستان لدى المملكة, "ambassador
/// to"), not the envoy's own?
fn hosted(scan: &Scan<'_>, m: &Mention) -> bool {
    m.t0 > 0 && matches!(scan.prep_at(m.t0 - 1), Some(Prep::At | Prep::To))
}

/// Does the title phrase before the name carry a possessive suffix (سفيرها)?
fn possessive_title(scan: &Scan<'_>, c: &Candidate) -> bool {
    scan.hits_in(c.lead, c.t0).iter().filter(|h| h.group == Group::Title).any(|h| {
        scan.entries(h).iter().any(|e| matches!(e, Entry::Title(i) if scan.lex.titles[*i as usize].possessive))
    })
}

/// The country of a ruling family named inside the chain `t0..t1` (`dynasty` cues).
fn dynasty(scan: &Scan<'_>, t0: usize, t1: usize) -> Option<String> {
    (t0..t1).find_map(|t| {
        let h = scan.cue_at(t, CueKind::Dynasty).filter(|h| h.t1 <= t1)?;
        scan.entries(h)
            .iter()
            .find_map(|e| scan.lex.cue(*e).filter(|c| c.kind == CueKind::Dynasty))
            .map(|c| c.value.clone())
    })
}

/// An official named by office alone ("Foreign Minister Sergei Lavrov", «أمير البلاد الشيخ
/// صباح») in a report with a dateline: agency copy gives no nationality to its own country's
/// officials, so they are the agency's or the dateline's (`home_country`). Not when the name says otherwise: a Slavic
/// ending under an Arab dateline, or under an Arab dateline an English-script name without
/// Arabic structure (President Joe Biden in a report from Dubai).
fn dateline_country(scan: &Scan<'_>, c: &Candidate, title: Option<u16>, home: Option<&str>) -> Option<String> {
    let office = title.is_some_and(|i| {
        let t = &scan.lex.titles[i as usize];
        matches!(t.kind, TitleKind::Title | TitleKind::Rank) && t.rank <= 5
    });
    if !office || (c.lead == c.t0 && c.title.is_none()) {
        return None;
    }
    let home = home?;
    // A head of state's title that the dateline's state, when the office-holder lexicon knows
    // it, has no holder of (Sultan Qaboos in a report from Tehran): not the dateline's official.
    let head = title.map(|i| &scan.lex.titles[i as usize]).filter(|t| t.rank == 1);
    let offices = head.and_then(|t| scan.lex.title_offices.get(&t.role_en));
    if let (Some(offices), Some(has)) = (offices, scan.lex.offices_by_country.get(home)) {
        if !offices.iter().any(|o| has.contains(o)) {
            return None;
        }
    }
    let arab = scan.lex.in_group("arab_league", home);
    let slavic = (c.t0..c.t1).any(|t| scan.lex.ends_with_suffix(scan.word(t), CueKind::NameSuffix));
    let latin = english::latin(scan, c.t0);
    let nasab = c.structured || (c.t0..c.t1).any(|t| english::nasab(scan, t));
    if (arab && slavic) || (arab && latin && !nasab) {
        return None;
    }
    Some(home.to_string())
}

/// The country whose officials need no nationality in this report: the news agency's in its
/// dateline («طهران (العُمانية) -»: Oman's, not Iran's), else the dateline city's for copy of an
/// international agency or none.
fn home_country(scan: &Scan<'_>, mentions: &[Mention]) -> Option<String> {
    let agency = scan
        .hits
        .iter()
        .take_while(|h| scan.toks[h.t0].sent <= 2)
        .filter(|h| h.group == Group::Word && h.t0 > 0 && scan.word(h.t0 - 1) == "(")
        .find_map(|h| {
            scan.entries(h).iter().find_map(|e| match e {
                Entry::Agency(i) => Some(scan.lex.agencies.get(usize::from(*i)).cloned().flatten()),
                _ => None,
            })
        });
    if let Some(Some(country)) = agency {
        return Some(country);
    }
    let dateline = mentions
        .iter()
        .take_while(|m| scan.toks[m.t0].sent <= 2)
        .find(|m| matches!(m.kind, Kind::City | Kind::Capital | Kind::Country) && scan.dateline_place(m.t0, m.t1))?;
    dateline.country.clone()
}

/// The last resort: Slavic and Turkic surname endings (-ov, -ev, -bekov) point to the
/// non-Arab country the document is about; an Arabic name chain to the Arab one, when the
/// document names only one.
fn country_from_name(scan: &Scan<'_>, c: &Candidate, mentions: &[Mention]) -> Option<String> {
    let last = scan.word(c.t1 - 1);
    let slavic = scan.lex.ends_with_suffix(last, CueKind::NameSuffix);
    let arabic = c.structured || (is_given(scan, c.t0) && !slavic);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in mentions {
        if let (Some(cty), Kind::Country | Kind::Adjective | Kind::Capital) = (m.country.as_deref(), m.kind) {
            let arab = scan.lex.in_group("arab_league", cty);
            if (slavic && !arab) || (arabic && arab) {
                *counts.entry(cty).or_default() += 1;
            }
        }
    }
    // Only when the document leaves one such country: between Algeria and Morocco an Arabic
    // name is no one's in particular, and unknown is better than wrong.
    let mut only = counts.into_keys();
    match (only.next(), only.next()) {
        (Some(c), None) => Some(c.to_string()),
        _ => None,
    }
}

/// The consonant skeleton of a name: long vowels, hamza seats and spaces dropped, so
/// نزارباييف, نازاربايف and نازارباييف share one key.
pub(crate) fn skeleton(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push('_');
        }
        for (j, ch) in w.chars().enumerate() {
            // Keep a word's first letter even when it is a vowel letter: ابيلما ≠ بيلما.
            if j > 0 && matches!(ch, 'ا' | 'و' | 'ي' | 'ء' | 'ه') {
                continue;
            }
            out.push(ch);
        }
    }
    out
}

/// A shorter mention of a person already named in full in the same document gets the full
/// name's entity: `عبد العزيز بن سعود` after `عبد العزيز بن سعود بن نايف`, `سادينوف` after
/// `إرجان سادينوف`. Different people who share a first name and patronymic stay apart because
/// the chains must agree element by element.
fn link_within_document(scan: &Scan<'_>, mentions: &mut [Mention], entities: &mut HashMap<String, Entity>) {
    let chains: Vec<(usize, Vec<String>)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Person)
        .map(|(i, m)| (i, (m.t0..m.t1).map(|t| skeleton(&[scan.word(t)])).collect()))
        .collect();
    let mut renames: Vec<(usize, String)> = Vec::new();
    for (i, short) in &chains {
        let best = chains
            .iter()
            .filter(|(j, long)| {
                j != i
                    && long.len() > short.len()
                    && (long.starts_with(short) || (short.len() == 1 && long.last() == short.last()))
            })
            .max_by_key(|(_, long)| long.len());
        if let Some((j, _)) = best {
            let target = mentions[*j].entity.clone();
            if mentions[*i].entity != target
                && (mentions[*i].entity.starts_with("per:") && !is_lexicon_id(&mentions[*i].entity, scan))
            {
                renames.push((*i, target));
            }
        }
    }
    for (i, target) in renames {
        let old = std::mem::replace(&mut mentions[i].entity, target.clone());
        if let Some(old_entity) = entities.remove(&old) {
            if let Some(e) = entities.get_mut(&target) {
                for v in old_entity.variants {
                    add_variant(e, &v);
                }
                if e.country.is_none() {
                    e.country = old_entity.country;
                }
            }
        }
        if let Some(e) = entities.get(&target) {
            // The full name's country over a guess from the dateline («الشيخ تميم» in a KUNA report).
            mentions[i].country = e.country.clone().or(mentions[i].country.clone());
            mentions[i].sector = mentions[i].sector.clone().or(e.sector.clone());
        }
    }
    // Mentions still in use by other spans keep their entity.
    let used: std::collections::HashSet<&str> = mentions.iter().map(|m| m.entity.as_str()).collect();
    entities.retain(|id, e| e.kind != Some(EntityKind::Person) || used.contains(id.as_str()));
}

fn is_lexicon_id(id: &str, scan: &Scan<'_>) -> bool {
    id.strip_prefix("per:").is_some_and(|rest| scan.lex.person_index.contains_key(rest))
}

/// A person named in full, then by the last part of the name alone (عادل الجبير ... واتهم
/// الجبير): the later mention is the same person. Only a surname of three letters or more that
/// no other lexicon entry claims, after its full mention.
fn surnames(scan: &Scan<'_>, mentions: &mut Vec<Mention>) {
    let mut known: Vec<(&str, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == Kind::Person && !m.pronoun && m.t1 >= m.t0 + 2 {
            let last = scan.word(m.t1 - 1);
            if last.chars().count() >= 3 && !is_given(scan, m.t1 - 1) {
                known.push((last, i));
            }
        }
    }
    if known.is_empty() {
        return;
    }
    let mut covered = vec![false; scan.toks.len()];
    for m in mentions.iter() {
        for c in covered.iter_mut().take(m.t1.max(m.t0 + 1)).skip(m.t0) {
            *c = true;
        }
    }
    let mut added = Vec::new();
    for (t, &taken) in covered.iter().enumerate() {
        if taken || scan.name_stop.get(t).copied().unwrap_or(true) {
            continue;
        }
        let word = scan.word(t);
        let bare = word.strip_prefix('و').filter(|w| w.chars().count() >= 3).unwrap_or(word);
        let Some(&(_, i)) = known.iter().find(|(last, i)| (*last == word || *last == bare) && mentions[*i].t1 <= t)
        else {
            continue;
        };
        let m = &mentions[i];
        let k = scan.toks[t].k;
        let o = scan.key.to_original(k.start + (word.len() - bare.len()), k.end);
        added.push(Mention { t0: t, t1: t + 1, lead: t, o, ..m.clone() });
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.t0, m.t1));
}

/// Honorific pronouns (`honorific_pronoun` rows of data/cues.tsv) and the honorific they stand
/// for: جلالته is "His Majesty", the person last introduced as جلالة ...; سموه, فخامته likewise.
fn honorific_pronouns(scan: &Scan<'_>, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for t in 0..scan.toks.len() {
        let Some(honorific) = scan.cue_at(t, CueKind::HonorificPronoun).and_then(|h| {
            scan.entries(h).iter().find_map(|e| scan.lex.cue(*e).filter(|c| c.kind == CueKind::HonorificPronoun))
        }) else {
            continue;
        };
        let honorific = honorific.value.as_str();
        let referent = mentions.iter().filter(|m| m.kind == Kind::Person && m.t1 <= t && !m.pronoun).rev().find(|m| {
            (m.lead.saturating_sub(3)..m.t0)
                .any(|i| scan.word(i).trim_start_matches(['و', 'ف', 'ب', 'ل']).ends_with(honorific))
        });
        if let Some(m) = referent {
            added.push(Mention { t0: t, t1: t + 1, lead: t, o: scan.toks[t].o, pronoun: true, ..m.clone() });
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.t0, m.t1));
}

/// The country a title names as its own, and one past the last token of the phrase: a nisba
/// or «في Y» after it (وزير الخارجية الكازاخستاني), or in English the country or adjective
/// right before it ("the Kazakh president", "Pakistan's foreign minister").
fn title_country(scan: &Scan<'_>, hit: &Hit, mentions: &[Mention]) -> Option<(String, usize)> {
    let at = |t: usize, kinds: &[Kind]| mentions.iter().find(|m| m.t0 == t && kinds.contains(&m.kind));
    if let Some(m) = at(hit.t1, &[Kind::Adjective]) {
        return Some((m.country.clone()?, m.t1));
    }
    if matches!(scan.prep_at(hit.t1), Some(Prep::In)) && !english::latin(scan, hit.t1) {
        if let Some(m) = at(hit.t1 + 1, &[Kind::Country]) {
            return Some((m.country.clone()?, m.t1));
        }
    }
    if english::latin(scan, hit.t0) {
        let m = english::country_before(scan, mentions, hit.t0, &[Kind::Adjective, Kind::Country])?;
        return Some((m.country.clone()?, hit.t1));
    }
    None
}

/// Does the sentence of token `t` name a year (a four-digit number) other than the report's?
fn other_year(scan: &Scan<'_>, t: usize, on: Option<Date>) -> bool {
    let sent = &scan.sents[scan.toks[t].sent as usize];
    (sent.t0..sent.t1).any(|i| {
        scan.toks[i].kind == TokenKind::Number
            && scan.word(i).len() == 4
            && scan.word(i).parse::<i16>().is_ok_and(|y| (1900..2100).contains(&y) && on.is_none_or(|d| d.year() != y))
    })
}

/// A head-of-state title without a name ("وكان سمو الأمير قد استقبل ...") stands for the one
/// holder of that office, at the document's date, among the two countries the document is about:
/// الأمير in a Qatari report is the Emir. Ambiguous cases (two presidents) stay unresolved.
/// Like pronouns, these mentions act in events but are not exported as names.
fn bare_head_titles(
    scan: &Scan<'_>,
    on: Option<Date>,
    mentions: &mut Vec<Mention>,
    entities: &mut HashMap<String, Entity>,
) {
    let lex = scan.lex;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in mentions.iter().filter(|m| matches!(m.kind, Kind::Country | Kind::Adjective | Kind::Capital)) {
        if let Some(c) = m.country.as_deref() {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut top: Vec<(&str, usize)> = counts.into_iter().collect();
    top.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), *c));
    let focus: Vec<String> = top.iter().take(2).map(|(c, _)| c.to_string()).collect();
    let mut added = Vec::new();
    for hit in scan.hits.iter().filter(|h| h.group == Group::Title) {
        let Some(title) = scan.entries(hit).iter().find_map(|e| {
            if let Entry::Title(i) = e {
                Some(&lex.titles[*i as usize])
            } else {
                None
            }
        }) else {
            continue;
        };
        // The office's own country: «وزير الخارجية الكازاخستاني», «رئيس وزراء في باكستان»,
        // "the Kazakh president", "Pakistan's foreign minister".
        let explicit = title_country(scan, hit, mentions);
        let heads: &[&str] = match title.role_en.as_str() {
            "king" => &["king"],
            "sultan" => &["sultan"],
            "prince" => &["emir"],
            "president" => &["president"],
            "crown prince" => &["crown prince"],
            // خادم الحرمين الشريفين is the King of Saudi Arabia's title.
            "custodian of the two holy mosques" => &["king"],
            _ => &[],
        };
        let offices: Vec<&str> = match &explicit {
            Some((_, _)) => {
                lex.title_offices.get(&title.role_en).map_or(Vec::new(), |v| v.iter().map(String::as_str).collect())
            }
            None => heads.to_vec(),
        };
        if offices.is_empty() {
            continue;
        }
        let roles = offices.as_slice();
        // A name or another title after it: not a bare title.
        let next = explicit.as_ref().map_or(hit.t1, |(_, end)| (*end).max(hit.t1));
        let named = mentions.iter().any(|m| {
            m.t0 >= hit.t0 && m.t0 <= next + 1 && m.kind != Kind::Dyad && (explicit.is_none() || m.kind == Kind::Person)
        }) || title_at(scan, next).is_some()
            || chain(scan, next).is_some_and(|(end, _)| end - next >= 2 || is_given(scan, next))
            || (english::latin(scan, next) && english::starts_name(scan, next));
        // "X، ولي العهد" is X's role; "ولي العهد الأسبق" a former holder.
        let appositive = mentions.iter().any(|m| m.kind == Kind::Person && m.t1 <= hit.t0 && hit.t0 <= m.t1 + 1);
        let former = scan.is_cue(next, CueKind::Former);
        if named || appositive || former {
            continue;
        }
        let focus: &[String] = match &explicit {
            Some((c, _)) => std::slice::from_ref(c),
            None => &focus,
        };
        let mut holders: Vec<u16> = focus
            .iter()
            .flat_map(|c| lex.persons_by_country.get(c).into_iter().flatten().copied())
            .filter(|&i| {
                lex.persons[i as usize].offices.iter().any(|o| {
                    roles.contains(&o.role_en.as_str())
                        && focus.contains(&o.iso3)
                        && on.map_or(o.to.is_none(), |d| o.from.is_none_or(|f| f <= d) && o.to.is_none_or(|t| d <= t))
                })
            })
            .collect();
        holders.sort_unstable();
        holders.dedup();
        let [holder] = holders.as_slice() else { continue };
        // «وكان وزير الخارجية الكازاخستاني قد زار الرياض عام 1994»: a sentence about another
        // year speaks of that year's holder, whom the report's date does not give.
        if other_year(scan, hit.t0, on) {
            continue;
        }
        let p = &lex.persons[*holder as usize];
        let Some(office) = p.offices.iter().find(|o| roles.contains(&o.role_en.as_str())) else { continue };
        let id = format!("per:{}", p.id);
        entities.entry(id.clone()).or_insert_with(|| Entity {
            id: id.clone(),
            kind: Some(EntityKind::Person),
            name_ar: Some(p.ar.clone()).filter(|s| !s.is_empty()),
            name_en: Some(p.en.clone()).filter(|s| !s.is_empty()),
            country: Some(office.iso3.clone()),
            role: Some(office.role_en.clone()),
            sector: Some(office.sector.clone()),
            variants: Vec::new(),
        });
        // Honorifics before the title belong to the same phrase (سمو الأمير).
        let mut lead = hit.t0;
        while let Some(h) = scan.hits.iter().find(|h| h.group == Group::Title && h.t1 == lead) {
            lead = h.t0;
        }
        added.push(Mention {
            kind: Kind::Person,
            t0: hit.t0,
            t1: hit.t1,
            lead,
            o: hit.o,
            entity: id,
            country: Some(office.iso3.clone()),
            sector: Some(office.sector.clone()),
            pronoun: true,
        });
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.t0, m.t1));
}
