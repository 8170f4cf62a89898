//! The HTTP client, generated from the spec by progenitor.

use std::fs;

use anyhow::{Context, Result};
use progenitor::{GenerationSettings, Generator, InterfaceStyle, TagStyle};

use crate::root;

/// The spec, relative to the workspace root.
pub const SPEC: &str = "spec/invites.yaml";
/// The generated client, relative to the workspace root.
pub const GENERATED: &str = "crates/invites-sdk/src/generated.rs";

const HEADER: &str = "\
// @generated from spec/invites.yaml by `cargo xtask regen` (progenitor 0.15.1).
// DO NOT EDIT: change the spec and run `cargo xtask regen` instead;
// `cargo xtask regen --check` fails when this file and the spec disagree.
";

/// Generate the client source text from the spec.
pub fn generate() -> Result<String> {
    let spec_path = root().join(SPEC);
    let text = fs::read_to_string(&spec_path)
        .with_context(|| format!("reading {}", spec_path.display()))?;
    generate_from(&text)
}

/// Generate the client source text from spec text.
fn generate_from(text: &str) -> Result<String> {
    let spec: openapiv3::OpenAPI =
        serde_yaml::from_str(text).with_context(|| format!("parsing {SPEC}"))?;
    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Positional)
        .with_tag(TagStyle::Merged)
        .with_derive("PartialEq")
        .with_map_type("::std::collections::BTreeMap");
    let tokens = Generator::new(&settings)
        .generate_tokens(&spec)
        .map_err(|e| anyhow::anyhow!("progenitor could not generate the client: {e}"))?;
    let file: syn::File = syn::parse2(tokens).context("progenitor output does not parse")?;
    // prettyplease, not rustfmt: rustfmt re-indents generated doc blocks and breaks doctests.
    Ok(format!("{HEADER}\n{}", prettyplease::unparse(&file)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checked_in_client_has_its_header() {
        let checked_in = fs::read_to_string(root().join(GENERATED)).unwrap();
        assert!(
            checked_in.starts_with(HEADER),
            "the generated header is missing"
        );
    }

    #[test]
    fn a_changed_description_changes_the_client() {
        let spec = fs::read_to_string(root().join(SPEC)).unwrap();
        let edited = spec.replacen(
            "description: The invite's id.",
            "description: The invite's identifier.",
            1,
        );
        assert_ne!(spec, edited, "the test's anchor text is gone from the spec");
        let (a, b) = (
            generate_from(&spec).unwrap(),
            generate_from(&edited).unwrap(),
        );
        assert_ne!(
            a, b,
            "a description change must show in the generated client"
        );
        assert!(b.contains("The invite's identifier."));
    }
}
