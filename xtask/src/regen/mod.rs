//! `cargo xtask regen`: every face's per-operation code, generated from `spec/invites.yaml` (and
//! the naming table `spec/sdk-names.yaml`). `--check` regenerates in memory and fails naming
//! each file that differs, so a stale face cannot land.
//!
//! - `rust_client`: the HTTP client, by progenitor (`crates/invites-sdk/src/generated.rs`);
//! - `rust_sdk`: the SDK's resource methods, list params and JSON dispatch;
//! - `conformance`: the table the conformance runners dispatch scenario calls through;
//! - `errors`: the error classes of every face, from the naming table's `errors:`;
//! - `node`: the Node binding's operation table, ES module entry point and `index.d.ts`.
//! - `python`: the Python models, sync and async resources and clients (`_generated.py`).

use std::fs;

use anyhow::{Context, Result, bail};

use crate::root;

pub mod conformance;
pub mod errors;
pub mod model;
pub mod node;
pub mod python;
pub mod rust_client;
pub mod rust_sdk;

/// The header of every generated file, in the file's comment syntax (`//` or `#`).
pub fn header(comment: &str) -> String {
    format!(
        "{comment} @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.\n\
         {comment} DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;\n\
         {comment} `cargo xtask regen --check` fails when this file and the spec disagree.\n"
    )
}

/// Every generated file: (path relative to the workspace root, content).
pub fn generate() -> Result<Vec<(String, String)>> {
    let api = model::Api::load()?;
    let mut files = vec![(rust_client::GENERATED.to_owned(), rust_client::generate()?)];
    files.extend(rust_sdk::generate(&api)?);
    files.extend(conformance::generate(&api)?);
    files.extend(errors::generate(&api)?);
    files.extend(node::generate(&api)?);
    files.extend(python::generate(&api)?);
    Ok(files)
}

/// Write every generated file, or with `check` compare them and fail naming the stale ones.
pub fn run(check: bool) -> Result<()> {
    let files = generate()?;
    let mut stale = Vec::new();
    for (path, fresh) in &files {
        let full = root().join(path);
        let current = fs::read_to_string(&full).unwrap_or_default();
        if check {
            if &current != fresh {
                stale.push(path.clone());
            }
        } else if &current != fresh {
            if let Some(dir) = full.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::write(&full, fresh).with_context(|| format!("writing {path}"))?;
            eprintln!("wrote {path}");
        }
    }
    if !stale.is_empty() {
        bail!(
            "stale generated files (they do not match spec/): {}; run `cargo xtask regen`",
            stale.join(", ")
        );
    }
    eprintln!(
        "{} generated files {}",
        files.len(),
        if check { "are up to date" } else { "written" }
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_local_method_is_written_in_each_binding_s_mixin() {
        // regen makes the resource classes derive from `<Class>Mixin`; the mixins are hand-written,
        // so a method listed under `local_methods:` must exist in each of them.
        let api = model::Api::load().unwrap();
        let read = |p: &str| fs::read_to_string(root().join(p)).unwrap();
        let python = read("bindings/python/python/invites_sdk/_mixins.py");
        let node = read("bindings/node/mixins.js");
        let dts = read("bindings/node/mixins.d.ts");
        let mut checked = 0;
        for r in &api.resources {
            let Some(mixin) = r.mixin() else { continue };
            assert!(
                python.contains(&format!("class {mixin}:")),
                "_mixins.py lacks {mixin}"
            );
            assert!(
                node.contains(&format!("class {mixin} {{")),
                "mixins.js lacks {mixin}"
            );
            assert!(
                dts.contains(&format!("export declare class {mixin} {{")),
                "mixins.d.ts lacks {mixin}"
            );
            for m in &r.local {
                let js = model::camel(&m.name);
                assert!(
                    python.contains(&format!("    def {}(\n", m.name)),
                    "_mixins.py: no {mixin}.{}",
                    m.name
                );
                assert!(
                    node.contains(&format!("  {js}(")),
                    "mixins.js: no {mixin}.{js}"
                );
                assert!(
                    dts.contains(&format!("  {js}(")),
                    "mixins.d.ts: no {mixin}.{js}"
                );
                checked += 1;
            }
        }
        assert!(
            checked >= 2,
            "webhooks.verify and webhooks.unwrap are local methods"
        );
    }

    #[test]
    fn every_checked_in_file_is_what_the_spec_generates() {
        for (path, fresh) in generate().unwrap() {
            let current = fs::read_to_string(root().join(&path)).unwrap_or_default();
            assert!(current == fresh, "{path} is stale; run `cargo xtask regen`");
            assert!(
                current.contains("@generated"),
                "{path} has no @generated header"
            );
        }
    }
}
