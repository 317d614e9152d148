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
    norm.as_str().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// The sorted, deduplicated hashes of the text's 5-word shingles. A text shorter than five
/// words is one shingle of all its words; a text without words has none.
pub(crate) fn shingle_set(text: &str) -> Vec<u64> {
    let words = words(text);
    let hash = |ws: &[String]| hash_bytes(ws.join(" ").as_bytes());
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

/// Exact Jaccard similarity of two sorted, deduplicated sets (0 when both are empty).
pub(crate) fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
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

pub(crate) fn near_duplicates(texts: &[&str], threshold: f64) -> Vec<Vec<usize>> {
    let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingle_set(t)).collect();
    let sigs: Vec<Option<[u64; NUM_HASHES]>> = sets.iter().map(|s| (!s.is_empty()).then(|| minhash(s))).collect();
    // Candidates: documents that agree on all rows of at least one band.
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (doc, sig) in sigs.iter().enumerate() {
        let Some(sig) = sig else { continue };
        for (band, rows) in sig.chunks(ROWS).enumerate() {
            let key = rows.iter().fold(band as u64, |acc, &r| splitmix64(acc ^ r));
            buckets.entry((band, key)).or_default().push(doc);
        }
    }
    // Confirmation by the exact Jaccard of the shingle sets, then transitive grouping. The
    // groups are the transitive closure of the confirmed pairs, so a pair already grouped is
    // skipped, and pairs are visited bucket by bucket instead of collected: texts that share
    // many sentences (agency boilerplate, or the benchmark's recombined corpus) make almost
    // every pair a candidate, and comparing each one exactly made the analysis quadratic
    // (110 s at 10,000 articles). A pair whose signatures agree on fewer than half the
    // threshold's share of slots (6 standard errors below it) is not compared exactly.
    let mut uf = UnionFind((0..texts.len()).collect());
    for docs in buckets.values() {
        for (k, &a) in docs.iter().enumerate() {
            for &b in &docs[k + 1..] {
                if uf.find(a) == uf.find(b) {
                    continue;
                }
                let (Some(sa), Some(sb)) = (&sigs[a], &sigs[b]) else { continue };
                if estimate(sa, sb) >= threshold / 2.0 && jaccard(&sets[a], &sets[b]) >= threshold {
                    uf.union(a, b);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for doc in 0..texts.len() {
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
