//! `conformance/operations.json`: how each scenario call (`invites.create_batch`) reaches its
//! operation in every SDK, so the three runners dispatch through one table instead of three
//! hand-written lists.

use anyhow::Result;
use serde_json::{Value, json};

use super::model::{Api, camel};

/// The table, relative to the workspace root.
pub const TABLE: &str = "conformance/operations.json";

/// The table as JSON text.
pub fn generate(api: &Api) -> Result<Vec<(String, String)>> {
    let mut calls = serde_json::Map::new();
    for op in &api.operations {
        let positional: Vec<&str> = op
            .path_params
            .iter()
            .map(|p| p.name.as_str())
            .chain(op.positional.as_deref())
            .collect();
        let rest = if op.list.is_some() {
            "params"
        } else if op.body.is_some() && op.positional.is_none() {
            "body"
        } else {
            "none"
        };
        calls.insert(
            format!("{}.{}", op.resource, op.method),
            json!({
                "operation": op.id,
                "resource": op.resource,
                "node_resource": camel(&op.resource),
                "python": op.method,
                "node": camel(&op.method),
                "positional": positional,
                "rest": rest,
                "list": op.list.is_some(),
            }),
        );
    }
    for r in &api.resources {
        for m in &r.local {
            calls.insert(
                format!("{}.{}", r.name, m.name),
                json!({
                    "local": true,
                    "resource": r.name,
                    "node_resource": camel(&r.name),
                    "python": m.name,
                    "node": camel(&m.name),
                    "positional": m.args,
                    "rest": "params",
                    "list": false,
                }),
            );
        }
    }
    let doc = json!({
        "@generated": "from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`; DO NOT EDIT",
        "about": "Scenario call -> SDK method. `positional` args are passed in order, the rest as keyword arguments (Python) or as one object (Node: the body or the list params); a list call iterates every item, `<call>_page` awaits the first page. A `local` call (no `operation`) runs in the SDK without a request (webhooks.unwrap), answering at once.",
        "calls": Value::Object(calls),
    });
    Ok(vec![(
        TABLE.to_owned(),
        format!("{}\n", serde_json::to_string_pretty(&doc)?),
    )])
}
