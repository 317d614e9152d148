//! Fixed-seed hashing: FNV-1a over bytes, finished with the SplitMix64 mixer. No randomness,
//! so every result (MinHash signatures, fused ids) is the same on every run and machine.

use std::hash::Hasher;

/// The SplitMix64 finalizer: a bijective, well-mixing map on `u64`.
pub(crate) fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a 64 of the bytes, then mixed.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = alaqat_text::KeyHasher::default();
    h.write(bytes);
    splitmix64(h.finish())
}

/// Hashes a sequence of strings, each followed by a separator byte so `["ab", "c"]` and
/// `["a", "bc"]` differ.
pub(crate) fn hash_parts(parts: &[&str]) -> u64 {
    let mut buf = Vec::new();
    for p in parts {
        buf.extend_from_slice(p.as_bytes());
        buf.push(0x1F);
    }
    hash_bytes(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_fixed() {
        assert_eq!(hash_bytes(b"abc"), hash_bytes(b"abc"));
        assert_ne!(hash_parts(&["ab", "c"]), hash_parts(&["a", "bc"]));
        assert_ne!(splitmix64(0), splitmix64(1));
    }
}
