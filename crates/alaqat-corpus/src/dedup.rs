//! Near-duplicate detection: word 5-shingles, MinHash, LSH banding, exact Jaccard, union-find.

use crate::hash::{hash_bytes, splitmix64};
use std::collections::HashMap;

/// Words per shingle.
pub(crate) const SHINGLE_WORDS: usize = 5;
/// MinHash signature length.
pub(crate) const NUM_HASHES: usize = 128;
/// LSH bands; `NUM_HASHES / BANDS` = 2 rows each. A pair with Jaccard `s` becomes a candidate
/// with probability `1 - (1 - s²)^64`: 98% at 0.25, 99.99% at 0.43, 2.5% at 0.02.
pub(crate) const BANDS: usize = 64;
const ROWS: usize = NUM_HASHES / BANDS;

/// The normalized words of a text: the alaqat-text match key split on anything that is not a
/// letter or digit.
pub(crate) fn words(text: &str) -> Vec<String> {
    let norm = alaqat_text::normalize(text);
    norm.as_str().split(not_word_char).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Not a letter or digit. Arabic letters and ASCII are decided without Unicode's tables,
/// which dominated the cost of shingling.
fn not_word_char(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_alphanumeric()
    } else {
        !(alaqat_text::is_arabic_letter(c) || c.is_alphanumeric())
    }
}

/// The sorted, deduplicated hashes of the text's 5-word shingles. A text shorter than five
/// words is one shingle of all its words; a text without words has none. A shingle's hash
/// combines its words' hashes, so no shingle is built as a string.
pub(crate) fn shingle_set(text: &str) -> Vec<u64> {
    let norm = alaqat_text::normalize(text);
    let words: Vec<u64> =
        norm.as_str().split(not_word_char).filter(|w| !w.is_empty()).map(|w| hash_bytes(w.as_bytes())).collect();
    let hash = |ws: &[u64]| ws.iter().fold(ws.len() as u64, |acc, &w| splitmix64(acc ^ w));
    let mut set: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else if words.len() < SHINGLE_WORDS {
        vec![hash(&words)]
    } else {
        words.windows(SHINGLE_WORDS).map(hash).collect()
    };
    set.sort_unstable();
    set.dedup();
    set
}

/// Exact Jaccard similarity of two sorted, deduplicated sets (0 when both are empty): the
/// reference [`jaccard_at_least`] is tested against.
#[cfg(test)]
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    // Without branches on the comparison: which side advances is as good as random, and
    // mispredicting it made this merge most of the corpus analysis (pairs of recombined texts
    // that pass the MinHash estimate and are compared exactly).
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        inter += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    ratio(inter, a.len() + b.len() - inter)
}

