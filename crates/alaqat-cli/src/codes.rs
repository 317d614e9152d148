//! `alaqat codes`: what the trigger lexicon covers of the CAMEO ontology, per root — the codes
//! it can emit in Arabic, in English, and in both. A code is reachable in a language when at least
//! one trigger of that language codes it (`data/triggers.tsv`, generated from the lemma tables).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use alaqat_extract::Lexicon;
use alaqat_model::cameo::{root_of, CameoCode};

/// Per root: the codes with an Arabic trigger, with an English one, and the trigger counts.
#[derive(Default)]
pub(crate) struct RootCoverage {
    pub(crate) arabic: BTreeSet<&'static str>,
    pub(crate) english: BTreeSet<&'static str>,
    pub(crate) patterns: (usize, usize),
}

impl RootCoverage {
    /// Codes reachable in both languages.
    pub(crate) fn both(&self) -> usize {
        self.arabic.intersection(&self.english).count()
    }
}

/// The coverage of every root 01–20 by the built-in lexicon.
pub(crate) fn coverage() -> BTreeMap<&'static str, RootCoverage> {
    let mut roots: BTreeMap<&'static str, RootCoverage> = BTreeMap::new();
    for code in CameoCode::all().iter().filter(|c| c.code.len() == 2) {
        roots.entry(code.code).or_default();
    }
    let lex = Lexicon::builtin();
    for pattern in &lex.patterns {
        for entry in &pattern.entries {
            let Some(trig) = lex.trigger(*entry) else { continue };
            // A block is not an event, and a speech act or a suffering coded 010 only carries
            // the act after it.
            if trig.is_block() {
                continue;
            }
            let root = roots.entry(root_of(trig.code.code)).or_default();
            if trig.english {
                root.english.insert(trig.code.code);
                root.patterns.1 += 1;
            } else {
                root.arabic.insert(trig.code.code);
                root.patterns.0 += 1;
            }
        }
    }
    roots
}

/// Writes the coverage table.
pub(crate) fn write(out: &mut impl Write) -> io::Result<()> {
    let roots = coverage();
    writeln!(out, "CAMEO coverage of the trigger lexicon: distinct codes per root with at least one trigger")?;
    writeln!(
        out,
        "{:<5} {:<34} {:>7} {:>7} {:>5} {:>9} {:>9}",
        "root", "name", "arabic", "english", "both", "ar forms", "en forms"
    )?;
    let mut reachable = 0;
    let (mut ar, mut en, mut both) = (BTreeSet::new(), BTreeSet::new(), 0);
    for (root, c) in &roots {
        let name = CameoCode::get(root).map_or("", |c| c.name);
        writeln!(
            out,
            "{root:<5} {:<34} {:>7} {:>7} {:>5} {:>9} {:>9}",
            name.to_lowercase(),
            c.arabic.len(),
            c.english.len(),
            c.both(),
            c.patterns.0,
            c.patterns.1
        )?;
        if c.both() > 0 {
            reachable += 1;
        }
        ar.extend(c.arabic.iter().copied());
        en.extend(c.english.iter().copied());
        both += c.both();
    }
    writeln!(out, "{:<5} {:<34} {:>7} {:>7} {:>5}", "all", "", ar.len(), en.len(), both)?;
    writeln!(out, "roots reachable in both languages: {reachable}/{}", roots.len())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_root_is_reachable_in_arabic_and_in_english() {
        for (root, c) in coverage() {
            assert!(
                c.both() > 0,
                "root {root}: arabic {:?}, english {:?}\nhelp: add a lemma to data/verbs_ar.tsv and data/verbs_en.tsv, then run tools/lexicon/gen_triggers.py",
                c.arabic,
                c.english
            );
        }
        assert_eq!(coverage().len(), 20);
    }
}
