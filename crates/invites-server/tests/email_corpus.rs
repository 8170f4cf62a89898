//! The cargo-fuzz corpus of the email/domain-pattern parser (`fuzz/corpus/email`), replayed on
//! stable Rust: every file as is, then a deterministic run of mutations of them (fixed seed),
//! each through the same property check as the fuzz target (`email::fuzz_one`).

use std::path::PathBuf;

use invites_server::email::fuzz_one;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/email");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_input_holds_the_properties() {
    let files = corpus();
    assert!(files.len() >= 30, "the corpus has {} files", files.len());
    for (name, data) in &files {
        let r = std::panic::catch_unwind(|| fuzz_one(data));
        assert!(
            r.is_ok(),
            "corpus file {name} ({:?}) breaks a property",
            String::from_utf8_lossy(data)
        );
    }
}

/// xorshift64*: a fixed sequence, so every run checks the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn deterministic_mutations_of_the_corpus_hold_the_properties() {
    const PIECES: &[&str] = &[
        "@",
        "*@",
        ".",
        "..",
        "-",
        "\"",
        "\\",
        " ",
        "İ",
        "ß",
        "ü",
        "例",
        "xn--",
        "Ａ",
        "\u{0}",
        "\u{200b}",
        "+",
        "*",
        ".com",
        ".evil.org",
        "sub.",
        "a",
    ];
    let files = corpus();
    let mut rng = Rng(0x1d_c0de_5eed);
    let mut checked = 0;
    for _ in 0..20_000 {
        let (_, base) = &files[rng.below(files.len())];
        let mut s = base.clone();
        for _ in 0..1 + rng.below(4) {
            match rng.below(4) {
                0 if !s.is_empty() => {
                    let i = rng.below(s.len());
                    s.remove(i);
                }
                1 => {
                    let i = rng.below(s.len() + 1);
                    let p = PIECES[rng.below(PIECES.len())].as_bytes();
                    s.splice(i..i, p.iter().copied());
                }
                2 if !s.is_empty() => {
                    let i = rng.below(s.len());
                    s[i] = rng.next() as u8;
                }
                _ => {
                    let (_, other) = &files[rng.below(files.len())];
                    let cut = rng.below(other.len() + 1);
                    s.extend_from_slice(&other[..cut]);
                }
            }
        }
        let r = std::panic::catch_unwind(|| fuzz_one(&s));
        assert!(
            r.is_ok(),
            "mutated input {:?} breaks a property",
            String::from_utf8_lossy(&s)
        );
        checked += 1;
    }
    assert_eq!(checked, 20_000);
}
