// @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the spec disagree.
//! The fields whose value is a free-form map: their keys are the user's, never renamed.

/// Their spec (snake_case) names; renaming keys skips their values.
pub const VERBATIM: &[&str] = &["metadata"];
