//! Recovery codes: ten single-use codes for an account without email, stored as hashes.

#[allow(unused_imports)]
use super::*;

/// Ten fresh single-use recovery codes, shown once; only their hashes are kept.
pub fn new_recovery_codes() -> Vec<String> {
    use rand::Rng;
    // No 0/o, 1/l/i: codes are often copied by hand.
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODE_COUNT)
        .map(|_| {
            let chars: String = (0..12).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
            format!("{}-{}-{}", &chars[0..4], &chars[4..8], &chars[8..12])
        })
        .collect()
}

/// Codes are compared without case, spaces or dashes. They carry about 59 random bits, so a fast hash is
/// enough (Argon2 is for low-entropy passwords).
pub fn hash_recovery_code(code: &str) -> String {
    let normal: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase();
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(Sha256::digest(normal.as_bytes()))
}

pub async fn unused_recovery_codes(db: &Db, user_id: &str) -> Result<i64, AppError> {
    let id = user_id.to_owned();
    db.run(move |conn| store::count_unused_recovery_codes(conn, &id)).await
}

/// Makes a new set of recovery codes, replacing the old ones; her address (if any) is told.
pub async fn regenerate_recovery_codes(
    db: &Db,
    user: &super::model::User,
    mail: &crate::mail::MailSettings,
) -> Result<Vec<String>, AppError> {
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| hash_recovery_code(c)).collect();
    let (user, mail) = (user.clone(), mail.clone());
    db.write(move |conn| {
        store::insert_recovery_codes(conn, &user.id, &hashes)?;
        if let Some(email) = &user.email {
            super::notify::account_changed(conn, &mail, &user, email, "codes", crate::db::now())?;
        }
        Ok(())
    })
    .await?;
    Ok(codes)
}
