//! Cue words (`data/cues.tsv`): negation, modality, background, anaphora, prepositions,
//! relative pronouns and the other small words that decide how an event or a name is read.
//! Each row has a kind and the scope it acts in; both are typed here.

/// What a cue word does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// The act did not happen (لم، لن، not).
    Negation,
    /// The act is expected or planned (من المتوقع، سوف، will).
    Future,
    /// Someone proposed the act (اقترح).
    Proposal,
    /// A hypothetical act (إذا، if).
    Condition,
    /// The sentence recalls the past (يذكر، سبق، previously).
    Background,
    /// The act belongs to another era (القرن، anniversary).
    History,
    /// The sentence refers back to the event of the one before (خلال هذه الزيارة).
    Anaphora,
    /// A relative pronoun (الذي).
    Relative,
    /// Reported speech: what follows has its own subject (قال إن).
    Complementizer,
    /// An English auxiliary that makes the next participle passive.
    Passive,
    /// A verb or noun carrying an event noun whose agent is its own subject (شنت إسرائيل غارات).
    LightVerb,
    /// A preposition; [`Cue::prep`] says which.
    Prep,
    /// An English article or possessive between a preposition and its party ("by the").
    Determiner,
    /// What follows is the topic of talks, not an act (سبل تعزيز، ركزت على).
    Topic,
    /// A body named by its field, its country adjective after it (الخارجية الإيرانية).
    Institution,
    /// A pronoun suffix that carries a verb's object.
    ObjectSuffix,
    /// A sentence about sport: conflict triggers there are games.
    Sport,
    /// A sentence about a film or a novel.
    Fiction,
    /// A problem as a target ("war on corruption").
    Abstract,
    /// The two parties in focus (البلدين).
    Dyad,
    /// The monarchy in focus (المملكة).
    Kingdom,
    /// The sultanate in focus (السلطنة).
    Sultanate,
    /// His counterpart (نظيره).
    Counterpart,
    /// A pronoun standing for a person introduced with an honorific (جلالته).
    HonorificPronoun,
    /// A word inside a title phrase before a country (جمهورية).
    StateWord,
    /// A delegation or side whose adjective gives a nationality (الجانب).
    Delegation,
    /// A former holder of a title (السابق).
    Former,
    /// Joins the parts of an Arabic name chain (بن).
    Nasab,
    /// The family-name marker (آل).
    Family,
    /// A surname ending of Slavic and Turkic names (ـوف).
    NameSuffix,
    /// A particle inside an English-script name: bin, Al, al-, van der.
    NameParticle,
    /// A ruling family's name (آل ثاني، Al Nahyan): its members are nationals of the country in
    /// `value`, whatever the sentence around them names.
    Dynasty,
}

/// The kinds, by their name in the data.
pub(crate) const CUE_KINDS: &[(&str, CueKind)] = &[
    ("negation", CueKind::Negation),
    ("future", CueKind::Future),
    ("proposal", CueKind::Proposal),
    ("condition", CueKind::Condition),
    ("background", CueKind::Background),
    ("history", CueKind::History),
    ("anaphora", CueKind::Anaphora),
    ("relative", CueKind::Relative),
    ("complementizer", CueKind::Complementizer),
    ("passive", CueKind::Passive),
    ("light_verb", CueKind::LightVerb),
    ("prep", CueKind::Prep),
    ("determiner", CueKind::Determiner),
    ("topic", CueKind::Topic),
    ("institution", CueKind::Institution),
    ("object_suffix", CueKind::ObjectSuffix),
    ("sport", CueKind::Sport),
    ("fiction", CueKind::Fiction),
    ("abstract", CueKind::Abstract),
    ("dyad", CueKind::Dyad),
    ("kingdom", CueKind::Kingdom),
    ("sultanate", CueKind::Sultanate),
    ("counterpart", CueKind::Counterpart),
    ("honorific_pronoun", CueKind::HonorificPronoun),
    ("state_word", CueKind::StateWord),
    ("delegation", CueKind::Delegation),
    ("former", CueKind::Former),
    ("nasab", CueKind::Nasab),
    ("family", CueKind::Family),
    ("name_suffix", CueKind::NameSuffix),
    ("name_particle", CueKind::NameParticle),
    ("dynasty", CueKind::Dynasty),
];

impl CueKind {
    /// The kind's bit in a per-token mask (`Scan::cue_kinds`).
    pub fn bit(self) -> u64 {
        1 << (self as u32)
    }

    /// Kinds matched on a word's ending rather than as words.
    pub fn is_suffix(self) -> bool {
        matches!(self, CueKind::ObjectSuffix | CueKind::NameSuffix)
    }
}

/// Where a cue acts, relative to the word it bears on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The word itself, or the one right before the word it bears on.
    Word,
    /// Up to six tokens before, in the same sentence.
    Near,
    /// From the start of the clause (commas and semicolons end clauses), at most 24 tokens back.
    Clause,
    /// Anywhere in the sentence.
    Sentence,
    /// In the sentence before its first trigger.
    Opening,
    /// Up to three tokens after.
    After,
}

/// The scopes, by their name in the data.
pub(crate) const SCOPES: &[(&str, Scope)] = &[
    ("word", Scope::Word),
    ("near", Scope::Near),
    ("clause", Scope::Clause),
    ("sentence", Scope::Sentence),
    ("opening", Scope::Opening),
    ("after", Scope::After),
];

/// The preposition that introduces an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prep {
    /// No preposition: a subject, an object or a genitive.
    None,
    /// إلى, to, into.
    To,
    /// The proclitic ل: to a place, or the genitive "of" after a noun.
    Li,
    /// The proclitic ب.
    Bi,
    /// مع, with.
    With,
    /// من قبل, على يد, by.
    By,
    /// من, from.
    From,
    /// في, in, at.
    In,
    /// بين, between.
    Between,
    /// على, on.
    On,
    /// ضد, against.
    Against,
    /// لدى: accredited to.
    At,
    /// عن, حول, about, over.
    About,
    /// of.
    Of,
    /// for.
    For,
    /// تجاه, نحو, toward.
    Toward,
    /// ك and anything else.
    Other,
}

/// The prepositions, by their name in the data (cues.tsv `value`, triggers.tsv `prep`).
pub(crate) const PREPS: &[(&str, Prep)] = &[
    ("to", Prep::To),
    ("li", Prep::Li),
    ("bi", Prep::Bi),
    ("with", Prep::With),
    ("by", Prep::By),
    ("from", Prep::From),
    ("in", Prep::In),
    ("between", Prep::Between),
    ("on", Prep::On),
    ("against", Prep::Against),
    ("at", Prep::At),
    ("about", Prep::About),
    ("of", Prep::Of),
    ("for", Prep::For),
    ("toward", Prep::Toward),
];

/// One row of `data/cues.tsv`.
#[derive(Debug)]
pub struct Cue {
    /// The normalized form.
    pub key: String,
    pub kind: CueKind,
    pub scope: Scope,
    /// For `prep` cues, which preposition.
    pub prep: Prep,
    /// For `honorific_pronoun` cues, the normalized honorific it stands for.
    pub value: String,
}
