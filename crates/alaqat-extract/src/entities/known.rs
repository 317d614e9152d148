//! Names found by context, linked to the office-holders of `data/persons.tsv` they name:
//! «عسكر أقاييف» is Askar Akayev (أكاييف in the lexicon), "Shavkat Mirziyoev" is Mirziyoyev,
//! «كوتشقاروف جمشيد» (surname first) is Jamshid Kuchkarov. A link needs the surname's skeleton
//! (consonants, with the letters transliterations swap folded together), a given name at most one
//! letter away, and the country the text gives, when it gives one; of several candidates, the
//! one in office at the report's date, else none: two holders of one office are never merged.

use alaqat_model::Date;

use crate::lexicon::name_skeleton;
use crate::link::edit_distance;
use crate::scan::Scan;

/// The known person a name chain (tokens `t0..t1`) stands for, if exactly one fits.
pub(super) fn person(scan: &Scan<'_>, t0: usize, t1: usize, country: Option<&str>, on: Option<Date>) -> Option<u16> {
    let lex = scan.lex;
    let words: Vec<String> = (t0..t1)
        .map(|t| scan.word(t))
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
        .map(name_skeleton)
        .collect();
    // One word is too little to tell people apart.
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return None };
    if words.len() < 2 {
        return None;
    }
    let mut found: Vec<u16> = Vec::new();
    let exact = |p: u16| {
        lex.person_surnames.get(last).is_some_and(|v| v.iter().any(|(q, f)| *q == p && f.first() == Some(first)))
    };
    // The surname last (عسكر أقاييف) or first (كوتشقاروف جمشيد).
    for key in [last, first] {
        for (p, form) in lex.person_surnames.get(key).into_iter().flatten() {
            if same_name(&words, form) && !found.contains(p) {
                found.push(*p);
            }
        }
    }
    let served = |p: u16, c: &str| lex.persons[usize::from(p)].offices.iter().any(|o| o.iso3 == c);
    match country {
        Some(c) => found.retain(|&p| served(p, c)),
        // Without a country, only a name spelled like the known one (its skeleton) links.
        None => found.retain(|&p| exact(p)),
    }
    if found.len() > 1 {
        if let Some(d) = on {
            found.retain(|&p| {
                lex.persons[usize::from(p)]
                    .offices
                    .iter()
                    .any(|o| o.from.is_none_or(|f| f <= d) && o.to.is_none_or(|t| d <= t))
            });
        }
    }
    match found.as_slice() {
        [p] => Some(*p),
        _ => None,
    }
}

/// Do the skeletons of a name found in the text (`w`) and of a known form (`f`) name the same
/// person? Words one letter apart count as the same. A nasab chain (بن) must agree element by
/// element, the shorter a prefix of the longer: محمد بن عبدالرحمن بن عبدالعزيز is not محمد بن
/// سلمان بن عبدالعزيز. Otherwise the given name and the surname must agree, in either order.
fn same_name(w: &[String], f: &[String]) -> bool {
    let near = |a: &str, b: &str| a == b || (a.chars().count() >= 3 && edit_distance(a, b) <= 1);
    let nasab = |x: &[String]| x.iter().any(|s| matches!(s.as_str(), "بن" | "ابن" | "بنت" | "bn" | "bnt" | "ibn"));
    let (Some(w0), Some(wl), Some(f0), Some(fl)) = (w.first(), w.last(), f.first(), f.last()) else { return false };
    if nasab(w) || nasab(f) {
        let n = w.len().min(f.len());
        return n >= 2 && w.iter().zip(f).all(|(a, b)| near(a, b)) && (w.len() == f.len() || near(wl, fl) || n >= 3);
    }
    (near(w0, f0) && near(wl, fl)) || (w.len() == 2 && near(w0, fl) && near(wl, f0))
}
