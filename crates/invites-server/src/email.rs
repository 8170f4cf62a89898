//! Email addresses and domain patterns: validation, normalization and matching.
//!
//! Normal form: the whole address in Unicode NFC, the local part lower-cased (and NFC again), the
//! domain converted to ASCII with IDNA (UTS 46) and lower-cased. Invisible and control
//! characters (zero-width characters, bidi controls, format and private-use characters,
//! unassigned code points, fillers) are refused anywhere, so two addresses that look the same
//! are the same. `*` alone is never a local part (`*@example.com` is a pattern, not an address),
//! and a pattern's domain may not be a public suffix (`*@co.uk`; the Public Suffix List). An exact entry matches an address whose normal form is equal; a pattern
//! `*@example.com` matches every address whose domain is exactly `example.com` (not
//! `sub.example.com`, not `example.com.evil.org`). Plus-addresses are distinct addresses.

use unicode_normalization::UnicodeNormalization;

/// Longest address accepted.
pub const MAX_ADDRESS_LEN: usize = 254;

/// One entry of an invite's address list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// One address, in normal form.
    Exact(String),
    /// Every address at this domain (ASCII, lower-case).
    Domain(String),
}

impl Entry {
    /// Parse an entry: an address, or `*@domain`.
    pub fn parse(s: &str) -> Result<Entry, String> {
        check_visible(s)?;
        if let Some(domain) = s.strip_prefix("*@") {
            let domain = normalize_domain(domain)?;
            if is_public_suffix(&domain) {
                return Err(format!(
                    "*@{domain} is a pattern on a public suffix (anyone can register a domain \
                     under it); name a registrable domain such as *@example.{domain}"
                ));
            }
            return Ok(Entry::Domain(domain));
        }
        if s.contains('*') && !s.starts_with('"') {
            return Err("a pattern must have the form *@example.com".into());
        }
        normalize_address(s).map(Entry::Exact)
    }

    /// An entry from its stored normal form (as [`Entry::as_string`] wrote it), without
    /// parsing it again: a stored restriction can never turn into no restriction.
    pub fn from_stored(s: &str) -> Entry {
        match s.strip_prefix("*@") {
            Some(domain) => Entry::Domain(domain.to_string()),
            None => Entry::Exact(s.to_string()),
        }
    }

    /// The entry as stored and shown: the address, or `*@domain`.
    pub fn as_string(&self) -> String {
        match self {
            Entry::Exact(a) => a.clone(),
            Entry::Domain(d) => format!("*@{d}"),
        }
    }

    /// Whether this is a domain pattern.
    pub fn is_domain(&self) -> bool {
        matches!(self, Entry::Domain(_))
    }

    /// Whether a normalized address matches this entry.
    pub fn matches(&self, normalized: &str) -> bool {
        match self {
            Entry::Exact(a) => a == normalized,
            Entry::Domain(d) => normalized
                .rsplit_once('@')
                .is_some_and(|(_, domain)| domain == d),
        }
    }
}

/// Whether a normalized address may accept an invite with these entries (empty: anyone).
pub fn allowed(entries: &[Entry], normalized: &str) -> bool {
    entries.is_empty() || entries.iter().any(|e| e.matches(normalized))
}

/// Validate an address and return its normal form.
pub fn normalize_address(s: &str) -> Result<String, String> {
    check_visible(s)?;
    // ASCII text is its own NFC.
    let nfc: String = if s.is_ascii() {
        s.to_owned()
    } else {
        s.nfc().collect()
    };
    let s = nfc.as_str();
    if s.len() > MAX_ADDRESS_LEN {
        return Err(format!(
            "an address has at most {MAX_ADDRESS_LEN} characters"
        ));
    }
    let (local, domain) = s
        .rsplit_once('@')
        .ok_or_else(|| format!("{s:?} is not an email address (no @)"))?;
    if local == "*" {
        return Err(format!(
            "{s:?} is a domain pattern, not an address; give the address that accepts"
        ));
    }
    let local =
        normalize_local(local).map_err(|m| format!("{s:?} is not an email address: {m}"))?;
    let domain = normalize_domain(domain).map_err(|m| format!("{s:?}: {m}"))?;
    let normal = format!("{local}@{domain}");
    // Lower-casing and IDNA can lengthen an address: the limits hold for the normal form too,
    // so that the normal form is a fixed point (it parses back to itself).
    if normal.len() > MAX_ADDRESS_LEN {
        return Err(format!(
            "{s:?} is longer than {MAX_ADDRESS_LEN} characters once normalized"
        ));
    }
    Ok(normal)
}

