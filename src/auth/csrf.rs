//! CSRF protection for forms and for cookie-authenticated API calls: a random value in an HttpOnly
//! cookie, and an HMAC of it in every form (`csrf` field) or in the `X-CSRF-Token` header. An attacker's
//! page can neither read the cookie nor compute the HMAC. Cross-site `Sec-Fetch-Site` is refused apart.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use rand::RngCore;
use sha2::Sha256;
use subtle::ConstantTimeEq;

pub const FORM_FIELD: &str = "csrf";
pub const HEADER: &str = "x-csrf-token";

#[derive(Clone)]
pub struct CsrfKey(Vec<u8>);

impl CsrfKey {
    pub fn new(key: &[u8]) -> Self {
        Self(key.to_vec())
    }

    /// A fresh cookie value.
    pub fn new_cookie_value() -> String {
        let mut bytes = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The token that forms carry for a given cookie value, masked afresh each time (a random pad, then
    /// the HMAC XOR the pad): pages are compressed and reflect input beside the token, so a token that
    /// never repeats gives a BREACH attacker nothing to converge on.
    pub fn token_for(&self, cookie_value: &str) -> String {
        let mac = self.mac(cookie_value);
        let mut pad = vec![0u8; mac.len()];
        rand::rngs::OsRng.fill_bytes(&mut pad);
        let masked: Vec<u8> = mac.iter().zip(&pad).map(|(m, p)| m ^ p).collect();
        pad.extend(masked);
        URL_SAFE_NO_PAD.encode(pad)
    }

    pub fn is_valid(&self, cookie_value: &str, submitted: &str) -> bool {
        let Ok(submitted) = URL_SAFE_NO_PAD.decode(submitted.trim()) else {
            return false;
        };
        let expected = self.mac(cookie_value);
        if cookie_value.is_empty() || submitted.len() != 2 * expected.len() {
            return false;
        }
        let (pad, masked) = submitted.split_at(expected.len());
        let unmasked: Vec<u8> = masked.iter().zip(pad).map(|(m, p)| m ^ p).collect();
        bool::from(expected.as_slice().ct_eq(unmasked.as_slice()))
    }

    fn mac(&self, cookie_value: &str) -> Vec<u8> {
        self.mac_of(&[b"csrf:", cookie_value.as_bytes()])
    }

    fn mac_of(&self, parts: &[&[u8]]) -> Vec<u8> {
        let mut mac = match <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0) {
            Ok(mac) => mac,
            // HMAC takes keys of any length; this arm cannot be reached.
            Err(_) => return Vec::new(),
        };
        for part in parts {
            mac.update(part);
        }
        mac.finalize().into_bytes().to_vec()
    }

    /// A device cookie (OWASP's pattern against lockout by strangers): a browser that signed in as a
    /// handle gets `nonce.mac`, which names neither the handle nor the person; only the server can tell
    /// that it belongs to that handle. `nonce` is kept when the browser already has one.
    pub fn device_cookie_value(&self, nonce: Option<&str>, handle_key: &str) -> String {
        let nonce = nonce.map(str::to_owned).unwrap_or_else(Self::new_cookie_value);
        let mac = self.mac_of(&[b"device:", nonce.as_bytes(), b":", handle_key.as_bytes()]);
        format!("{nonce}.{}", URL_SAFE_NO_PAD.encode(mac))
    }

    /// The device's nonce, if `cookie` was given to this browser when it signed in as `handle_key`.
    pub fn known_device<'a>(&self, cookie: &'a str, handle_key: &str) -> Option<&'a str> {
        let (nonce, mac) = cookie.split_once('.')?;
        let mac = URL_SAFE_NO_PAD.decode(mac).ok()?;
        let expected = self.mac_of(&[b"device:", nonce.as_bytes(), b":", handle_key.as_bytes()]);
        (!nonce.is_empty() && bool::from(expected.as_slice().ct_eq(mac.as_slice()))).then_some(nonce)
    }
}

/// Whether a browser says the request came from another site.
pub fn is_cross_site(sec_fetch_site: Option<&str>) -> bool {
    matches!(sec_fetch_site, Some("cross-site" | "same-site"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_fits_only_its_cookie() {
        let key = CsrfKey::new(b"k");
        let token = key.token_for("cookie-a");
        assert!(key.is_valid("cookie-a", &token));
        assert!(!key.is_valid("cookie-b", &token));
        assert!(!key.is_valid("", &key.token_for("")));
        assert!(!CsrfKey::new(b"other").is_valid("cookie-a", &token));
    }

    #[test]
    fn tokens_never_repeat_yet_all_fit() {
        let key = CsrfKey::new(b"k");
        let (a, b) = (key.token_for("cookie"), key.token_for("cookie"));
        assert_ne!(a, b, "masked afresh for every page");
        assert!(key.is_valid("cookie", &a) && key.is_valid("cookie", &b));
        let unmasked = URL_SAFE_NO_PAD.encode(key.mac("cookie"));
        assert!(!key.is_valid("cookie", &unmasked), "the bare HMAC is not a token");
    }
}
