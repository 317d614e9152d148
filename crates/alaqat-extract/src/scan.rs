//! One pass over a document: the match key, its tokens, sentences and every lexicon hit.

use alaqat_model::Span;
use alaqat_text::{normalize, sentences, tokenize, Normalized, TokenKind};

use crate::lexicon::{CueKind, Entry, Frame, Group, Lexicon, Prep, Suffix, GROUPS};

/// A token of the match key, with its original span and sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Byte range in the key.
    pub k: Span,
    /// Byte range in the original text.
    pub o: Span,
    pub kind: TokenKind,
    pub sent: u32,
}

/// A lexicon pattern found in the text, after boundary checks.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub pat: u32,
    pub group: Group,
    /// First token and one past the last.
    pub t0: usize,
    pub t1: usize,
    /// Key range of the match itself (without a proclitic prefix).
    pub k: Span,
    /// Original range of the match.
    pub o: Span,
    /// Bytes of proclitics before the match inside its first token (و, ب, ل, وب ...).
    pub prefix: u8,
}

/// A sentence with its tokens.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sentence {
    pub o: Span,
    pub t0: usize,
    pub t1: usize,
}

/// The analysed document every rule reads.
pub(crate) struct Scan<'a> {
    pub text: &'a str,
    pub key: Normalized,
    pub toks: Vec<Tok>,
    pub sents: Vec<Sentence>,
    pub hits: Vec<Hit>,
    /// Per token: covered by a known word that ends a person's name (a country, a title, a
    /// trigger, a date word, a number, a function word). Computed once: name chains ask for
    /// every token, and scanning the hits each time made one-name sentences quadratic.
    pub name_stop: Vec<bool>,
    /// Per token: the groups of the hits starting there, one bit per `Group`, so that the many
    /// "is there a title here?" questions of name recognition need no search.
    pub group_starts: Vec<u8>,
    /// Per token: the kinds of the cues that start there, one bit per `CueKind`, so that rules
    /// asking "is there a negation here?" at every trigger need not search the hits.
    pub cue_kinds: Vec<u64>,
    /// Per token: the preposition starting there and the token after it (من قبل is two).
    pub preps: Vec<Option<(Prep, u32)>>,
    pub lex: &'static Lexicon,
}

/// Every pattern that matches starting exactly at `start`: (pattern index, end), shortest first,
/// into `out` (cleared first; reused across calls: this runs at every word start).
fn anchored_matches(
    dfa: &aho_corasick::nfa::contiguous::NFA,
    haystack: &[u8],
    start: usize,
    out: &mut Vec<(u32, usize)>,
) {
    use aho_corasick::automaton::Automaton;
    out.clear();
    let Ok(mut sid) = dfa.start_state(aho_corasick::Anchored::Yes) else { return };
    for (i, &byte) in haystack[start..].iter().enumerate() {
        sid = dfa.next_state(aho_corasick::Anchored::Yes, sid, byte);
        if dfa.is_dead(sid) {
            break;
        }
        if dfa.is_match(sid) {
            let len = i + 1;
            for m in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, m);
                // A state also reports patterns that are suffixes of its path; only those that
                // reach back to the start count here.
                if dfa.pattern_len(pid) == len {
                    out.push((pid.as_u32(), start + len));
                }
            }
        }
    }
}

/// The items whose first token (`first`) lies in `t0..t1`, in their order, for a list sorted by
/// first token (hits, mentions, dates). Rules look at one sentence or clause at a time: a
/// filter over the whole list there made extraction quadratic in the document (50,000 short
/// lines with a trigger each took minutes; found by the hostile-input suite).
pub(crate) fn in_tokens<T>(items: &[T], t0: usize, t1: usize, first: impl Fn(&T) -> usize) -> &[T] {
    let lo = items.partition_point(|x| first(x) < t0);
    let hi = items.partition_point(|x| first(x) < t1).max(lo);
    &items[lo..hi]
}

/// Pronoun suffixes a `+` pattern may take (normalized: ة is ه).
const PRONOUNS: [&str; 9] = ["ه", "ها", "هما", "هم", "هن", "نا", "ني", "ك", "كم"];

/// Proclitics allowed before a name or trigger inside the same word.
const PREFIXES: [&str; 12] = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل"];
/// Prefixes with the article, allowed before triggers (nouns such as الزيارة take it).
const ARTICLE_PREFIXES: [&str; 8] = ["ال", "وال", "بال", "فال", "كال", "وبال", "لل", "ولل"];