fn normalize_local(local: &str) -> Result<String, String> {
    if local.is_empty() {
        return Err("empty local part".into());
    }
    if local.chars().count() > 64 {
        return Err("the local part has more than 64 characters".into());
    }
    if local.len() >= 2 && local.starts_with('"') && local.ends_with('"') {
        // A quoted local part: printable characters, with `"` and `\` only escaped.
        let inner = &local[1..local.len() - 1];
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c.is_control() {
                return Err("control character in the quoted local part".into());
            }
            if c == '\\' {
                match chars.next() {
                    Some(n) if !n.is_control() => {}
                    _ => return Err("dangling escape in the quoted local part".into()),
                }
            } else if c == '"' {
                return Err("unescaped quote in the quoted local part".into());
            }
        }
        return lower_local(local);
    }
    const SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~.";
    for c in local.chars() {
        let ok = c.is_ascii_alphanumeric()
            || SPECIALS.contains(c)
            || (!c.is_ascii() && !c.is_control() && !c.is_whitespace());
        if !ok {
            return Err(format!("character {c:?} is not allowed in the local part"));
        }
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err("misplaced dot in the local part".into());
    }
    lower_local(local)
}

/// The local part lower-cased (in NFC), still within 64 characters (some characters lower-case
/// into two).
fn lower_local(local: &str) -> Result<String, String> {
    if local.is_ascii() {
        // Lower-cased one byte for one, and still its own NFC.
        return Ok(local.to_ascii_lowercase());
    }
    let lower: String = local.to_lowercase().nfc().collect();
    if lower.chars().count() > 64 {
        return Err("the local part has more than 64 characters once lower-cased".into());
    }
    Ok(lower)
}

/// Refuse invisible and control characters: every control (Cc), format (Cf: zero-width
/// characters, bidi controls, the BOM, the soft hyphen), private-use (Co), surrogate (Cs) or
/// unassigned (Cn) code point, line and paragraph separators, spaces other than U+0020, and the
/// invisible fillers and joiners of other categories (Hangul fillers, the combining grapheme
/// joiner, variation selectors).
pub fn check_visible(s: &str) -> Result<(), String> {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    if s.is_ascii() {
        // In ASCII only the controls (Cc) are invisible; U+0020 is the space allowed.
        return match s.bytes().find(u8::is_ascii_control) {
            Some(b) => Err(invisible_refused(b.into())),
            None => Ok(()),
        };
    }
    for c in s.chars() {
        let invisible = match c.general_category() {
            GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::PrivateUse
            | GeneralCategory::Surrogate
            | GeneralCategory::Unassigned
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator => true,
            GeneralCategory::SpaceSeparator => c != ' ',
            _ => matches!(
                c,
                '\u{034F}'
                    | '\u{115F}'
                    | '\u{1160}'
                    | '\u{17B4}'
                    | '\u{17B5}'
                    | '\u{180B}'..='\u{180F}'
                    | '\u{2800}'
                    | '\u{3164}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{FFA0}'
                    | '\u{E0100}'..='\u{E01EF}'
            ),
        };
        if invisible {
            return Err(invisible_refused(c.into()));
        }
    }
    Ok(())
}

/// Why [`check_visible`] refused the code point `c`.
fn invisible_refused(c: u32) -> String {
    format!("U+{c:04X} is an invisible or control character, not allowed in an address")
}

/// Whether an ASCII domain is itself a public suffix (`com`, `co.uk`, `github.io`) by the
/// Public Suffix List, ICANN and private sections alike.
pub fn is_public_suffix(domain: &str) -> bool {
    psl::suffix(domain.as_bytes()).is_some_and(|s| s.as_bytes().len() == domain.len())
}

