//! Identifiers and secrets: prefixed, random (ids: time-ordered), and (for secrets) stored only as SHA-256 hashes.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Organization API keys.
pub const API_KEY_PREFIX: &str = "ik_";
/// The server's admin token.
pub const ADMIN_TOKEN_PREFIX: &str = "iat_";
/// Invite codes.
pub const INVITE_CODE_PREFIX: &str = "ic_";

/// `n` bytes from the operating system's CSPRNG (through `rand`'s thread RNG, a CSPRNG seeded
/// from the OS), hex-encoded.
fn random_hex(n: usize) -> String {
    let mut buf = vec![0u8; n];
    rand::rng().fill_bytes(&mut buf);
    hex::encode(buf)
}

/// Epoch milliseconds in 48 bits (12 hex digits), the time that begins ids and invite codes.
fn clock_ms48() -> u64 {
    chrono::Utc::now().timestamp_millis().max(0) as u64 & 0xffff_ffff_ffff
}

/// A new id with the given prefix (`org`, `inv`, `mem`, `red`, `req`): 24 hex digits, the
/// creation time in milliseconds (48 bits) then 48 random bits. Time-ordered ids land at the end
/// of their primary-key index, so the rows one commit writes share index pages instead of each
/// dirtying a page of its own. Ids name things; they are not secrets (every lookup is scoped to
/// the caller's organization, and the time is in the row's `created_at` anyway).
pub fn new_id(prefix: &str) -> String {
    let ms = clock_ms48();
    format!("{prefix}_{ms:012x}{}", random_hex(6))
}

/// A new id with the given prefix that sorts after every id this process made before it: 24 hex
/// digits, epoch milliseconds (12), a sequence number within that millisecond (4) and
/// randomness (8). As ULIDs made monotonically do, past 65,536 ids in one millisecond the clock
/// part moves on by one. For rows listed by (`created_at`, `id`) that one process writes one
/// after the other within a millisecond (events, webhook attempts), where [`new_id`]'s random
/// tail would list them in any order.
pub fn ordered_id(prefix: &str) -> String {
    static LAST: std::sync::Mutex<(u64, u64)> = std::sync::Mutex::new((0, 0));
    let now = clock_ms48();
    let (ms, seq) = {
        let mut last = LAST
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let next = if now > last.0 {
            (now, 0)
        } else if last.1 < 0xffff {
            (last.0, last.1 + 1)
        } else {
            (last.0 + 1, 0)
        };
        *last = next;
        next
    };
    format!("{prefix}_{ms:012x}{seq:04x}{:08x}", rand::random::<u32>())
}

/// A new secret with the given prefix: 160 random bits.
pub fn new_secret(prefix: &str) -> String {
    format!("{prefix}{}", random_hex(20))
}

/// Hex digits of the creation time that begin an invite code.
const CODE_TIME_DIGITS: usize = 12;

/// A new invite code: `ic_`, the time in milliseconds (48 bits, 12 hex digits), then 160 random
/// bits (40 hex digits).
///
/// The time is there for the index, not for anyone reading it: the stored form of the code
/// ([`invite_code_key`]) begins with the same digits, so the codes one group commit stores
/// land together at the end of the `code_hash` index instead of each on a random leaf page of
/// its own (on SQLite: about a third fewer bytes written per createInvite, measured). It tells
/// the holder when the code was made, which the invite's id and `created_at` tell anyway; the
/// secret is the 160 random bits.
pub fn new_invite_code() -> String {
    let ms = clock_ms48();
    format!("{INVITE_CODE_PREFIX}{ms:012x}{}", random_hex(20))
}

/// What an invite code is stored and looked up as (the `code_hash` column): the code's time
/// digits followed by its SHA-256 for a code made by [`new_invite_code`], the SHA-256 alone for
/// anything else (codes made before codes carried a time: `ic_` and 40 hex digits).
pub fn invite_code_key(code: &str) -> String {
    let timed = code.strip_prefix(INVITE_CODE_PREFIX).filter(|rest| {
        rest.len() == CODE_TIME_DIGITS + 40
            && rest
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    });
    match timed {
        Some(rest) => format!("{}{}", &rest[..CODE_TIME_DIGITS], hash_secret(code)),
        None => hash_secret(code),
    }
}

/// The SHA-256 of a secret, hex-encoded: the only form a secret is stored in.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// SHA-256 over several parts, each length-prefixed so that no two inputs collide by shifting
/// bytes between parts.
pub fn hash_parts(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p);
    }
    hex::encode(h.finalize())
}

