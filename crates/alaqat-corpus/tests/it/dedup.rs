use alaqat_corpus::{near_duplicates, DUPLICATE_THRESHOLD};
use proptest::prelude::*;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo/corpus/");

fn demo(name: &str) -> String {
    String::from_utf8_lossy(&std::fs::read(format!("{DEMO}{name}")).unwrap()).into_owned()
}

#[test]
fn reprint_of_a_wire_story_clusters() {
    let a = demo("sau-kaz-jeddah-summit-2023-07.txt");
    let b = demo("sau-kaz-jeddah-summit-reprint-2023-07.txt");
    assert_eq!(near_duplicates(&[&a, &b], DUPLICATE_THRESHOLD), vec![vec![0, 1]]);
}

#[test]
fn independent_reports_of_one_meeting_do_not_cluster() {
    let a = demo("sau-kaz-interior-2025-12.txt");
    let b = demo("sau-kaz-interior-riyadh-2025-12-18.txt");
    assert!(near_duplicates(&[&a, &b], DUPLICATE_THRESHOLD).is_empty());
    // Far below the threshold, not just under it (measured 0.008).
    assert!(near_duplicates(&[&a, &b], 0.05).is_empty());
}

#[test]
fn whole_demo_corpus_has_exactly_one_group() {
    let mut names: Vec<String> =
        std::fs::read_dir(DEMO).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    // Multi-document files count once per entry.
    let mut texts: Vec<(String, String)> = Vec::new();
    for name in &names {
        let text = demo(name);
        if name.ends_with(".jsonl") {
            texts.extend(text.lines().map(|l| (name.clone(), l.to_owned())));
        } else if name.ends_with(".xml") {
            texts.extend(text.split("<item>").skip(1).map(|i| (name.clone(), i.to_owned())));
        } else {
            texts.push((name.clone(), text));
        }
    }
    let refs: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
    let groups = near_duplicates(&refs, DUPLICATE_THRESHOLD);
    let named: Vec<Vec<&str>> = groups.iter().map(|g| g.iter().map(|&i| texts[i].0.as_str()).collect()).collect();
    assert_eq!(named, vec![vec!["sau-kaz-jeddah-summit-2023-07.txt", "sau-kaz-jeddah-summit-reprint-2023-07.txt"]]);
    // The reprint still clusters with a stricter threshold (measured 0.435); nothing else at a laxer one.
    assert_eq!(near_duplicates(&refs, 0.4).len(), 1);
    assert_eq!(near_duplicates(&refs, 0.1), groups);
}

#[test]
fn identical_and_empty_texts() {
    let t = "أكد الجانبان حرص البلدين على تعزيز العلاقات الثنائية في مختلف المجالات";
    assert_eq!(near_duplicates(&[t, "", t, "نص آخر مختلف تماما عن غيره من النصوص هنا", t], 0.25), vec![vec![0, 2, 4]]);
    assert!(near_duplicates(&["", ""], 0.25).is_empty());
    assert!(near_duplicates(&[], 0.25).is_empty());
}

#[test]
fn groups_are_transitive() {
    let words: Vec<String> = (0..60).map(|i| format!("w{i}")).collect();
    let a = words[0..40].join(" ");
    let b = words[10..50].join(" ");
    let c = words[20..60].join(" ");
    // a~b and b~c, a and c share less.
    assert_eq!(near_duplicates(&[&a, &c, &b], 0.5), vec![vec![0, 1, 2]]);
}

fn corpus() -> impl Strategy<Value = Vec<String>> {
    // Texts over a small vocabulary, some of them copies with edits of others.
    let base = prop::collection::vec(prop::collection::vec(0u8..12, 0..30), 1..8);
    (base, prop::collection::vec((0usize..8, 0usize..30, 0u8..12), 0..6)).prop_map(|(mut texts, edits)| {
        for (src, pos, word) in edits {
            let mut copy = texts[src % texts.len()].clone();
            if !copy.is_empty() {
                let p = pos % copy.len();
                copy[p] = word;
            }
            texts.push(copy);
        }
        texts.iter().map(|t| t.iter().map(|w| format!("كلمة{w}")).collect::<Vec<_>>().join(" ")).collect()
    })
}

proptest! {
    #[test]
    fn permuting_documents_permutes_groups(texts in corpus(), seed in any::<u64>()) {
        let n = texts.len();
        // A permutation from the seed (Fisher–Yates with SplitMix-like steps).
        let mut perm: Vec<usize> = (0..n).collect();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            perm.swap(i, (s >> 33) as usize % (i + 1));
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let permuted: Vec<&str> = perm.iter().map(|&i| refs[i]).collect();
        let g1 = near_duplicates(&refs, 0.5);
        let g2 = near_duplicates(&permuted, 0.5);
        // Map the permuted result back to original indices.
        let mut back: Vec<Vec<usize>> = g2.iter().map(|g| {
            let mut v: Vec<usize> = g.iter().map(|&i| perm[i]).collect();
            v.sort_unstable();
            v
        }).collect();
        back.sort();
        prop_assert_eq!(&g1, &back);
        // Every document is in at most one group; groups have two or more, sorted.
        let mut seen = vec![false; n];
        for g in &g1 {
            prop_assert!(g.len() >= 2);
            prop_assert!(g.windows(2).all(|w| w[0] < w[1]));
            for &i in g {
                prop_assert!(!seen[i]);
                seen[i] = true;
            }
        }
    }
}
