//! The portable credential: an Open Badges 3.0 `OpenBadgeCredential` as a VC-JWT signed with the
//! issuer's Ed25519 key (alg EdDSA). The recipient is named only by a salted hash of their account id.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::core::error::AppError;

/// The issuer's signing key, from the 32-byte seed kept in the database.
#[derive(Clone)]
pub struct IssuerKey {
    seed: [u8; 32],
}

impl std::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IssuerKey { .. }")
    }
}

impl IssuerKey {
    pub fn new(seed: &[u8]) -> Result<Self, AppError> {
        let seed: [u8; 32] = seed
            .get(..32)
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| AppError::internal("credential key too short"))?;
        Ok(IssuerKey { seed })
    }

    pub fn public(&self) -> [u8; 32] {
        ed25519_dalek::SigningKey::from_bytes(&self.seed).verifying_key().to_bytes()
    }

    /// A short id of the key, for `kid`.
    pub fn kid(&self) -> String {
        format!("ed25519-{}", hex::encode(&Sha256::digest(self.public())[..8]))
    }

    fn encoding_key(&self) -> EncodingKey {
        // PKCS#8 v1 wrapping of an Ed25519 seed (RFC 8410): a fixed prefix, then the 32 bytes.
        let mut der =
            vec![0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];
        der.extend_from_slice(&self.seed);
        EncodingKey::from_ed_der(&der)
    }

    /// The public key as a JWK.
    pub fn jwk(&self) -> Value {
        json!({"kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(self.public()), "kid": self.kid(), "alg": "EdDSA", "use": "sig"})
    }
}

/// What a credential says.
pub struct Claim<'a> {
    pub certificate_id: &'a str,
    pub base_url: &'a str,
    pub issuer_name: &'a str,
    pub holder_name: &'a str,
    pub recipient_key: &'a str,
    pub course_slug: &'a str,
    pub course_title: &'a str,
    pub course_summary: &'a str,
    pub issued_at: chrono::DateTime<chrono::Utc>,
}

/// Signs the credential; returns the compact JWT.
pub fn sign(key: &IssuerKey, c: &Claim) -> Result<String, AppError> {
    let salt = hex::encode(rand::random::<[u8; 16]>());
    let hash = hex::encode(Sha256::digest(format!("{}{salt}", c.recipient_key).as_bytes()));
    let jti = format!("urn:uuid:{}", c.certificate_id);
    let subject = format!("urn:uuid:{}", uuid::Uuid::new_v4());
    let issued = c.issued_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let vc = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": jti,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": c.base_url, "type": ["Profile"], "name": c.issuer_name},
        "validFrom": issued,
        "name": c.course_title,
        "credentialSubject": {
            "id": subject,
            "type": ["AchievementSubject"],
            "name": c.holder_name,
            "identifier": [{"type": "IdentityObject", "identityHash": format!("sha256${hash}"), "identityType": "identifier", "hashed": true, "salt": salt}],
            "achievement": {
                "id": format!("{}/courses/{}", c.base_url, c.course_slug),
                "type": ["Achievement"],
                "name": c.course_title,
                "description": c.course_summary,
                "criteria": {"narrative": "Completed every module and passed every required quiz of the course."}
            }
        }
    });
    let claims = json!({"iss": c.base_url, "jti": jti, "sub": subject, "nbf": c.issued_at.timestamp(), "vc": vc});
    let mut header = Header::new(Algorithm::EdDSA);
    header.kid = Some(key.kid());
    jsonwebtoken::encode(&header, &claims, &key.encoding_key())
        .map_err(|e| AppError::internal(format!("credential: {e}")))
}
