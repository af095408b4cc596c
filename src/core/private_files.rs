//! Files only Pravo can read. The data folder holds the signing keys (in the SQLite file), password
//! hashes, emails and outgoing mail: another account on the same host must not read any of it. Folders
//! are made 0700 and files 0600; a folder left readable by an older version is tightened on start, and a
//! database file that others can read stops the start unless the operator says otherwise.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Makes every file and folder this process creates from now on private to its user (umask 077).
pub fn restrict_new_files() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// Creates `path` and any missing parents, each readable by the owner alone.
pub fn create_dir(path: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)
}

/// Writes `bytes` to a new file at `path` that only the owner can read, replacing any file there.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    // A file that existed before keeps its mode through `open`: narrow it too.
    restrict(path, false)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Creates an empty file at `path` readable by the owner alone, unless one exists (then it is left as it
/// is). SQLite gives its -wal and -shm files the mode of the database file, so creating the database
/// this way keeps all three private.
pub fn create_empty_if_missing(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// The permission bits of `path` (without following a symbolic link), or `None` off Unix.
pub fn mode(path: &Path) -> std::io::Result<Option<u32>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(Some(std::fs::symlink_metadata(path)?.permissions().mode() & 0o777))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(None)
    }
}

/// Takes every permission from group and others.
fn restrict(path: &Path, dir: bool) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let current = std::fs::symlink_metadata(path)?.permissions().mode() & 0o777;
        let wanted = if dir { (current & 0o700) | 0o700 } else { current & 0o700 };
        if current != wanted {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(wanted))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (path, dir);
    Ok(())
}

/// Whether group or others may do anything with the file or folder.
fn is_open_to_others(mode: Option<u32>) -> bool {
    mode.is_some_and(|m| m & 0o077 != 0)
}

/// Creates the data folder 0700, or tightens an existing one: the folder, and every folder and file below
/// it except those in `keep` (the database, which [`check_database_file`] judges), lose every permission
/// for group and others. Symbolic links are not followed. Returns what was changed, for a warning.
pub fn secure_data_dir(dir: &Path, keep: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    if !dir.exists() {
        create_dir(dir)?;
        return Ok(changed);
    }
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        if is_open_to_others(mode(&folder)?) {
            restrict(&folder, true)?;
            changed.push(folder.clone());
        }
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() && !keep.iter().any(|k| same_file(k, &path)) && is_open_to_others(mode(&path)?) {
                restrict(&path, false)?;
                changed.push(path);
            }
        }
    }
    Ok(changed)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Whether `path` is one of `list` (the same file, after resolving links, or the same path).
pub fn is_one_of(path: &Path, list: &[PathBuf]) -> bool {
    list.iter().any(|k| same_file(k, path))
}

/// The SQLite database file and the two files SQLite keeps beside it in WAL mode.
pub fn database_files(db: &Path) -> Vec<PathBuf> {
    let name = db.as_os_str().to_owned();
    let with = |suffix: &str| {
        let mut n = name.clone();
        n.push(suffix);
        PathBuf::from(n)
    };
    vec![db.to_path_buf(), with("-wal"), with("-shm")]
}

/// Refuses a database file (or its -wal/-shm files) that group or others can read or write, unless
/// `allow` is set: whoever could read it could have copied the signing keys and forged any session.
pub fn check_database_file(db: &Path, allow: bool) -> Result<(), String> {
    for file in database_files(db) {
        let Ok(mode) = mode(&file) else { continue };
        if is_open_to_others(mode) {
            let mode = mode.unwrap_or_default();
            if allow {
                tracing::warn!(
                    file = %file.display(),
                    mode = format!("{mode:o}"),
                    "the database file is open to other users of this machine (allowed by PRAVO_ALLOW_READABLE_DATABASE)"
                );
                continue;
            }
            return Err(format!(
                "{} can be read or written by other users of this machine (mode {mode:o}). It holds the keys \
                 that sign every session: anyone who read it could sign in as any user. Make it private with \
                 `chmod 600 {}*`, or set PRAVO_ALLOW_READABLE_DATABASE=true to start anyway.",
                file.display(),
                db.display()
            ));
        }
    }
    Ok(())
}

/// Deletes the regular files directly in `dir` whose last change is older than `max_age`; returns how
/// many. A missing folder holds nothing.
pub fn delete_older_than(dir: &Path, max_age: std::time::Duration) -> std::io::Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let now = std::time::SystemTime::now();
    let mut deleted = 0;
    for entry in entries {
        let entry = entry?;
        let meta = entry.metadata()?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let age = meta.modified().ok().and_then(|m| now.duration_since(m).ok()).unwrap_or_default();
        if age > max_age {
            std::fs::remove_file(entry.path())?;
            deleted += 1;
        }
    }
    Ok(deleted)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn temp() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pravo-modes-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        dir
    }

    fn chmod(path: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn an_open_folder_is_tightened_but_the_database_is_left_to_be_judged() {
        let dir = temp();
        let db = dir.join("pravo.db");
        let eml = dir.join("mail");
        std::fs::create_dir(&eml).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&db, b"").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(eml.join("a.eml"), b"x").unwrap_or_else(|e| panic!("{e}"));
        chmod(&dir, 0o755);
        chmod(&eml, 0o755);
        chmod(&db, 0o644);
        chmod(&eml.join("a.eml"), 0o644);
        let changed = secure_data_dir(&dir, &database_files(&db)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(changed.len(), 3, "{changed:?}");
        assert_eq!(mode(&dir).ok().flatten(), Some(0o700));
        assert_eq!(mode(&eml.join("a.eml")).ok().flatten(), Some(0o600));
        assert_eq!(mode(&db).ok().flatten(), Some(0o644));
        let refusal = check_database_file(&db, false).err().unwrap_or_default();
        assert!(refusal.contains("chmod 600"), "{refusal}");
        assert!(check_database_file(&db, true).is_ok());
        chmod(&db, 0o600);
        assert!(check_database_file(&db, false).is_ok());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_symbolic_link_is_not_followed_when_tightening() {
        let dir = temp();
        let outside = temp();
        let target = outside.join("shared.txt");
        std::fs::write(&target, b"x").unwrap_or_else(|e| panic!("{e}"));
        chmod(&target, 0o644);
        std::os::unix::fs::symlink(&target, dir.join("link")).unwrap_or_else(|e| panic!("{e}"));
        secure_data_dir(&dir, &[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&target).ok().flatten(), Some(0o644));
        let _ = std::fs::remove_dir_all(dir);
        let _ = std::fs::remove_dir_all(outside);
    }

    #[test]
    fn old_files_are_deleted_and_new_ones_kept() {
        let dir = temp();
        write(&dir.join("old.eml"), b"old").unwrap_or_else(|e| panic!("{e}"));
        write(&dir.join("new.eml"), b"new").unwrap_or_else(|e| panic!("{e}"));
        let old = std::fs::File::options().write(true).open(dir.join("old.eml")).unwrap_or_else(|e| panic!("{e}"));
        let eight_days = std::time::Duration::from_secs(8 * 86_400);
        old.set_modified(std::time::SystemTime::now() - eight_days).unwrap_or_else(|e| panic!("{e}"));
        let week = std::time::Duration::from_secs(7 * 86_400);
        assert_eq!(delete_older_than(&dir, week).ok(), Some(1));
        assert!(!dir.join("old.eml").exists());
        assert!(dir.join("new.eml").exists());
        assert_eq!(mode(&dir.join("new.eml")).ok().flatten(), Some(0o600));
        let _ = std::fs::remove_dir_all(dir);
    }
}
