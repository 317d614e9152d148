//! Cross-document linking of people: one entity per real person across spellings and documents.
//!
//! Extraction already gives one id to one spelling family (the consonant skeleton of the name
//! chain, or the office-holder lexicon). Across documents two more cases remain: a short chain and
//! its longer form (`عبد العزيز بن سعود` / `عبد العزيز بن سعود بن نايف`) and near spellings the
//! skeleton keeps apart (`توكاييف` / `توقاييف`: ك/ق). Candidates come from the skeleton; a merge
//! needs the same country and either an element-by-element prefix of at least three elements or an
//! edit distance of one on a name of at least five letters. Different people who share a first
//! name and a patronymic (`عبدالعزيز بن سعود`, `عبدالعزيز بن محمد`) never merge: their chains differ
//! at the second element.

use std::collections::HashMap;

use alaqat_model::{Entity, EntityKind};

/// Maps entity ids that denote the same person to one canonical id (the longest name).
/// Ids absent from the map are canonical.
pub fn link_people(entities: &[Entity]) -> HashMap<String, String> {
    let people: Vec<(&Entity, Vec<&str>)> = entities
        .iter()
        .filter(|e| e.kind == Some(EntityKind::Person))
        .filter_map(|e| {
            let key = e.id.strip_prefix("per:")?;
            // Lexicon ids are ASCII (per:tokayev); skeleton ids are Arabic script.
            (!key.is_ascii()).then(|| (e, key.split('_').collect()))
        })
        .collect();
    let mut parent: Vec<usize> = (0..people.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..people.len() {
        for j in i + 1..people.len() {
            let ((a, ka), (b, kb)) = (&people[i], &people[j]);
            if a.country.is_none() || a.country != b.country {
                continue;
            }
            if same_person(ka, kb) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..people.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut map = HashMap::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        let canonical = members
            .iter()
            .max_by_key(|&&i| (people[i].1.len(), std::cmp::Reverse(people[i].0.id.as_str())))
            .map(|&i| people[i].0.id.clone())
            .unwrap_or_default();
        for &i in members {
            if people[i].0.id != canonical {
                map.insert(people[i].0.id.clone(), canonical.clone());
            }
        }
    }
    map
}

fn same_person(a: &[&str], b: &[&str]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 3 && long.starts_with(short) {
        return true;
    }
    if a.len() == b.len() {
        let joined_a = a.concat();
        let joined_b = b.concat();
        return joined_a.chars().count() >= 5 && edit_distance(&joined_a, &joined_b) <= 1;
    }
    false
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, country: &str) -> Entity {
        Entity { id: id.into(), kind: Some(EntityKind::Person), country: Some(country.into()), ..Entity::default() }
    }

    #[test]
    fn a_short_chain_joins_its_longer_form_in_the_same_country() {
        let map = link_people(&[person("per:عبدلعزز_بن_سعد", "SAU"), person("per:عبدلعزز_بن_سعد_بن_نف", "SAU")]);
        assert_eq!(map.get("per:عبدلعزز_بن_سعد").map(String::as_str), Some("per:عبدلعزز_بن_سعد_بن_نف"));
    }

    #[test]
    fn first_name_and_patronymic_do_not_make_one_person() {
        let map = link_people(&[person("per:عبدلعزز_بن_سعد", "SAU"), person("per:عبدلعزز_بن_محمد_بن_عف", "SAU")]);
        assert!(map.is_empty(), "help: src/link.rs merged two people who share only a first name");
    }

    #[test]
    fn near_spellings_join_only_with_the_same_country() {
        let people = [person("per:قسم_جمرت_تكف", "KAZ"), person("per:قسم_جمرت_تقف", "KAZ")];
        assert_eq!(link_people(&people).len(), 1);
        let people = [person("per:قسم_جمرت_تكف", "KAZ"), person("per:قسم_جمرت_تقف", "UZB")];
        assert!(link_people(&people).is_empty());
    }
}