/// `inter / union`, 0 for an empty union.
fn ratio(inter: usize, union: usize) -> f64 {
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// `jaccard(a, b) >= threshold`, deciding early when the sets cannot reach it: at the start
/// when their sizes alone rule it out, then every block of the merge, when even every element
/// left matching would not. Most candidate pairs of a corpus that shares sentences fall short;
/// comparing them whole was most of the near-duplicate test.
pub(crate) fn jaccard_at_least(a: &[u64], b: &[u64], threshold: f64) -> bool {
    // The best the sets can still do: every element left in the shorter remainder matching.
    // Exact, since the ratio grows with the intersection and integers below 2^53 are exact in
    // f64: if the best cannot reach the threshold, neither can the result.
    let reachable = |inter: usize, i: usize, j: usize| {
        let best = inter + (a.len() - i).min(b.len() - j);
        ratio(best, a.len() + b.len() - best) >= threshold
    };
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    if !reachable(0, 0, 0) {
        return false;
    }
    loop {
        // Without branches on the comparison: which side advances is as good as random, and
        // mispredicting it made this merge most of the corpus analysis.
        for _ in 0..64 {
            let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) else {
                return ratio(inter, a.len() + b.len() - inter) >= threshold;
            };
            inter += usize::from(x == y);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        if !reachable(inter, i, j) {
            return false;
        }
    }
}

/// The MinHash signature of a non-empty shingle set: for each of the 128 fixed seeds, the
/// minimum of the seeded SplitMix64 hash over the set.
pub(crate) fn minhash(set: &[u64]) -> [u64; NUM_HASHES] {
    let mut sig = [u64::MAX; NUM_HASHES];
    for (i, slot) in sig.iter_mut().enumerate() {
        let seed = splitmix64(0xA1A0_0000 + i as u64);
        for &s in set {
            let h = splitmix64(s ^ seed);
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut x = x;
        while self.0[x] != root {
            let next = self.0[x];
            self.0[x] = root;
            x = next;
        }
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index becomes the root, so the result does not depend on pair order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// The share of signature slots two MinHash signatures agree on: an estimate of the Jaccard
/// similarity of their sets (standard error ≈ 0.04 at 0.25 with 128 slots).
fn estimate(a: &[u64; NUM_HASHES], b: &[u64; NUM_HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / NUM_HASHES as f64
}

/// The shingle set, MinHash signature and LSH band keys of one text.
struct Signature {
    set: Vec<u64>,
    /// None for a text without words.
    minhash: Option<Box<[u64; NUM_HASHES]>>,
    /// A hash of each band's rows (none for a text without words).
    bands: Vec<u64>,
}

impl Signature {
    fn of(text: &str) -> Signature {
        let set = shingle_set(text);
        let minhash = (!set.is_empty()).then(|| Box::new(minhash(&set)));
        let bands = minhash
            .iter()
            .flat_map(|sig| {
                sig.chunks(ROWS)
                    .enumerate()
                    .map(|(band, rows)| rows.iter().fold(band as u64, |acc, &r| splitmix64(acc ^ r)))
            })
            .collect();
        Signature { set, minhash, bands }
    }
}

/// What deciding whether texts of a list are near-duplicates needs, computed for a text when
/// first needed: fusion asks about few of them.
pub(crate) struct Signatures<'t> {
    texts: &'t [&'t str],
    signatures: Vec<std::cell::OnceCell<Signature>>,
    /// The Jaccard similarity two texts' shingle sets must reach.
    threshold: f64,
}

impl<'t> Signatures<'t> {
    pub(crate) fn new(texts: &'t [&'t str], threshold: f64) -> Signatures<'t> {
        let signatures = (0..texts.len()).map(|_| std::cell::OnceCell::new()).collect();
        Signatures { texts, signatures, threshold }
    }

    fn get(&self, doc: usize) -> &Signature {
        self.signatures[doc].get_or_init(|| Signature::of(self.texts[doc]))
    }

    /// Whether two candidates (texts that agree on a whole band: the LSH candidate test) are
    /// near-duplicates: their signatures agree on at least half the threshold's share of slots
    /// (6 standard errors below it) and the exact Jaccard similarity of their shingle sets
    /// reaches the threshold.
    fn confirmed(&self, a: usize, b: usize) -> bool {
        let (x, y) = (self.get(a), self.get(b));
        let (Some(sx), Some(sy)) = (&x.minhash, &y.minhash) else { return false };
        estimate(sx, sy) >= self.threshold / 2.0 && jaccard_at_least(&x.set, &y.set, self.threshold)
    }

    /// Whether texts `a` and `b` are near-duplicates: candidates (they agree on a whole band)
    /// that are [`Signatures::confirmed`]. A property of the two texts alone, whatever else is
    /// analysed with them: fusion relies on it, so that fusing one dyad's documents gives the
    /// events that fusing the whole corpus gives.
    pub(crate) fn similar(&self, a: usize, b: usize) -> bool {
        let agree = self.bands(a).iter().zip(self.bands(b)).any(|(x, y)| x == y);
        agree && self.confirmed(a, b)
    }

    /// The band keys of text `doc` (none for a text without words).
    pub(crate) fn bands(&self, doc: usize) -> &[u64] {
        &self.get(doc).bands
    }

    /// The near-duplicate groups: the transitive closure of the confirmed candidate pairs.
    /// Only groups of two or more, each sorted, sorted by their first index.
    pub(crate) fn groups(&self) -> Vec<Vec<usize>> {
        let n = self.texts.len();
        // Candidates: texts that agree on all rows of at least one band.
        let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
        for doc in 0..n {
            for (band, &key) in self.bands(doc).iter().enumerate() {
                buckets.entry((band, key)).or_default().push(doc);
            }
        }
        // Pairs are visited bucket by bucket, not collected, and a pair already grouped is
        // skipped: texts that share many sentences (agency boilerplate, or the benchmark's
        // recombined corpus) make almost every pair a candidate, and comparing each one
        // exactly made the analysis quadratic (110 s at 10,000 articles).
        let mut uf = UnionFind((0..n).collect());
        for members in buckets.values() {
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    if uf.find(a) != uf.find(b) && self.confirmed(a, b) {
                        uf.union(a, b);
                    }
                }
            }
        }
        let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
        for doc in 0..n {
            let root = uf.find(doc);
            groups.entry(root).or_default().push(doc);
        }
        let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        for g in &mut out {
            g.sort_unstable();
        }
        out.sort();
        out
    }
}

