//! Signing keys shared by every instance: generated once from the OS's secure random source and kept in
//! the database, so that a token issued by one instance is accepted by the others.
//!
//! With `PRAVO_SECRET_KEY_FILE`, each stored key is wrapped (XChaCha20-Poly1305, the key's name bound in as
//! associated data) with a 32-byte key read from that file, kept outside the data folder and out of the
//! backups: a copy of the database alone (a backup, a dump, a seized disk without the key file) then
//! forges nothing. Keys stored plainly are wrapped at the first start with a key file; a wrapped database
//! without its key file, or with another one, refuses to start.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use diesel::prelude::*;
use rand::RngCore;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use super::AnyConnection;
use super::schema::secrets;
use crate::core::error::AppError;

/// The prefix of a wrapped value: `wrapped-v1:` + base64(24-byte nonce || ciphertext and tag).
const WRAPPED: &str = "wrapped-v1:";

/// The key that wraps the stored keys, read from `PRAVO_SECRET_KEY_FILE`.
#[derive(Clone)]
pub struct WrapKey(XChaCha20Poly1305);

impl std::fmt::Debug for WrapKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WrapKey { .. }")
    }
}

impl WrapKey {
    /// Reads 32 bytes from `path`: written as 64 hex digits, as base64, or raw. The file must be readable
    /// by its owner alone.
    pub fn from_file(path: &std::path::Path) -> Result<Self, String> {
        let shown = path.display();
        let mode = crate::core::private_files::mode(path).map_err(|e| format!("PRAVO_SECRET_KEY_FILE {shown}: {e}"))?;
        if mode.is_some_and(|m| m & 0o077 != 0) {
            return Err(format!(
                "PRAVO_SECRET_KEY_FILE {shown} can be read by other users of this machine; make it private with \
                 `chmod 600 {shown}`"
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| format!("PRAVO_SECRET_KEY_FILE {shown}: {e}"))?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim();
        let key = if text.len() == 64 && text.chars().all(|c| c.is_ascii_hexdigit()) {
            hex::decode(text).ok()
        } else {
            STANDARD.decode(text).ok().filter(|k| k.len() == 32).or_else(|| (bytes.len() == 32).then(|| bytes.clone()))
        };
        let key = key.filter(|k| k.len() == 32).ok_or_else(|| {
            format!(
                "PRAVO_SECRET_KEY_FILE {shown} must hold 32 random bytes (as 64 hex digits or base64), e.g. \
                 `head -c 32 /dev/urandom | base64 > {shown}`"
            )
        })?;
        XChaCha20Poly1305::new_from_slice(&key).map(Self).map_err(|_| "PRAVO_SECRET_KEY_FILE: not a key".to_owned())
    }

    fn wrap(&self, name: &str, plain: &[u8]) -> Result<String, AppError> {
        let mut nonce = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = self
            .0
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad: name.as_bytes() })
            .map_err(|_| AppError::internal("could not wrap a key"))?;
        Ok(format!("{WRAPPED}{}", STANDARD.encode([nonce.as_slice(), &sealed].concat())))
    }

    fn unwrap(&self, name: &str, stored: &str) -> Result<Vec<u8>, AppError> {
        let bytes =
            STANDARD.decode(stored).map_err(|_| AppError::internal(format!("the wrapped key {name} is damaged")))?;
        if bytes.len() < 24 {
            return Err(AppError::internal(format!("the wrapped key {name} is damaged")));
        }
        let (nonce, sealed) = bytes.split_at(24);
        self.0.decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: name.as_bytes() }).map_err(|_| {
            AppError::internal(format!(
                "the stored key {name} does not open with PRAVO_SECRET_KEY_FILE: this is not the key file it was \
                 wrapped with"
            ))
        })
    }
}

/// The keys, decoded. Never logged: `Debug` is implemented by hand to hide them.
#[derive(Clone)]
pub struct Secrets {
    /// Signs session, set-password and other JWTs (HS256).
    pub token_key: Vec<u8>,
    /// Signs CSRF tokens.
    pub csrf_key: Vec<u8>,
    /// The Ed25519 seed that signs credentials (its public half is published at /.well-known/jwks.json).
    pub credential_seed: Vec<u8>,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secrets { .. }")
    }
}

impl Secrets {
    /// Like [`Secrets::load_or_create`], with the wrapping key read from `key_file` (`PRAVO_SECRET_KEY_FILE`).
    pub fn load_with_key_file(conn: &mut AnyConnection, key_file: Option<&std::path::Path>) -> Result<Self, AppError> {
        let wrap = key_file.map(WrapKey::from_file).transpose().map_err(AppError::Internal)?;
        Self::load_or_create(conn, wrap.as_ref())
    }

    /// Reads the keys, creating any that are missing, and wrapping any stored plainly when `wrap` is given.
    /// Call under the start-up lock, so that two instances starting together do not both create one.
    pub fn load_or_create(conn: &mut AnyConnection, wrap: Option<&WrapKey>) -> Result<Self, AppError> {
        Ok(Self {
            token_key: key(conn, "token_key", wrap)?,
            csrf_key: key(conn, "csrf_key", wrap)?,
            credential_seed: key(conn, "credential_key", wrap)?,
        })
    }
}

fn key(conn: &mut AnyConnection, name: &str, wrap: Option<&WrapKey>) -> Result<Vec<u8>, AppError> {
    let stored: Option<String> =
        secrets::table.filter(secrets::name.eq(name)).select(secrets::value).first(conn).optional()?;
    let plain = match (stored, wrap) {
        (Some(value), Some(wrap)) if value.starts_with(WRAPPED) => wrap.unwrap(name, &value[WRAPPED.len()..])?,
        (Some(value), None) if value.starts_with(WRAPPED) => {
            return Err(AppError::internal(format!(
                "the stored key {name} is wrapped: set PRAVO_SECRET_KEY_FILE to the key file it was wrapped with"
            )));
        }
        (Some(value), _) => STANDARD
            .decode(value)
            .map_err(|_| AppError::internal(format!("the stored secret {name} is not valid base64")))?,
        (None, _) => {
            let mut bytes = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let value = match wrap {
                Some(wrap) => wrap.wrap(name, &bytes)?,
                None => STANDARD.encode(bytes),
            };
            diesel::insert_into(secrets::table)
                .values((secrets::name.eq(name), secrets::value.eq(&value)))
                .execute(conn)?;
            return Ok(bytes.to_vec());
        }
    };
    if let Some(wrap) = wrap {
        // A key stored plainly by a start without a key file is wrapped now (it stays the same key).
        let value = wrap.wrap(name, &plain)?;
        diesel::update(secrets::table.filter(secrets::name.eq(name)).filter(secrets::value.not_like("wrapped-%")))
            .set(secrets::value.eq(value))
            .execute(conn)?;
    }
    Ok(plain)
}
