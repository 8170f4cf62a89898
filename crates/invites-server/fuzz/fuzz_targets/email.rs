//! Any bytes into `Entry::parse`, `normalize_address` and `normalize_domain`: no panic, normal
//! forms are fixed points, patterns match their domain only (see `invites_server::email::fuzz_one`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    invites_server::email::fuzz_one(data);
});