pub(crate) fn near_duplicates(texts: &[&str], threshold: f64) -> Vec<Vec<usize>> {
    Signatures::new(texts, threshold).groups()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(shingle_set("زار الرئيس الرياض").len(), 1);
        assert!(shingle_set("  ... ").is_empty());
        assert_eq!(shingle_set("a b c d e f").len(), 2);
    }

    #[test]
    fn jaccard_of_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(jaccard(&[7], &[7]), 1.0);
        assert_eq!(jaccard(&[1, 5, 9], &[]), 0.0);
        assert_eq!(jaccard(&[1, 2, 3, 10, 11], &[3, 10, 20]), 2.0 / 6.0);
    }

    proptest::proptest! {
        #[test]
        fn jaccard_is_the_share_of_the_union_both_hold(
            a in proptest::collection::btree_set(0u64..64, 0..40),
            b in proptest::collection::btree_set(0u64..64, 0..40),
        ) {
            let inter = a.intersection(&b).count();
            let union = a.union(&b).count();
            let expected = if union == 0 { 0.0 } else { inter as f64 / union as f64 };
            let (a, b): (Vec<u64>, Vec<u64>) = (a.into_iter().collect(), b.into_iter().collect());
            proptest::prop_assert_eq!(jaccard(&a, &b), expected);
        }
    }

    proptest::proptest! {
        /// Deciding early never decides otherwise than the whole comparison.
        #[test]
        fn jaccard_at_least_is_jaccard_against_the_threshold(
            a in proptest::collection::btree_set(0u64..400, 0..300),
            b in proptest::collection::btree_set(0u64..400, 0..300),
            threshold in proptest::sample::select(vec![0.0, 0.1, 0.25, 0.5, 0.9, 1.0]),
        ) {
            let (a, b): (Vec<u64>, Vec<u64>) = (a.into_iter().collect(), b.into_iter().collect());
            proptest::prop_assert_eq!(jaccard_at_least(&a, &b, threshold), jaccard(&a, &b) >= threshold);
        }
    }

    #[test]
    fn jaccard_at_least_of_empty_sets() {
        assert!(jaccard_at_least(&[], &[], 0.0));
        assert!(!jaccard_at_least(&[], &[], 0.25));
        assert!(!jaccard_at_least(&[1], &[], 0.25));
    }

    #[test]
    fn normalization_makes_spelling_variants_equal() {
        // Hamza forms and diacritics fold to the same key.
        assert_eq!(
            shingle_set("أعلنت وزارة الخارجية اليوم عن زيارة"),
            shingle_set("اعلنت وزارة الخارجيّة اليوم عن زيارة")
        );
    }

    #[test]
    fn minhash_estimates_jaccard() {
        let a: Vec<u64> = (0..400).collect();
        let b: Vec<u64> = (200..600).collect();
        let (sa, sb) = (minhash(&a), minhash(&b));
        let agree = estimate(&sa, &sb);
        assert!((agree - 1.0 / 3.0).abs() < 0.15, "{agree}");
    }

    #[test]
    fn shared_boilerplate_does_not_group_but_a_reprint_among_it_does() {
        // Every text ends with the same agency paragraph; text 7 is reprinted as the last one.
        let boilerplate = "وكالة الأنباء الرسمية تنشر هذا الخبر بالتعاون مع مكاتبها في العواصم الخليجية والآسيوية";
        let mut texts: Vec<String> = (0..150)
            .map(|i| {
                let own: Vec<String> = (0..40).map(|w| format!("كلمة{}", i * 100 + w)).collect();
                format!("{} {boilerplate}", own.join(" "))
            })
            .collect();
        texts.push(texts[7].clone());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(near_duplicates(&refs, 0.25), vec![vec![7, 150]]);
    }
}
