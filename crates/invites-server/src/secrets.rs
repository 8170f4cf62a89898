//! Identifiers and secrets: random, prefixed, and (for secrets) stored only as SHA-256 hashes.

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

/// A new id with the given prefix (`org`, `inv`, `mem`, `red`, `req`): 96 random bits.
pub fn new_id(prefix: &str) -> String {
    format!("{prefix}_{}", random_hex(12))
}

/// A new secret with the given prefix: 160 random bits.
pub fn new_secret(prefix: &str) -> String {
    format!("{prefix}{}", random_hex(20))
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
        assert!(new_id("inv").starts_with("inv_"));
    }

    #[test]
    fn part_hashes_do_not_collide_by_shifting() {
        assert_ne!(hash_parts(&[b"ab", b"c"]), hash_parts(&[b"a", b"bc"]));
    }
}
