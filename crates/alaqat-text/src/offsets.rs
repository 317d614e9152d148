//! Byte offsets to Unicode code point offsets, for exports.

/// Converts byte offsets of one text into code point offsets in O(1) amortized time per
/// lookup (a checkpoint every 64 bytes, then a short scan).
#[derive(Clone, Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Code points before byte `64 * i` (rounded down to a char boundary).
    checkpoints: Vec<u32>,
    ascii: bool,
}

const STEP: usize = 64;

impl<'a> CharIndex<'a> {
    /// Builds the index for `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / STEP + 1);
            let bytes = text.as_bytes();
            let mut count = 0u32;
            for (i, &b) in bytes.iter().enumerate() {
                if i % STEP == 0 {
                    checkpoints.push(count);
                }
                // Count the bytes that start a character.
                if (b & 0xC0) != 0x80 {
                    count += 1;
                }
            }
            // A final checkpoint so that the text's end always has one.
            if text.len() % STEP == 0 {
                checkpoints.push(count);
            }
        }
        CharIndex { text, checkpoints, ascii }
    }

    /// The number of code points before byte `byte` (clamped to the text; a position inside a
    /// character counts that character as not yet begun).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let block = byte / STEP;
        let base = self.checkpoints.get(block).copied().unwrap_or(0) as usize;
        let from = block * STEP;
        base + self.text.as_bytes()[from..byte].iter().filter(|&&b| (b & 0xC0) != 0x80).count()
    }

    /// The byte offset of code point `char_pos` (clamped to the text).
    pub fn byte_of(&self, char_pos: usize) -> usize {
        if self.ascii {
            return char_pos.min(self.text.len());
        }
        let block = self.checkpoints.partition_point(|&c| (c as usize) <= char_pos).saturating_sub(1);
        let mut count = self.checkpoints.get(block).copied().unwrap_or(0) as usize;
        for (i, &b) in self.text.as_bytes().iter().enumerate().skip(block * STEP) {
            if (b & 0xC0) != 0x80 {
                if count == char_pos {
                    return i;
                }
                count += 1;
            }
        }
        self.text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points() {
        let text = "ab كازاخستان cd";
        let idx = CharIndex::new(text);
        let at = text.find("cd").unwrap();
        assert_eq!(idx.char_of(at), text[..at].chars().count());
        assert_eq!(idx.byte_of(idx.char_of(at)), at);
        assert_eq!(idx.char_of(text.len()), text.chars().count());
    }
}
