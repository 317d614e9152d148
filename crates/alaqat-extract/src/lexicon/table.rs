//! Typed rows of the lexicon's TSV files: every cell a row is read from is checked, and a value
//! the reader does not know is an error naming the file and the line, never a silent default.

use thiserror::Error;

/// A lexicon row that could not be read.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("data/{file}:{line}: {message}")]
pub(crate) struct LexiconError {
    /// The data file (`triggers.tsv`).
    pub(crate) file: &'static str,
    /// 1-based line in that file (0 for the file as a whole).
    pub(crate) line: usize,
    /// What is wrong.
    pub(crate) message: String,
}

/// Rows of a TSV file: the first non-comment line names the columns; `#` lines are comments.
pub(crate) struct Table {
    pub(crate) name: &'static str,
    columns: Vec<&'static str>,
    pub(crate) rows: Vec<Row>,
}

/// One data line with its line number.
pub(crate) struct Row {
    pub(crate) line: usize,
    cells: Vec<&'static str>,
    file: &'static str,
}

impl Table {
    pub(crate) fn parse(name: &'static str, text: &'static str) -> Result<Table, LexiconError> {
        let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((_, header)) = lines.next() else {
            return Err(LexiconError { file: name, line: 0, message: "no header line".into() });
        };
        let columns: Vec<&'static str> = header.split('\t').collect();
        let mut rows = Vec::new();
        for (n, l) in lines {
            let cells: Vec<&'static str> = l.split('\t').collect();
            if cells.len() > columns.len() {
                return Err(LexiconError {
                    file: name,
                    line: n + 1,
                    message: format!("{} cells, the header has {}", cells.len(), columns.len()),
                });
            }
            rows.push(Row { line: n + 1, cells, file: name });
        }
        Ok(Table { name, columns, rows })
    }

    /// The index of `column`; a missing column is an error of the file's header.
    pub(crate) fn col(&self, column: &str) -> Result<usize, LexiconError> {
        self.columns.iter().position(|c| *c == column).ok_or_else(|| LexiconError {
            file: self.name,
            line: 0,
            message: format!("no column {column:?} in the header"),
        })
    }
}

impl Row {
    /// The trimmed cell, empty when the row is short.
    pub(crate) fn cell(&self, i: usize) -> &'static str {
        self.cells.get(i).map_or("", |s| s.trim())
    }

    /// The `|`-separated values of a cell.
    pub(crate) fn list(&self, i: usize) -> impl Iterator<Item = &'static str> {
        self.cell(i).split('|').map(str::trim).filter(|s| !s.is_empty())
    }

    /// An error about this row.
    pub(crate) fn error(&self, message: impl Into<String>) -> LexiconError {
        LexiconError { file: self.file, line: self.line, message: message.into() }
    }

    /// A non-empty cell.
    pub(crate) fn required(&self, i: usize, what: &str) -> Result<&'static str, LexiconError> {
        let c = self.cell(i);
        if c.is_empty() {
            Err(self.error(format!("empty {what}")))
        } else {
            Ok(c)
        }
    }

    /// A cell that must be one of `values` (by name).
    pub(crate) fn one_of<T: Copy>(&self, i: usize, what: &str, values: &[(&str, T)]) -> Result<T, LexiconError> {
        let c = self.cell(i);
        values.iter().find(|(name, _)| *name == c).map(|(_, v)| *v).ok_or_else(|| {
            let names: Vec<&str> = values.iter().map(|(n, _)| *n).collect();
            self.error(format!("unknown {what} {c:?} (expected one of: {})", names.join(", ")))
        })
    }

    /// A value (one item of a list cell) that must be one of `values`.
    pub(crate) fn named<T: Copy>(&self, value: &str, what: &str, values: &[(&str, T)]) -> Result<T, LexiconError> {
        values.iter().find(|(name, _)| *name == value).map(|(_, v)| *v).ok_or_else(|| {
            let names: Vec<&str> = values.iter().map(|(n, _)| *n).collect();
            self.error(format!("unknown {what} {value:?} (expected one of: {})", names.join(", ")))
        })
    }

    /// A cell parsed as a number.
    pub(crate) fn number<T: std::str::FromStr>(&self, i: usize, what: &str) -> Result<T, LexiconError> {
        let c = self.cell(i);
        c.parse().map_err(|_| self.error(format!("{what} {c:?} is not a number")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_line_numbers_and_errors_name_them() {
        let t = Table::parse("x.tsv", "a\tb\n# comment\n\nv1\tw1\nv2\tw2\n").unwrap();
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [4, 5]);
        let b = t.col("b").unwrap();
        let e = t.rows[1].one_of(b, "kind", &[("yes", true), ("no", false)]).unwrap_err();
        assert_eq!(e.to_string(), "data/x.tsv:5: unknown kind \"w2\" (expected one of: yes, no)");
        assert_eq!(t.col("c").unwrap_err().line, 0);
        assert!(Table::parse("y.tsv", "a\n1\t2\n").err().is_some_and(|e| e.to_string().starts_with("data/y.tsv:2:")));
    }
}
