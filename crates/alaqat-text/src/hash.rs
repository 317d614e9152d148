//! A fixed-seed hasher for match keys.

use std::hash::Hasher;

/// FNV-1a over bytes, seeded with the standard offset basis: no randomness, so a value hashed
/// with it is the same on every run and machine (the corpus builds MinHash signatures and fused
/// ids on it), and cheap on the short keys of our own lexicons, where SipHash's defence against
/// chosen keys buys nothing (a text cannot add keys to a lexicon table).
#[derive(Clone, Copy, Debug)]
pub struct KeyHasher(u64);

impl Default for KeyHasher {
    fn default() -> KeyHasher {
        KeyHasher(0xCBF2_9CE4_8422_2325)
    }
}

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_fnv_1a() {
        // The published FNV-1a 64 values of "" and "a".
        let hash = |bytes: &[u8]| {
            let mut h = KeyHasher::default();
            h.write(bytes);
            h.finish()
        };
        assert_eq!(hash(b""), 0xCBF2_9CE4_8422_2325);
        assert_eq!(hash(b"a"), 0xAF63_DC4C_8601_EC8C);
    }
}