impl<'a> Scan<'a> {
    pub(crate) fn new(text: &'a str, lex: &'static Lexicon) -> Scan<'a> {
        let key = normalize(text);
        let k = key.as_str();
        let mut toks: Vec<Tok> = tokenize(k)
            .into_iter()
            .map(|t| Tok { k: t.span, o: key.to_original(t.span.start, t.span.end), kind: t.kind, sent: 0 })
            .collect();

        let spans = sentences(text);
        let mut sents = Vec::with_capacity(spans.len());
        let mut ti = 0;
        for (si, s) in spans.iter().enumerate() {
            // Tokens before this sentence (stray punctuation) join the previous one.
            while ti < toks.len() && toks[ti].o.start < s.start {
                toks[ti].sent = si.saturating_sub(1) as u32;
                ti += 1;
            }
            let t0 = ti;
            while ti < toks.len() && toks[ti].o.start < s.end {
                toks[ti].sent = si as u32;
                ti += 1;
            }
            sents.push(Sentence { o: *s, t0, t1: ti });
        }
        for t in &mut toks[ti..] {
            t.sent = spans.len().saturating_sub(1) as u32;
        }

        let mut scan = Scan {
            text,
            key,
            toks,
            sents,
            hits: Vec::new(),
            name_stop: Vec::new(),
            group_starts: Vec::new(),
            cue_kinds: Vec::new(),
            preps: Vec::new(),
            lex,
        };
        scan.find_hits();
        scan.name_stop = scan.name_stops();
        let mut starts = vec![0u8; scan.toks.len()];
        for h in &scan.hits {
            if let Some(s) = starts.get_mut(h.t0) {
                *s |= 1 << h.group as u8;
            }
        }
        scan.group_starts = starts;
        (scan.cue_kinds, scan.preps) = scan.cue_index();
        scan
    }

    /// The token whose key range contains byte `pos` of the key, if any.
    pub(crate) fn tok_at(&self, pos: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.k.end <= pos);
        (i < self.toks.len() && self.toks[i].k.start <= pos).then_some(i)
    }

    /// The key text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.key.as_str()[t.k.start..t.k.end])
    }

    fn find_hits(&mut self) {
        let k = self.key.as_str();
        let lex = self.lex;
        let mut candidates: Vec<Hit> = Vec::new();
        let mut starts: Vec<(usize, bool)> = Vec::with_capacity(8);
        let mut matches: Vec<(u32, usize)> = Vec::with_capacity(16);
        for (t0, first) in self.toks.iter().enumerate() {
            let word = &k[first.k.start..first.k.end];
            // A match starts at a word, or after its proclitics (وبالرياض → الرياض, رياض).
            starts.clear();
            starts.push((0, false));
            if first.kind == TokenKind::Word && !word.is_ascii() {
                for (list, article) in [(&PREFIXES[..], false), (&ARTICLE_PREFIXES[..], true)] {
                    for p in list {
                        if word.len() > p.len() + 2 && word.starts_with(p) && !starts.contains(&(p.len(), false)) {
                            starts.push((p.len(), article));
                        }
                    }
                }
            }
            // A word known whole (فيصل the name, الاثنين the weekday) is not split into a
            // proclitic and a trigger (ف + يصل).
            let mut whole_known = false;
            for &(prefix_len, article) in &starts {
                let start = first.k.start + prefix_len;
                let prefix = &k[first.k.start..start];
                anchored_matches(&lex.automaton, k.as_bytes(), start, &mut matches);
                for &(index, end) in &matches {
                    let pat = &lex.patterns[index as usize];
                    let mut end = end;
                    let Some(mut last) = self.tok_at(end.saturating_sub(1)) else { continue };
                    // A pattern ends with a word, unless a suffix may follow (زار* → زارها; قصف+ →
                    // قصفه, but not قصفات).
                    let tail = &k[end..self.toks[last].k.end];
                    let suffix_ok = match pat.suffix {
                        Suffix::None => tail.is_empty(),
                        Suffix::Any => true,
                        Suffix::Pronoun => tail.is_empty() || PRONOUNS.contains(&tail),
                    };
                    if !suffix_ok {
                        continue;
                    }
                    let prefix_ok =
                        if pat.lil { matches!(prefix, "" | "و" | "ف") } else { prefix.is_empty() || !pat.latin };
                    if !prefix_ok
                        || (first.kind == TokenKind::Punct && !pat.entries.iter().any(|e| e.group() == Group::Number))
                    {
                        continue;
                    }
                    if pat.suffix != Suffix::None {
                        end = self.toks[last].k.end;
                    }
                    // A pattern must end on a word; "... -" style partial matches do not count.
                    while last > t0 && self.toks[last].kind == TokenKind::Punct {
                        last -= 1;
                    }
                    // The span of a للـ variant starts after the preposition, as for وكازاخستان.
                    let o = if pat.lil {
                        self.key.to_original(start + 'ل'.len_utf8(), end)
                    } else {
                        self.key.to_original(start, end)
                    };
                    if pat.acronym && o.slice(self.text).is_some_and(|t| t.chars().any(char::is_lowercase)) {
                        continue;
                    }
                    // The ل of a للـ variant is a proclitic too.
                    let clitic_len = prefix.len() + if pat.lil { 'ل'.len_utf8() } else { 0 };
                    let mut seen = [false; GROUPS];
                    for e in &pat.entries {
                        let group = e.group();
                        // The article is a proclitic only for trigger and object nouns (الزيارة،
                        // الوثائق); names carry theirs in the data.
                        if prefix_len == 0
                            && end == first.k.end
                            && pat.suffix == Suffix::None
                            && matches!(group, Group::Name | Group::Word | Group::Time | Group::Number)
                        {
                            whole_known = true;
                        }
                        if (article && !matches!(group, Group::Trigger | Group::Object))
                            || (prefix_len > 0
                                && whole_known
                                && matches!(group, Group::Trigger | Group::Cue | Group::Object))
                            || std::mem::replace(&mut seen[group as usize], true)
                        {
                            continue;
                        }
                        candidates.push(Hit {
                            pat: index,
                            group,
                            t0,
                            t1: last + 1,
                            k: Span::new(start, end),
                            o,
                            prefix: clitic_len as u8,
                        });
                    }
                }
            }
        }
        // Within a group, the longest match wins; groups may overlap each other.
        // Ties between open-ended patterns that both reach the word's end go to the longer
        // literal (اجتماعي* over اجتماع*).
        // Unstable: the key orders every pair that matters (the pattern index breaks the rest).
        candidates.sort_unstable_by_key(|h| {
            (
                h.group,
                h.k.start,
                std::cmp::Reverse(h.k.end),
                std::cmp::Reverse(lex.patterns[h.pat as usize].key.len()),
                h.pat,
            )
        });
        let mut hits: Vec<Hit> = Vec::with_capacity(candidates.len());
        let mut last: Option<(Group, usize)> = None;
        for h in candidates {
            if let Some((g, end)) = last {
                if g == h.group && h.k.start < end {
                    continue;
                }
            }
            last = Some((h.group, h.k.end));
            hits.push(h);
        }
        hits.sort_unstable_by_key(|h| (h.t0, h.group, h.k.start, h.pat));
        self.hits = hits;
    }

    fn name_stops(&self) -> Vec<bool> {
        let mut stop = vec![false; self.toks.len()];
        for h in &self.hits {
            let stops = match h.group {
                Group::Name => self.entries(h).iter().any(|e| !matches!(e, Entry::Person(_))),
                Group::Title | Group::Time | Group::Number => true,
                // A blocked pattern marks a word that is not a trigger (فيصل, the name).
                Group::Trigger => self.is_trigger(h),
                Group::Word => self.entries(h).contains(&Entry::Function),
                // A preposition, a topic word or a light verb ends a name (يائير لابيد بشأن).
                Group::Cue => self.entries(h).iter().any(|e| {
                    self.lex
                        .cue(*e)
                        .is_some_and(|c| matches!(c.kind, CueKind::Prep | CueKind::Topic | CueKind::LightVerb))
                }),
                Group::Object => false,
            };
            if stops {
                for s in &mut stop[h.t0..h.t1.min(self.toks.len())] {
                    *s = true;
                }
            }
        }
        stop
    }

    /// The cue of `kind` starting at token `t`, if any.
    pub(crate) fn cue_at(&self, t: usize, kind: CueKind) -> Option<&Hit> {
        if !self.has_cue_kind(t, kind) {
            return None;
        }
        let i = self.hits.partition_point(|h| h.t0 < t);
        self.hits[i..].iter().take_while(|h| h.t0 == t).find(|h| {
            h.group == Group::Cue && self.entries(h).iter().any(|e| self.lex.cue(*e).is_some_and(|c| c.kind == kind))
        })
    }

    /// True when `h` is a trigger hit with a row that codes something: a blocked pattern marks
    /// a word that is no trigger (فيصل the name, وزارة for the زار inside it).
    pub(crate) fn is_trigger(&self, h: &Hit) -> bool {
        h.group == Group::Trigger
            && self.entries(h).iter().any(|e| self.lex.trigger(*e).is_some_and(|t| t.frame != Frame::Block))
    }

    /// True when a cue of `kind` starts at token `t`.
    pub(crate) fn is_cue(&self, t: usize, kind: CueKind) -> bool {
        self.cue_at(t, kind).is_some()
    }

    /// The preposition starting at token `t` and the token after it (من قبل is two tokens).
    pub(crate) fn prep_span_at(&self, t: usize) -> Option<(Prep, usize)> {
        self.preps.get(t).copied().flatten().map(|(p, end)| (p, end as usize))
    }

    /// The preposition that is token `t`, if it is one.
    pub(crate) fn prep_at(&self, t: usize) -> Option<Prep> {
        self.prep_span_at(t).map(|(p, _)| p)
    }

    /// The first token in `t0..t1` where a cue of `kind` starts.
    pub(crate) fn find_cue(&self, t0: usize, t1: usize, kind: CueKind) -> Option<usize> {
        (t0..t1.min(self.toks.len())).find(|&t| self.has_cue_kind(t, kind))
    }

    /// The cue kinds and the preposition of every token.
    fn cue_index(&self) -> (Vec<u64>, Vec<Option<(Prep, u32)>>) {
        let mut kinds = vec![0u64; self.toks.len()];
        let mut preps = vec![None; self.toks.len()];
        for h in self.hits.iter().filter(|h| h.group == Group::Cue) {
            for e in self.entries(h) {
                if let Some(c) = self.lex.cue(*e) {
                    kinds[h.t0] |= c.kind.bit();
                    if c.kind == CueKind::Prep && preps[h.t0].is_none() {
                        preps[h.t0] = Some((c.prep, h.t1 as u32));
                    }
                }
            }
        }
        (kinds, preps)
    }

    /// True when a cue of `kind` starts at token `t`, by the mask (`cue_at` finds its hit).
    pub(crate) fn has_cue_kind(&self, t: usize, kind: CueKind) -> bool {
        self.cue_kinds.get(t).is_some_and(|k| k & kind.bit() != 0)
    }

    /// The entries of a hit's pattern.
    pub(crate) fn entries(&self, hit: &Hit) -> &'static [Entry] {
        &self.lex.patterns[hit.pat as usize].entries
    }

    /// The hits whose first token lies in `t0..t1`.
    pub(crate) fn hits_in(&self, t0: usize, t1: usize) -> &[Hit] {
        in_tokens(&self.hits, t0, t1, |h| h.t0)
    }

    /// Hits of one group starting at token `t`.
    pub(crate) fn hit_at(&self, t: usize, group: Group) -> Option<&Hit> {
        if self.group_starts.get(t).is_none_or(|s| s & (1 << group as u8) == 0) {
            return None;
        }
        let i = self.hits.partition_point(|h| h.t0 < t);
        self.hits[i..].iter().take_while(|h| h.t0 == t).find(|h| h.group == group)
    }

    /// True when token `t` is punctuation that separates clauses or names.
    pub(crate) fn is_break(&self, t: usize) -> bool {
        self.toks.get(t).is_none_or(|tok| tok.kind == TokenKind::Punct && !matches!(self.word(t), "-" | "'"))
    }

    /// True when a place at tokens `t0..t1` is a dateline: among the first three tokens of one of
    /// the document's first three sentences (a headline may come first), followed soon by a dash, a
    /// parenthesis, a colon or a date.
    pub(crate) fn dateline_place(&self, t0: usize, t1: usize) -> bool {
        let Some(sent) = self.toks.get(t0).map(|t| t.sent as usize) else { return false };
        sent <= 2
            && t0 <= self.sents[sent].t0 + 2
            && (t1..(t1 + 4).min(self.toks.len())).any(|t| {
                matches!(self.word(t), "-" | "--" | "(" | ":" | "/")
                    || self.toks[t].kind == alaqat_text::TokenKind::Number
            })
    }

    /// The text of an original span.
    pub(crate) fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text).unwrap_or_default()
    }
}
