//! The backup file: a ZIP holding `manifest.json` (what Pravo made it, from which migrations, and each
//! table's columns, row count and SHA-256), `tables/<name>.jsonl` (one row per line) and `files/…` (the data
//! folder's own files). It is written beside its final name, readable by its owner alone, and renamed into
//! place once complete, so that a backup interrupted half-way never passes for a whole one.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::fail;
use super::tables::Kind;
use crate::core::error::AppError;

pub const FORMAT: &str = "pravo-backup";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The Pravo version that wrote it.
    pub pravo: String,
    /// `sqlite` or `postgres`: where it came from (it restores into either).
    pub backend: String,
    pub created_at: String,
    /// The migrations applied to the database it came from, oldest first.
    pub migrations: Vec<String>,
    pub tables: Vec<TableEntry>,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TableEntry {
    pub name: String,
    pub columns: Vec<ColumnEntry>,
    pub rows: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ColumnEntry {
    pub name: String,
    pub kind: Kind,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative to the data folder, with `/` between parts.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

fn zip_error(e: impl std::fmt::Display) -> AppError {
    fail(format!("backup file: {e}"))
}

/// A backup being written.
pub struct Writer {
    zip: ZipWriter<File>,
    partial: PathBuf,
    target: PathBuf,
    hasher: Sha256,
}

impl Writer {
    pub fn create(target: &Path) -> Result<Self, AppError> {
        let name = target.file_name().ok_or_else(|| fail(format!("{} is not a file name", target.display())))?;
        let mut partial_name = name.to_owned();
        partial_name.push(".partial");
        let partial = target.with_file_name(partial_name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&partial).map_err(|e| fail(format!("cannot write {}: {e}", partial.display())))?;
        Ok(Self { zip: ZipWriter::new(file), partial, target: target.to_path_buf(), hasher: Sha256::new() })
    }

    fn options() -> SimpleFileOptions {
        SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).large_file(true)
    }

    /// Starts an entry whose bytes are then given to [`Writer::write`]; its hash restarts.
    pub fn start(&mut self, name: &str) -> Result<(), AppError> {
        self.hasher = Sha256::new();
        self.zip.start_file(name, Self::options()).map_err(zip_error)
    }

    pub fn write(&mut self, bytes: &[u8]) -> Result<(), AppError> {
        self.hasher.update(bytes);
        self.zip.write_all(bytes).map_err(zip_error)
    }

    /// The SHA-256 of the current entry's bytes so far.
    pub fn digest(&mut self) -> String {
        hex::encode(std::mem::take(&mut self.hasher).finalize())
    }

    /// Writes the manifest, then moves the finished file to its name.
    pub fn finish(mut self, manifest: &Manifest) -> Result<(), AppError> {
        let text = serde_json::to_vec_pretty(manifest).map_err(zip_error)?;
        self.start("manifest.json")?;
        self.write(&text)?;
        let file = self.zip.finish().map_err(zip_error)?;
        file.sync_all().map_err(zip_error)?;
        std::fs::rename(&self.partial, &self.target)
            .map_err(|e| fail(format!("cannot move the backup to {}: {e}", self.target.display())))
    }
}

/// A backup being read.
pub struct Reader {
    zip: ZipArchive<File>,
    pub manifest: Manifest,
}

impl Reader {
    pub fn open(path: &Path) -> Result<Self, AppError> {
        let file = File::open(path).map_err(|e| fail(format!("cannot open {}: {e}", path.display())))?;
        let mut zip =
            ZipArchive::new(file).map_err(|e| fail(format!("{} is not a Pravo backup: {e}", path.display())))?;
        let manifest: Manifest = {
            let entry = zip
                .by_name("manifest.json")
                .map_err(|_| fail(format!("{} is not a Pravo backup (no manifest)", path.display())))?;
            serde_json::from_reader(entry).map_err(|e| fail(format!("the backup's manifest: {e}")))?
        };
        if manifest.format != FORMAT || manifest.format_version > FORMAT_VERSION {
            return Err(fail(format!(
                "{} is a {} backup of format {}; this Pravo reads {FORMAT} up to format {FORMAT_VERSION}",
                path.display(),
                manifest.format,
                manifest.format_version
            )));
        }
        Ok(Self { zip, manifest })
    }

    /// Calls `each` with every row of a table (a JSON array), then checks the count and the SHA-256
    /// against the manifest: a damaged or edited backup fails here, before anything is committed.
    pub fn rows(
        &mut self,
        table: &TableEntry,
        mut each: impl FnMut(u64, Vec<serde_json::Value>) -> Result<(), AppError>,
    ) -> Result<(), AppError> {
        let entry = self.zip.by_name(&format!("tables/{}.jsonl", table.name)).map_err(zip_error)?;
        let mut reader = BufReader::new(HashingReader { inner: entry, hasher: Sha256::new() });
        let mut line = String::new();
        let mut n = 0u64;
        loop {
            line.clear();
            if reader.read_line(&mut line).map_err(zip_error)? == 0 {
                break;
            }
            let row: Vec<serde_json::Value> = serde_json::from_str(line.trim_end())
                .map_err(|e| fail(format!("{}, row {}: {e}", table.name, n + 1)))?;
            each(n, row)?;
            n += 1;
        }
        let digest = hex::encode(std::mem::take(&mut reader.get_mut().hasher).finalize());
        if n != table.rows || digest != table.sha256 {
            return Err(fail(format!(
                "{}: the backup holds {n} rows where its manifest says {} (or their checksum differs): \
                 the file is damaged or was changed",
                table.name, table.rows
            )));
        }
        Ok(())
    }

    /// The bytes of a data-folder file, checked against the manifest.
    pub fn file(&mut self, entry: &FileEntry) -> Result<Vec<u8>, AppError> {
        let mut bytes = Vec::new();
        self.zip
            .by_name(&format!("files/{}", entry.path))
            .map_err(zip_error)?
            .read_to_end(&mut bytes)
            .map_err(zip_error)?;
        if hex::encode(Sha256::digest(&bytes)) != entry.sha256 {
            return Err(fail(format!("{}: its checksum differs from the manifest's", entry.path)));
        }
        Ok(bytes)
    }
}

struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}