/// Authenticated encryption of stored replies (which may hold a new API key or invite code)
/// under a key the database never sees: XChaCha20-Poly1305 with a random 24-byte nonce, keyed
/// by HKDF-SHA256 of the caller's bearer token bound to `context`. Output: `v2:` + hex of
/// nonce (24) ‖ ciphertext ‖ tag (16).
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl Sealer {
    /// A sealer for `key` (at least 128 bits of secret), bound to `context`.
    pub fn new(key: &[u8], context: &[u8]) -> Sealer {
        let mut okm = [0u8; 32];
        Hkdf::<Sha256>::new(Some(b"invites-seal-v2"), key)
            .expand(context, &mut okm)
            .expect("32 bytes is a valid HKDF-SHA256 output length");
        Sealer {
            cipher: XChaCha20Poly1305::new(&okm.into()),
        }
    }

    /// Encrypt and authenticate `plain`.
    pub fn seal(&self, plain: &[u8]) -> String {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher
            .encrypt(&nonce, plain)
            .expect("XChaCha20-Poly1305 encrypts any reply size we store");
        let mut out = Vec::with_capacity(nonce.len() + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        format!("v2:{}", hex::encode(out))
    }

    /// Check and decrypt what [`Sealer::seal`] made; `None` when it was sealed under another key
    /// or altered.
    pub fn open(&self, sealed: &str) -> Option<Vec<u8>> {
        let raw = hex::decode(sealed.strip_prefix("v2:")?).ok()?;
        if raw.len() < 24 + 16 {
            return None;
        }
        let (nonce, data) = raw.split_at(24);
        self.cipher.decrypt(XNonce::from_slice(nonce), data).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_prefixed_long_and_distinct() {
        let a = new_secret(INVITE_CODE_PREFIX);
        let b = new_secret(INVITE_CODE_PREFIX);
        assert!(a.starts_with("ic_"));
        assert_eq!(a.len(), 3 + 40);
        assert_ne!(a, b);
        assert_eq!(hash_secret(&a).len(), 64);
    }

    #[test]
    fn invite_codes_begin_with_their_time_and_so_do_their_keys() {
        let a = new_invite_code();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = new_invite_code();
        for c in [&a, &b] {
            assert!(c.starts_with("ic_") && c.len() == 3 + 12 + 40, "{c}");
        }
        assert_ne!(a[15..], b[15..]);
        let (ka, kb) = (invite_code_key(&a), invite_code_key(&b));
        assert_eq!(ka.len(), 12 + 64);
        assert_eq!(&ka[..12], &a[3..15]);
        assert_eq!(&ka[12..], hash_secret(&a));
        assert!(ka < kb, "keys of later codes sort later: {ka} {kb}");
        // A code of the earlier form (or anything else) is looked up by its hash alone.
        let old = new_secret(INVITE_CODE_PREFIX);
        assert_eq!(invite_code_key(&old), hash_secret(&old));
        let upper = a.to_uppercase().replacen("IC_", "ic_", 1);
        assert_eq!(invite_code_key(&upper), hash_secret(&upper));
        assert_eq!(invite_code_key("ic_"), hash_secret("ic_"));
    }

    #[test]
    fn ids_are_24_hex_digits_time_ordered_and_distinct() {
        let a = new_id("inv");
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = new_id("inv");
        for id in [&a, &b] {
            let digits = id.strip_prefix("inv_").unwrap();
            assert_eq!(digits.len(), 24, "{id}");
            assert!(
                digits
                    .bytes()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            );
        }
        assert!(a < b, "{a} then {b}");
        let same_ms: std::collections::HashSet<String> = (0..1000).map(|_| new_id("m")).collect();
        assert_eq!(same_ms.len(), 1000);
    }

    #[test]
    fn sealed_replies_round_trip_and_refuse_other_keys_and_tampering() {
        let s = Sealer::new(b"ik_secret", b"ctx");
        let plain = br#"{"code":"ic_0123456789abcdef0123456789abcdef01234567"}"#.repeat(5);
        let sealed = s.seal(&plain);
        assert!(!sealed.contains("ic_0123"));
        assert_ne!(sealed, s.seal(&plain), "a fresh nonce each time");
        assert_eq!(s.open(&sealed).unwrap(), plain);
        assert!(Sealer::new(b"ik_other", b"ctx").open(&sealed).is_none());
        assert!(Sealer::new(b"ik_secret", b"other").open(&sealed).is_none());
        let mut bytes = sealed.into_bytes();
        let i = bytes.len() / 2;
        bytes[i] = if bytes[i] == b'0' { b'1' } else { b'0' };
        assert!(s.open(&String::from_utf8(bytes).unwrap()).is_none());
        assert!(s.open("v2:00").is_none());
        assert!(s.open("plain").is_none());
        assert_eq!(s.open(&s.seal(b"")).unwrap(), b"");
    }

    #[test]
    fn part_hashes_do_not_collide_by_shifting() {
        assert_ne!(hash_parts(&[b"ab", b"c"]), hash_parts(&[b"a", b"bc"]));
    }
}
