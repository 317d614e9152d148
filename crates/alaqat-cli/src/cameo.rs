//! Short English descriptions of CAMEO event codes, for tables (`timeline`, `events`).
//!
//! Names follow GDELT's CAMEO lookup (see `shared/CAMEO.md`). A code not listed falls back to
//! its base (first three digits), then to its root (first two).

/// `(code, name)`: the 20 roots and the diplomacy-relevant sub-codes.
const NAMES: &[(&str, &str)] = &[
    ("01", "Make public statement"),
    ("02", "Appeal"),
    ("03", "Express intent to cooperate"),
    ("04", "Consult"),
    ("05", "Engage in diplomatic cooperation"),
    ("06", "Engage in material cooperation"),
    ("07", "Provide aid"),
    ("08", "Yield"),
    ("09", "Investigate"),
    ("10", "Demand"),
    ("11", "Disapprove"),
    ("12", "Reject"),
    ("13", "Threaten"),
    ("14", "Protest"),
    ("15", "Exhibit force posture"),
    ("16", "Reduce relations"),
    ("17", "Coerce"),
    ("18", "Assault"),
    ("19", "Fight"),
    ("20", "Use unconventional mass violence"),
    ("010", "Make statement"),
    ("011", "Decline comment"),
    ("012", "Make pessimistic comment"),
    ("013", "Make optimistic comment"),
    ("014", "Consider policy option"),
    ("018", "Make empathetic comment"),
    ("019", "Express accord"),
    ("020", "Appeal"),
    ("021", "Appeal for material cooperation"),
    ("022", "Appeal for diplomatic cooperation"),
    ("023", "Appeal for aid"),
    ("026", "Appeal to others to meet or negotiate"),
    ("030", "Express intent to cooperate"),
    ("031", "Express intent to engage in material cooperation"),
    ("032", "Express intent to provide diplomatic cooperation"),
    ("033", "Express intent to provide material aid"),
    ("036", "Express intent to meet or negotiate"),
    ("037", "Express intent to settle dispute"),
    ("040", "Consult"),
    ("041", "Discuss by telephone"),
    ("042", "Make a visit"),
    ("043", "Host a visit"),
    ("044", "Meet at a third location"),
    ("045", "Mediate"),
    ("046", "Engage in negotiation"),
    ("050", "Engage in diplomatic cooperation"),
    ("051", "Praise or endorse"),
    ("052", "Defend verbally"),
    ("053", "Rally support on behalf of"),
    ("054", "Grant diplomatic recognition"),
    ("055", "Apologize"),
    ("056", "Forgive"),
    ("057", "Sign formal agreement"),
    ("060", "Engage in material cooperation"),
    ("061", "Cooperate economically"),
    ("062", "Cooperate militarily"),
    ("063", "Engage in judicial cooperation"),
    ("064", "Share intelligence or information"),
    ("071", "Provide economic aid"),
    ("072", "Provide military aid"),
    ("073", "Provide humanitarian aid"),
    ("111", "Criticize or denounce"),
    ("112", "Accuse"),
    ("114", "Complain officially"),
    ("125", "Reject proposal to meet"),
    ("161", "Reduce or break diplomatic relations"),
    ("163", "Impose embargo or sanctions"),
    ("164", "Halt negotiations"),
    ("166", "Expel or withdraw"),
];

/// The description of `code`, or of its base or root; `""` for an unknown root.
pub(crate) fn describe(code: &str) -> &'static str {
    [code, code.get(..3).unwrap_or(code), code.get(..2).unwrap_or(code)]
        .into_iter()
        .find_map(|c| NAMES.iter().find(|(k, _)| *k == c).map(|(_, name)| *name))
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_extraction_emits_has_a_description() {
        for code in alaqat_extract::Lexicon::builtin().cameo.keys() {
            assert!(NAMES.iter().any(|(k, _)| k == code), "add CAMEO {code} to cameo::NAMES");
        }
        assert_eq!(describe("042"), "Make a visit");
        assert_eq!(describe("0311"), "Express intent to engage in material cooperation");
        assert_eq!(describe("189"), "Assault");
    }
}