/// Validate a domain and return it in ASCII (IDNA), lower-case.
pub fn normalize_domain(domain: &str) -> Result<String, String> {
    if domain.is_empty() {
        return Err("empty domain".into());
    }
    if domain.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("whitespace in the domain".into());
    }
    let ascii = idna::domain_to_ascii(domain)
        .map_err(|_| format!("{domain:?} is not a valid domain name"))?
        .to_ascii_lowercase();
    if ascii.len() > 253 {
        return Err("the domain has more than 253 characters".into());
    }
    let labels: Vec<&str> = ascii.split('.').collect();
    if labels.len() < 2 {
        return Err(format!("{domain:?} is not a fully qualified domain name"));
    }
    for label in &labels {
        let ok = !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !ok {
            return Err(format!("{domain:?} is not a valid domain name"));
        }
    }
    if labels
        .last()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!("{domain:?} is not a domain name"));
    }
    Ok(ascii)
}

/// The properties the fuzz target (`fuzz/fuzz_targets/email.rs`) and the corpus replay test
/// check on one input; panics when one fails. Never panics otherwise, whatever the bytes.
#[doc(hidden)]
pub fn fuzz_one(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(entry) = Entry::parse(s) {
        let stored = entry.as_string();
        assert_eq!(
            Entry::parse(&stored).as_ref(),
            Ok(&entry),
            "not a fixed point: {s:?}"
        );
        assert_eq!(Entry::from_stored(&stored), entry);
        match &entry {
            Entry::Exact(a) => {
                assert!(a.len() <= MAX_ADDRESS_LEN, "{a:?}");
                assert!(entry.matches(a));
                assert!(allowed(std::slice::from_ref(&entry), a));
                let (_, domain) = a.rsplit_once('@').expect("an @");
                assert!(domain.is_ascii() && domain == domain.to_ascii_lowercase());
            }
            Entry::Domain(d) => {
                assert!(d.is_ascii() && *d == d.to_ascii_lowercase(), "{d:?}");
                assert!(entry.matches(&format!("x@{d}")));
                assert!(!entry.matches(&format!("x@sub.{d}")));
                assert!(!entry.matches(&format!("x@{d}.evil.org")));
                assert!(!entry.matches(d));
            }
        }
    }
    if let Ok(a) = normalize_address(s) {
        assert!(a.len() <= MAX_ADDRESS_LEN);
        assert_eq!(
            normalize_address(&a).as_ref(),
            Ok(&a),
            "not a fixed point: {s:?}"
        );
        // An address never matches a pattern of another domain, nor another address.
        if let Some((_, domain)) = a.rsplit_once('@') {
            assert!(Entry::Domain(domain.to_string()).matches(&a));
            assert!(!Entry::Domain(format!("x{domain}")).matches(&a));
        }
    }
    if let Ok(d) = normalize_domain(s) {
        assert!(d.is_ascii() && d.len() <= 253);
        assert_eq!(normalize_domain(&d).as_ref(), Ok(&d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_addresses_take_the_short_path_to_the_same_answers() {
        use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
        // Every ASCII character: refused exactly when Unicode calls it a control.
        for b in 0u8..128 {
            let c = b as char;
            let refused = check_visible(&format!("a{c}b@example.com")).is_err();
            assert_eq!(
                refused,
                c.general_category() == GeneralCategory::Control,
                "{b:#x}"
            );
        }
        // Lower-casing and NFC of ASCII, as the general path does them.
        let local = "Ab.C!#$%&'*+-/=?^_`{|}~Z9";
        let general: String = local.to_lowercase().nfc().collect();
        assert_eq!(
            normalize_address(&format!("{local}@Example.COM")).unwrap(),
            format!("{general}@example.com")
        );
        assert_eq!(
            normalize_address("\"Quoted Name\"@x.example").unwrap(),
            "\"quoted name\"@x.example"
        );
    }

    fn accepts(entry: &str, address: &str) -> bool {
        let e = Entry::parse(entry).unwrap();
        match normalize_address(address) {
            Ok(a) => e.matches(&a),
            Err(_) => false,
        }
    }

    #[test]
    fn exact_entries_ignore_case_only() {
        assert!(accepts("ada@example.com", "ada@example.com"));
        assert!(accepts("ada@example.com", "ADA@Example.COM"));
        assert!(accepts("Ada@EXAMPLE.com", "ada@example.com"));
        assert!(!accepts("ada@example.com", "ada+x@example.com"));
        assert!(!accepts("ada@example.com", "ada@sub.example.com"));
        assert!(!accepts("ada@example.com", "ada@example.com.evil.org"));
        assert!(!accepts("ada@example.com", "bob@example.com"));
        assert!(accepts("ada+tag@example.com", "ADA+TAG@example.com"));
        assert!(!accepts("ada+tag@example.com", "ada@example.com"));
    }

    #[test]
    fn domain_patterns_match_that_domain_only() {
        let p = "*@example.com";
        assert!(accepts(p, "ada@example.com"));
        assert!(accepts(p, "Ada+Work@EXAMPLE.COM"));
        assert!(accepts(p, "\"ada lovelace\"@example.com"));
        assert!(!accepts(p, "ada@sub.example.com"));
        assert!(!accepts(p, "ada@example.com.evil.org"));
        assert!(!accepts(p, "ada@evilexample.com"));
        assert!(!accepts(p, "ada@example.co"));
        assert!(!accepts(p, "example.com@evil.org"));
        assert!(!accepts(p, "ada@example.com@evil.org"));
    }

    #[test]
    fn idn_domains_match_in_either_form() {
        assert!(accepts("*@bücher.example", "ada@xn--bcher-kva.example"));
        assert!(accepts("*@xn--bcher-kva.example", "ada@BÜCHER.example"));
        assert!(accepts("ada@bücher.example", "ADA@bücher.example"));
        assert_eq!(
            Entry::parse("*@Bücher.Example").unwrap().as_string(),
            "*@xn--bcher-kva.example"
        );
    }

    #[test]
    fn malformed_entries_are_refused() {
        for bad in [
            "ada",
            "@example.com",
            "ada@",
            "ada@localhost",
            "ada@exa mple.com",
            "ada@-example.com",
            "ada@example..com",
            "a..b@example.com",
            ".ada@example.com",
            "ada <ada@example.com>",
            "a*@example.com",
            "*.example.com",
            "*@",
            "*@*.example.com",
            "ada@1.2.3.4",
            "\"unterminated@example.com",
        ] {
            assert!(Entry::parse(bad).is_err(), "{bad:?} should be refused");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(Entry::parse(&long).is_err());
    }

    #[test]
    fn normal_forms_are_fixed_points() {
        // 'İ' lower-cases into two characters: 40 of them make an 80-character local part.
        let long_lower = format!("{}@example.com", "İ".repeat(40));
        assert!(normalize_address(&long_lower).is_err());
        let ok = format!("{}@example.com", "İ".repeat(32));
        let normal = normalize_address(&ok).unwrap();
        assert_eq!(normalize_address(&normal).unwrap(), normal);
        let quoted = format!("\"{}\"@example.com", "İ".repeat(40));
        assert!(normalize_address(&quoted).is_err());
        // IDNA lengthens the domain; the normal form must stay within 254.
        let wide = format!("{}@{}.example", "a".repeat(60), ["bücher"; 25].join("."));
        if let Ok(n) = normalize_address(&wide) {
            assert!(n.len() <= MAX_ADDRESS_LEN);
            assert_eq!(normalize_address(&n).unwrap(), n);
        }
        for e in ["Ada@Example.COM", "*@Bücher.Example", "\"A B\"@x.org"] {
            let entry = Entry::parse(e).unwrap();
            assert_eq!(Entry::from_stored(&entry.as_string()), entry);
            assert_eq!(Entry::parse(&entry.as_string()).unwrap(), entry);
        }
    }

    #[test]
    fn public_invites_allow_anyone() {
        assert!(allowed(&[], "anyone@anywhere.org"));
        let entries = vec![
            Entry::parse("ada@example.com").unwrap(),
            Entry::parse("*@example.org").unwrap(),
        ];
        assert!(allowed(&entries, "ada@example.com"));
        assert!(allowed(&entries, "bob@example.org"));
        assert!(!allowed(&entries, "bob@example.com"));
    }
}
