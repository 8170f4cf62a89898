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

/// HMAC-SHA256 of the concatenated `parts` under `key` (RFC 2104).
pub fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(k.map(|b| b ^ 0x36));
    for p in parts {
        inner.update(p);
    }
    let mut outer = Sha256::new();
    outer.update(k.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

/// Authenticated encryption of stored replies (which may hold a new API key or invite code)
/// under a key the database never sees: encrypt-then-MAC, with an HMAC-SHA256 keystream
/// (HMAC as a PRF in counter mode) and an HMAC-SHA256 tag. Output: `v1:` + hex of
/// nonce (16) ‖ ciphertext ‖ tag (32).
pub struct Sealer {
    enc: [u8; 32],
    mac: [u8; 32],
}

impl Sealer {
    /// A sealer for `key` (at least 128 bits of secret), bound to `context`.
    pub fn new(key: &[u8], context: &[u8]) -> Sealer {
        let root = hmac_sha256(key, &[b"invites-seal-v1", context]);
        Sealer {
            enc: hmac_sha256(&root, &[b"enc"]),
            mac: hmac_sha256(&root, &[b"mac"]),
        }
    }

    fn keystream_xor(&self, nonce: &[u8], data: &mut [u8]) {
        for (i, chunk) in data.chunks_mut(32).enumerate() {
            let block = hmac_sha256(&self.enc, &[nonce, &(i as u64).to_be_bytes()]);
            for (d, k) in chunk.iter_mut().zip(block) {
                *d ^= k;
            }
        }
    }

    /// Encrypt and authenticate `plain`.
    pub fn seal(&self, plain: &[u8]) -> String {
        let mut nonce = [0u8; 16];
        rand::rng().fill_bytes(&mut nonce);
        let mut data = plain.to_vec();
        self.keystream_xor(&nonce, &mut data);
        let tag = hmac_sha256(&self.mac, &[&nonce, &data]);
        let mut out = Vec::with_capacity(16 + data.len() + 32);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&data);
        out.extend_from_slice(&tag);
        format!("v1:{}", hex::encode(out))
    }

    /// Check and decrypt what [`Sealer::seal`] made; `None` when it was sealed under another key
    /// or altered.
    pub fn open(&self, sealed: &str) -> Option<Vec<u8>> {
        let raw = hex::decode(sealed.strip_prefix("v1:")?).ok()?;
        if raw.len() < 48 {
            return None;
        }
        let (nonce, rest) = raw.split_at(16);
        let (data, tag) = rest.split_at(rest.len() - 32);
        let want = hmac_sha256(&self.mac, &[nonce, data]);
        // Constant-time comparison.
        if want.iter().zip(tag).fold(0u8, |acc, (a, b)| acc | (a ^ b)) != 0 {
            return None;
        }
        let mut data = data.to_vec();
        self.keystream_xor(nonce, &mut data);
        Some(data)
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
        assert!(new_id("inv").starts_with("inv_"));
    }

    #[test]
    fn hmac_matches_rfc_4231() {
        // RFC 4231, test cases 1 and 2.
        assert_eq!(
            hex::encode(hmac_sha256(&[0x0b; 20], &[b"Hi There"])),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        assert_eq!(
            hex::encode(hmac_sha256(
                b"Jefe",
                &[b"what do ya want ", b"for nothing?"]
            )),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6: a key longer than the block.
        assert_eq!(
            hex::encode(hmac_sha256(
                &[0xaa; 131],
                &[b"Test Using Larger Than Block-Size Key - Hash Key First"]
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
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
        assert!(s.open("v1:00").is_none());
        assert!(s.open("plain").is_none());
        assert_eq!(s.open(&s.seal(b"")).unwrap(), b"");
    }

    #[test]
    fn part_hashes_do_not_collide_by_shifting() {
        assert_ne!(hash_parts(&[b"ab", b"c"]), hash_parts(&[b"a", b"bc"]));
    }
}
