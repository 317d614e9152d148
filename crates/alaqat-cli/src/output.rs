//! Where a command writes its data: standard output or the `--output` file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// A buffered destination for data. Errors name the file; a broken pipe on stdout is left as
/// an `io::Error` of kind `BrokenPipe` in the chain so `main` can exit quietly.
pub(crate) struct Output {
    inner: BufWriter<Box<dyn Write>>,
    path: Option<PathBuf>,
}

impl Output {
    /// Standard output, or `path` created (truncated) when given.
    pub(crate) fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        let inner: Box<dyn Write> = match path {
            Some(path) => Box::new(File::create(path).with_context(|| format!("cannot create {}", path.display()))?),
            None => Box::new(io::stdout().lock()),
        };
        Ok(Output { inner: BufWriter::with_capacity(256 * 1024, inner), path: path.map(Path::to_owned) })
    }

    /// A destination that keeps nothing (benchmarks time commands without their output).
    pub(crate) fn discard() -> Output {
        Output { inner: BufWriter::new(Box::new(io::sink())), path: None }
    }

    /// Flushes everything written.
    pub(crate) fn finish(mut self) -> anyhow::Result<()> {
        self.inner.flush().with_context(|| format!("cannot write {}", self.name()))
    }

    /// The destination's name for messages.
    pub(crate) fn name(&self) -> String {
        self.path.as_ref().map_or_else(|| "standard output".to_owned(), |path| path.display().to_string())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
