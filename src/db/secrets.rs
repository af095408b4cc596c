//! Signing keys shared by every instance: generated once from the OS's secure random source and kept in
//! the database, so that a token issued by one instance is accepted by the others.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use diesel::prelude::*;
use rand::RngCore;

use super::AnyConnection;
use super::schema::secrets;
use crate::core::error::AppError;

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
    /// Reads the keys, creating any that are missing. Call under the start-up lock, so that two instances
    /// starting together do not both create one.
    pub fn load_or_create(conn: &mut AnyConnection) -> Result<Self, AppError> {
        Ok(Self {
            token_key: key(conn, "token_key")?,
            csrf_key: key(conn, "csrf_key")?,
            credential_seed: key(conn, "credential_key")?,
        })
    }
}

fn key(conn: &mut AnyConnection, name: &str) -> Result<Vec<u8>, AppError> {
    let stored: Option<String> =
        secrets::table.filter(secrets::name.eq(name)).select(secrets::value).first(conn).optional()?;
    let encoded = match stored {
        Some(value) => value,
        None => {
            let mut bytes = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let value = STANDARD.encode(bytes);
            diesel::insert_into(secrets::table)
                .values((secrets::name.eq(name), secrets::value.eq(&value)))
                .execute(conn)?;
            value
        }
    };
    STANDARD.decode(encoded).map_err(|_| AppError::internal(format!("the stored secret {name} is not valid base64")))
}
