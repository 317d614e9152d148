//! Property tests: `decode` never panics and leaves valid UTF-8 alone.

use alaqat_read::{decode, parse_published, DecodeError};
use proptest::prelude::*;

proptest! {
    #[test]
    fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn decode_keeps_valid_utf8(text in "\\PC*") {
        prop_assume!(!text.starts_with('\u{feff}'));
        let result = decode(text.as_bytes());
        prop_assert_eq!(result, Ok((text.clone(), "utf-8")), "help: see decode() in src/decode.rs");
    }

    #[test]
    fn decode_of_any_utf8_is_itself_or_binary(text in any::<String>()) {
        prop_assume!(!text.starts_with('\u{feff}'));
        match decode(text.as_bytes()) {
            Ok((decoded, encoding)) => {
                prop_assert_eq!(decoded, text);
                prop_assert_eq!(encoding, "utf-8");
            }
            Err(error) => prop_assert_eq!(error, DecodeError::Binary),
        }
    }

    #[test]
    fn parse_published_never_panics(s in "\\PC{0,40}") {
        let _ = parse_published(&s);
    }
}
