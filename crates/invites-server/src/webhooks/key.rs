//! The server key (`--secret-key` / `INVITES_SECRET_KEY`): 32 bytes that seal the webhook
//! signing secrets at rest.
//!
//! Given as 64 hex digits (or base64 of 32 bytes). Without one, a SQLite server keeps its own in
//! `secret.key` beside the database file (created once, mode 0600); PostgreSQL replicas must be
//! given the same key and refuse to start without it. The database remembers a check value of
//! the key it was first used with, so a replica started with another key refuses to start
//! instead of failing to open every secret later.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::db::{Backend, Store};
use crate::secrets::Sealer;

/// The settings row holding the check value of the key the database was first used with.
const CHECK_SETTING: &str = "server_key_check";

/// The file a SQLite server keeps its generated key in, beside the database file.
pub const KEY_FILE: &str = "secret.key";

/// The server key.
#[derive(Clone)]
pub struct ServerKey([u8; 32]);

impl std::fmt::Debug for ServerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerKey(…)")
    }
}

impl ServerKey {
    /// Parse 64 hex digits or base64 of 32 bytes (surrounding whitespace ignored); the error
    /// never repeats the value.
    pub fn parse(s: &str) -> anyhow::Result<ServerKey> {
        let s = s.trim();
        let bytes = if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
            hex::decode(s).ok()
        } else {
            base64::engine::general_purpose::STANDARD.decode(s).ok()
        };
        match bytes.and_then(|b| <[u8; 32]>::try_from(b).ok()) {
            Some(k) => Ok(ServerKey(k)),
            None => anyhow::bail!(
                "INVITES_SECRET_KEY (--secret-key) must be 32 bytes written as 64 hex digits \
                 (for example the output of `openssl rand -hex 32`) or as base64; the value \
                 given ({} characters) is neither",
                s.chars().count()
            ),
        }
    }

    fn generate() -> ServerKey {
        let mut k = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut k);
        ServerKey(k)
    }

    /// The sealer of one endpoint's signing secrets: bound to the endpoint, so a sealed secret
    /// copied onto another row does not open.
    pub fn sealer(&self, endpoint_id: &str) -> Sealer {
        Sealer::new(&self.0, format!("webhook-secret:{endpoint_id}").as_bytes())
    }

    /// A value that identifies the key without revealing it.
    fn check_value(&self) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(b"invites-server-key-check-v1");
        hex::encode(mac.finalize().into_bytes())
    }
}

/// The server key of this start: the configured one, or (SQLite only) the one kept beside the
/// database, generated on first start; checked against the key the database was first used
/// with.
pub async fn resolve(
    configured: Option<&str>,
    database_url: &str,
    store: &Store,
) -> anyhow::Result<ServerKey> {
    let key = match configured.filter(|s| !s.trim().is_empty()) {
        Some(s) => ServerKey::parse(s)?,
        None => match store.backend {
            Backend::Postgres => anyhow::bail!(
                "a PostgreSQL server needs INVITES_SECRET_KEY (--secret-key): 32 bytes as 64 hex \
                 digits (`openssl rand -hex 32`), the same on every replica (it seals the webhook \
                 signing secrets)"
            ),
            Backend::Sqlite => {
                let dir = sqlite_dir(database_url)?;
                from_file(&dir.join(KEY_FILE))?
            }
        },
    };
    let check = key.check_value();
    if !store.init_setting(CHECK_SETTING, &check).await? {
        let stored = store
            .setting(CHECK_SETTING)
            .await?
            .context("the server key check vanished")?;
        anyhow::ensure!(
            stored == check,
            "this database was first used with another server key (INVITES_SECRET_KEY / \
             --secret-key): its webhook secrets cannot be opened with this one; give every \
             replica the key it was started with before"
        );
    }
    Ok(key)
}

/// The directory of a SQLite database URL's file.
fn sqlite_dir(database_url: &str) -> anyhow::Result<PathBuf> {
    use std::str::FromStr;
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(database_url)
        .context("parsing the database URL")?;
    let file = options.get_filename();
    let dir = file.parent().unwrap_or(Path::new("."));
    Ok(if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir.to_path_buf()
    })
}

/// The key in `path`, created there (mode 0600, written and synced before use) when absent.
///
/// Replicas started together on a new database all come here at once. A new key is written and
/// synced under a name of its own, then linked to `path`, which fails if another process linked
/// its key first: `path` only ever names a complete key, and every process ends with the one
/// that was linked.
fn from_file(path: &Path) -> anyhow::Result<ServerKey> {
    let read = |path: &Path| -> anyhow::Result<ServerKey> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the server key {}", path.display()))?;
        ServerKey::parse(&text).with_context(|| format!("the server key file {}", path.display()))
    };
    if path.exists() {
        return read(path);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let key = ServerKey::generate();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let unique = format!(
        ".{}.{}.{:016x}",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(KEY_FILE),
        std::process::id(),
        rand::random::<u64>()
    );
    let draft = dir.join(unique);
    let written = options
        .open(&draft)
        .and_then(|mut f| {
            f.write_all(format!("{}\n", hex::encode(key.0)).as_bytes())?;
            f.sync_all()
        })
        .with_context(|| format!("writing the server key {}", draft.display()));
    let linked = written.and_then(|()| match std::fs::hard_link(&draft, path) {
        Ok(()) => Ok(true),
        // Another process sharing the database linked its key first.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e).with_context(|| format!("creating the server key {}", path.display())),
    });
    let _ = std::fs::remove_file(&draft);
    if !linked? {
        return read(path);
    }
    // The new name itself survives a crash.
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("syncing the directory {}", dir.display()))?;
    tracing::info!(path = %path.display(), "generated the server key (keep it with the database)");
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_from_hex_or_base64_and_errors_never_echo_them() {
        let hex_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        let a = ServerKey::parse(hex_key).unwrap();
        let b64 = base64::engine::general_purpose::STANDARD.encode(a.0);
        assert_eq!(ServerKey::parse(&format!(" {b64}\n")).unwrap().0, a.0);
        for bad in ["", "abc", &hex_key[..62], "zz".repeat(32).as_str()] {
            let e = ServerKey::parse(bad).unwrap_err().to_string();
            assert!(e.contains("--secret-key"), "{e}");
            assert!(bad.is_empty() || !e.contains(bad), "{e}");
        }
    }

    #[test]
    fn the_key_file_is_created_once_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE);
        let a = from_file(&path).unwrap();
        let b = from_file(&path).unwrap();
        assert_eq!(a.0, b.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_ne!(a.check_value(), ServerKey::generate().check_value());
    }

    /// Replicas started together on a new SQLite file all make the key file at once: each of
    /// them ends with the same key (none reads the file while another is still writing it).
    #[test]
    fn processes_creating_the_key_file_together_all_read_one_key() {
        for round in 0..200 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(KEY_FILE);
            let start = std::sync::Barrier::new(8);
            let keys: Vec<_> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..8)
                    .map(|_| {
                        s.spawn(|| {
                            start.wait();
                            from_file(&path).map(|k| k.0)
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            let first = keys[0].as_ref().expect("a key").to_owned();
            for k in &keys {
                match k {
                    Ok(k) => assert_eq!(k, &first, "round {round}: two keys"),
                    Err(e) => panic!("round {round}: {e:#}"),
                }
            }
            // The drafts of the keys that lost are gone.
            let names: Vec<_> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(names, [KEY_FILE], "round {round}");
        }
    }
}
