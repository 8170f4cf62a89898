//! The Rust SDK's per-operation code: `resources.rs` (one typed method per operation, the list
//! params types, the `Client` accessors) and `operations.rs` (the JSON dispatch the bindings
//! call). Both are formatted with rustfmt so `cargo fmt --check` holds for them too.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use super::model::{Api, Operation, SchemaKind, Type, pascal};

/// The typed resources, relative to the workspace root.
pub const RESOURCES: &str = "crates/invites-sdk/src/resources.rs";
/// The JSON dispatch, relative to the workspace root.
pub const OPERATIONS: &str = "crates/invites-sdk/src/operations.rs";
/// The request body builders, relative to the workspace root.
pub const BUILDERS: &str = "crates/invites-sdk/src/builders.rs";

/// Both files.
pub fn generate(api: &Api) -> Result<Vec<(String, String)>> {
    Ok(vec![
        (RESOURCES.to_owned(), rustfmt(&resources(api)?)?),
        (OPERATIONS.to_owned(), rustfmt(&operations(api))?),
        (BUILDERS.to_owned(), rustfmt(&builders(api)?)?),
    ])
}

/// A name as a Rust identifier: a keyword (a query parameter `type`) as a raw identifier.
fn ident(name: &str) -> String {
    if matches!(
        name,
        "type" | "gen" | "match" | "ref" | "move" | "use" | "in" | "fn"
    ) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// `createInvite` → `create_invite` (progenitor's method name).
pub fn snake(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn doc(out: &mut String, indent: &str, text: &str) {
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            let _ = writeln!(out, "{indent}///");
        } else {
            let _ = writeln!(out, "{indent}/// {line}");
        }
    }
}

/// The Rust type of a list params field.
fn param_type(api: &Api, op: &Operation, name: &str, ty: &Type) -> Result<String> {
    Ok(match ty {
        Type::String { .. } => "Option<String>".into(),
        Type::Integer { .. } => "Option<u32>".into(),
        Type::Ref(r) if matches!(api.schema(r).kind, SchemaKind::Enum(_)) => {
            format!("Option<types::{r}>")
        }
        other => bail!(
            "`{}`: query parameter `{name}` of type {other:?} is not supported",
            op.id
        ),
    })
}

fn resources(api: &Api) -> Result<String> {
    let mut o = super::header("//");
    o.push_str(
        "//! Resource-style methods, one per operation of the spec. Each picks the generated call,\n\
         //! its idempotency key and its retry loop; none builds HTTP by hand.\n\n\
         use crate::client::{Client, Response};\n\
         use crate::error::Error;\n\
         use crate::generated::types;\n\
         use crate::pagination::{self, Page, PageStream};\n\n",
    );
    // Client accessors.
    o.push_str("impl Client {\n");
    for r in &api.resources {
        doc(&mut o, "    ", &r.doc);
        let _ = writeln!(
            o,
            "    pub fn {n}(&self) -> {c}<'_> {{\n        {c} {{ client: self }}\n    }}\n",
            n = r.name,
            c = r.class
        );
    }
    o.push_str("}\n\n");
    // List params.
    for op in &api.operations {
        let Some(list) = &op.list else { continue };
        let _ = writeln!(
            o,
            "/// Filters and paging for [`{c}::{m}`] (`{id}`).\n\
             #[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]\n\
             #[serde(deny_unknown_fields)]\n\
             pub struct {p} {{",
            c = pascal(&op.resource),
            m = op.method,
            id = op.id,
            p = list.params
        );
        for q in &op.query {
            doc(&mut o, "    ", &q.description);
            let _ = writeln!(
                o,
                "    pub {}: {},",
                ident(&q.name),
                param_type(api, op, &q.name, &q.ty)?
            );
        }
        o.push_str("}\n\n");
    }
    for r in &api.resources {
        doc(&mut o, "", &r.doc);
        let _ = writeln!(
            o,
            "#[derive(Debug, Clone, Copy)]\npub struct {c}<'c> {{\n    client: &'c Client,\n}}\n\n\
             impl {c}<'_> {{",
            c = r.class
        );
        for op in api.operations_of(&r.name) {
            method(api, op, &mut o)?;
        }
        o.push_str("}\n\n");
    }
    Ok(o)
}

/// The arguments progenitor's positional method takes after the path params, by name.
fn call_args(api: &Api, op: &Operation, params: &str) -> Result<(String, Vec<String>)> {
    let mut prelude = String::new();
    let mut named: Vec<(String, String)> = Vec::new();
    if op.idempotent {
        prelude.push_str("        let key = self.client.idempotency_key();\n");
        named.push(("idempotency_key".into(), "Some(&key)".into()));
    }
    for q in &op.query {
        let expr = match &q.ty {
            Type::String { .. } => format!("{params}.{}.as_deref()", ident(&q.name)),
            Type::Integer { min, max } => {
                let (Some(min @ 1..), Some(max)) = (min, max) else {
                    bail!(
                        "`{}`: integer `{}` needs minimum >= 1 and a maximum",
                        op.id,
                        q.name
                    );
                };
                let _ = writeln!(
                    prelude,
                    "        let {n} = pagination::bounded(\"{n}\", {params}.{n}, {min}, {max})?;",
                    n = q.name
                );
                q.name.clone()
            }
            Type::Ref(_) => format!("{params}.{}", ident(&q.name)),
            other => bail!("`{}`: {other:?} query parameter", op.id),
        };
        named.push((q.name.clone(), expr));
    }
    let _ = api;
    named.sort_by(|a, b| a.0.cmp(&b.0));
    let mut args: Vec<String> = op.path_params.iter().map(|p| p.name.clone()).collect();
    args.extend(named.into_iter().map(|(_, e)| e));
    if op.body.is_some() {
        args.push(if op.positional.is_some() {
            "&body".into()
        } else {
            "body".into()
        });
    }
    Ok((prelude, args))
}

fn method(api: &Api, op: &Operation, o: &mut String) -> Result<()> {
    let path_args: String = op
        .path_params
        .iter()
        .map(|p| format!(", {}: &str", p.name))
        .collect();
    let g = snake(&op.id);
    let summary = format!("`{}`: {}", op.id, op.summary);
    if let Some(list) = &op.list {
        let (prelude, args) = call_args(api, op, "params")?;
        let item = &list.item;
        doc(o, "    ", &format!("{summary} One page."));
        let path_names: String = op
            .path_params
            .iter()
            .map(|p| format!("{}, ", p.name))
            .collect();
        let _ = writeln!(
            o,
            "    pub async fn {m}_page(&self{path_args}, params: &{p}) -> Result<Page<types::{item}>, Error> {{\n\
             Ok(self.{m}_page_with_response({path_names}params).await?.data)\n    }}\n\n\
             /// [`Self::{m}_page`] with the answer's status, request id and headers.\n\
             pub async fn {m}_page_with_response(&self{path_args}, params: &{p}) -> Result<Response<Page<types::{item}>>, Error> {{\n\
             {prelude}        let g = self.client.generated();\n\
             let r = self.client.run_with_response(|| g.{g}({args})).await?;\n\
             Ok(r.map(|list| Page {{ data: list.data, next_page_token: list.next_page_token }}))\n    }}\n",
            m = op.method,
            p = list.params,
            args = args.join(", "),
        );
        doc(
            o,
            "    ",
            &format!("{summary} Every item, page after page."),
        );
        example(o, op, true);
        let owned: String = op
            .path_params
            .iter()
            .map(|p| format!("let {n} = {n}.to_owned();\n", n = p.name))
            .collect();
        let cloned: String = op
            .path_params
            .iter()
            .map(|p| format!("let {n} = {n}.clone();\n", n = p.name))
            .collect();
        let refs: String = op
            .path_params
            .iter()
            .map(|p| format!("&{}, ", p.name))
            .collect();
        let _ = writeln!(
            o,
            "    pub fn {m}(&self{path_args}, params: {p}) -> PageStream<types::{item}> {{\n\
             let client = self.client.clone();\n{owned}\
             pagination::paginate(params.page_token.clone(), move |page_token| {{\n\
             let client = client.clone();\n{cloned}\
             let params = {p} {{ page_token, ..params.clone() }};\n\
             async move {{ client.{r}().{m}_page({refs}&params).await }}\n\
             }})\n    }}\n",
            m = op.method,
            p = list.params,
            r = op.resource,
        );
        return Ok(());
    }
    let (prelude, args) = call_args(api, op, "params")?;
    let (body_arg, body_prelude) = match (&op.body, &op.positional) {
        (Some(_), Some(field)) => (
            format!(", {field}: &str"),
            format!(
                "        let body: types::{b} = crate::json::Args::new(serde_json::json!({{ \"{field}\": {field} }}))?.into()?;\n",
                b = op.body.as_deref().unwrap_or_default()
            ),
        ),
        (Some(b), None) => (format!(", body: &types::{b}"), String::new()),
        _ => (String::new(), String::new()),
    };
    doc(o, "    ", &summary);
    example(o, op, false);
    let mut names: Vec<String> = op.path_params.iter().map(|p| p.name.clone()).collect();
    match (&op.body, &op.positional) {
        (Some(_), Some(field)) => names.push(field.clone()),
        (Some(_), None) => names.push("body".into()),
        _ => {}
    }
    let _ = writeln!(
        o,
        "    pub async fn {m}(&self{path_args}{body_arg}) -> Result<types::{resp}, Error> {{\n\
         Ok(self.{m}_with_response({names}).await?.data)\n    }}\n\n\
         /// [`Self::{m}`] with the answer's status, request id and headers.\n\
         pub async fn {m}_with_response(&self{path_args}{body_arg}) -> Result<Response<types::{resp}>, Error> {{\n\
         {body_prelude}{prelude}        let g = self.client.generated();\n\
         self.client.run_with_response(|| g.{g}({args})).await\n    }}\n",
        m = op.method,
        resp = op.response,
        args = args.join(", "),
        names = names.join(", "),
    );
    Ok(())
}

/// A compiled (`no_run`) doc example of the method: its arguments come in through the hidden
/// function's parameters.
fn example(o: &mut String, op: &Operation, stream: bool) {
    let mut params = vec!["client: invites_sdk::Client".to_owned()];
    let mut args: Vec<String> = Vec::new();
    for p in &op.path_params {
        params.push(format!("{}: &str", p.name));
        args.push(p.name.clone());
    }
    match (&op.body, &op.positional, &op.list) {
        (_, _, Some(list)) => args.push(format!("invites_sdk::{}::default()", list.params)),
        (Some(_), Some(field), _) => {
            params.push(format!("{field}: &str"));
            args.push(field.clone());
        }
        (Some(b), None, _) => {
            params.push(format!("body: invites_sdk::types::{b}"));
            args.push("&body".into());
        }
        _ => {}
    }
    let call = format!(
        "client.{}().{}({})",
        op.resource,
        op.method,
        args.join(", ")
    );
    let line = if stream {
        format!("let all: Vec<_> = {call}.try_collect().await?;")
    } else {
        format!("let answer = {call}.await?;")
    };
    let _ = writeln!(
        o,
        "    ///\n    /// ```no_run\n\
         {use_}    /// # async fn example({params}) -> Result<(), invites_sdk::Error> {{\n\
         \x20   /// {line}\n\
         \x20   /// # Ok(()) }}\n    /// ```",
        use_ = if stream {
            "    /// use futures::TryStreamExt;\n"
        } else {
            ""
        },
        params = params.join(", "),
    );
}

fn operations(api: &Api) -> String {
    let mut o = super::header("//");
    o.push_str(
        "//! Every operation by its operationId, with JSON arguments and answers: what the Python\n\
         //! and Node bindings call (see `json.rs` for the argument rules).\n\n\
         use serde_json::Value;\n\n\
         use crate::client::{Client, Response};\n\
         use crate::error::Error;\n\
         use crate::generated::types;\n\
         use crate::json::{self, Args};\n\
         use crate::pagination::PageStream;\n\
         #[allow(unused_imports)]\n\
         use crate::resources::*;\n\n\
         /// An operation the JSON dispatch knows.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq)]\n\
         pub struct Operation {\n\
         /// The spec's operationId.\n    pub id: &'static str,\n\
         /// Whether it is a list (then [`Client::stream_json`] walks its pages).\n    pub list: bool,\n\
         /// Whether the SDK sends an `Idempotency-Key` with it.\n    pub idempotent: bool,\n\
         }\n\n\
         /// Every operation of the spec, in spec order.\n\
         pub const OPERATIONS: &[Operation] = &[\n",
    );
    for op in &api.operations {
        let _ = writeln!(
            o,
            "    Operation {{ id: \"{}\", list: {}, idempotent: {} }},",
            op.id,
            op.list.is_some(),
            op.idempotent
        );
    }
    o.push_str(
        "];\n\nimpl Client {\n\
         /// Call `operation` (an operationId) with `args`: one flat JSON object of its path\n\
         /// parameters, query parameters and body fields, by their spec names (`null` for none).\n\
         /// A list operation answers one page, `{\"data\": [...], \"next_page_token\": ...}`.\n\
         pub async fn call_json(&self, operation: &str, args: Value) -> Result<Value, Error> {\n\
         Ok(self.call_json_with_response(operation, args).await?.data)\n\
         }\n\n\
         /// [`Client::call_json`] with the answer's status, request id and headers.\n\
         pub async fn call_json_with_response(&self, operation: &str, args: Value) -> Result<Response<Value>, Error> {\n\
         #[allow(unused_mut)]\n\
         let mut args = Args::new(args)?;\n\
         match operation {\n",
    );
    for op in &api.operations {
        let _ = writeln!(o, "            \"{}\" => {{", op.id);
        let mut call_args: Vec<String> = Vec::new();
        for p in &op.path_params {
            let _ = writeln!(o, "let {n} = args.string(\"{n}\")?;", n = p.name);
            call_args.push(format!("&{}", p.name));
        }
        if let Some(list) = &op.list {
            let _ = writeln!(o, "let params: {} = args.into()?;", list.params);
            call_args.push("&params".into());
            let _ = writeln!(
                o,
                "json::page(self.{}().{}_page_with_response({}).await?)",
                op.resource,
                op.method,
                call_args.join(", ")
            );
        } else {
            match (&op.body, &op.positional) {
                (Some(_), Some(field)) => {
                    let _ = writeln!(o, "let {field} = args.string(\"{field}\")?;\nargs.done()?;");
                    call_args.push(format!("&{field}"));
                }
                (Some(b), None) => {
                    let _ = writeln!(o, "let body: types::{b} = args.into()?;");
                    call_args.push("&body".into());
                }
                _ => o.push_str("args.done()?;\n"),
            }
            let _ = writeln!(
                o,
                "json::respond(self.{}().{}_with_response({}).await?)",
                op.resource,
                op.method,
                call_args.join(", ")
            );
        }
        o.push_str("}\n");
    }
    o.push_str(
        "_ => Err(json::unknown(operation, false)),\n}\n}\n\n\
         /// Every item of list `operation`, page after page, as JSON; `args` as for\n\
         /// [`Client::call_json`] (`page_token` starts from that page).\n\
         pub fn stream_json(&self, operation: &str, args: Value) -> Result<PageStream<Value>, Error> {\n\
         #[allow(unused_mut)]\n\
         let mut args = Args::new(args)?;\n\
         match operation {\n",
    );
    for op in &api.operations {
        let Some(list) = &op.list else { continue };
        let _ = writeln!(o, "            \"{}\" => {{", op.id);
        let mut call_args: Vec<String> = Vec::new();
        for p in &op.path_params {
            let _ = writeln!(o, "let {n} = args.string(\"{n}\")?;", n = p.name);
            call_args.push(format!("&{}", p.name));
        }
        let _ = writeln!(o, "let params: {} = args.into()?;", list.params);
        call_args.push("params".into());
        let _ = writeln!(
            o,
            "Ok(json::items(self.{}().{}({})))\n}}",
            op.resource,
            op.method,
            call_args.join(", ")
        );
    }
    o.push_str("_ => Err(json::unknown(operation, true)),\n}\n}\n}\n");
    o
}

/// What a builder setter takes for a field of type `ty`: (generics, argument type, JSON value
/// expression of `v`).
fn setter(api: &Api, ty: &Type) -> Option<(String, String, String)> {
    let string_like = |t: &Type| match t {
        Type::String { date_time: false } => true,
        Type::Ref(r) => matches!(
            &api.schema(r).kind,
            SchemaKind::Alias(Type::String { date_time: false })
        ),
        _ => false,
    };
    Some(match ty {
        Type::String { date_time: true } => (
            String::new(),
            "chrono::DateTime<chrono::Utc>".into(),
            "serde_json::json!(v.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))".into(),
        ),
        t if string_like(t) => (
            String::new(),
            "impl Into<String>".into(),
            "serde_json::json!(v.into())".into(),
        ),
        Type::Integer { .. } => (String::new(), "i64".into(), "serde_json::json!(v)".into()),
        Type::Number => (String::new(), "f64".into(), "serde_json::json!(v)".into()),
        Type::Boolean => (String::new(), "bool".into(), "serde_json::json!(v)".into()),
        Type::Array(item) if string_like(item) => (
            "<S: Into<String>>".into(),
            "impl IntoIterator<Item = S>".into(),
            "serde_json::json!(v.into_iter().map(Into::into).collect::<Vec<String>>())".into(),
        ),
        Type::Ref(r) if matches!(&api.schema(r).kind, SchemaKind::Enum(_)) => (
            String::new(),
            format!("types::{r}"),
            "serde_json::to_value(v).unwrap_or_default()".into(),
        ),
        Type::Array(item) if matches!(&**item, Type::Ref(r) if matches!(&api.schema(r).kind, SchemaKind::Enum(_))) =>
        {
            let Type::Ref(r) = &**item else {
                unreachable!("matched above")
            };
            (
                String::new(),
                format!("impl IntoIterator<Item = types::{r}>"),
                "serde_json::to_value(v.into_iter().collect::<Vec<_>>()).unwrap_or_default()"
                    .into(),
            )
        }
        Type::Map(v) if string_like(v) => map_setter(),
        Type::Ref(r) => match &api.schema(r).kind {
            SchemaKind::Alias(Type::Map(v)) if string_like(v) => map_setter(),
            _ => return None,
        },
        _ => return None,
    })
}

fn map_setter() -> (String, String, String) {
    (
        "<K: Into<String>, V: Into<String>>".into(),
        "impl IntoIterator<Item = (K, V)>".into(),
        "serde_json::Value::Object(v.into_iter().map(|(k, v)| (k.into(), serde_json::Value::String(v.into()))).collect())".into(),
    )
}

fn builders(api: &Api) -> Result<String> {
    let mut o = super::header("//");
    o.push_str(
        "//! A builder for every request body: plain Rust values in, the spec's constraints checked\n\
         //! once by `build()` (an [`Error::InvalidArgument`] naming the field on a bad value).\n\
         //!\n\
         //! ```\n\
         //! let body = invites_sdk::types::InviteCreate::builder()\n\
         //!     .emails([\"ada@example.com\"])\n\
         //!     .roles([\"developer\"])\n\
         //!     .ttl_seconds(3600)\n\
         //!     .build()?;\n\
         //! assert_eq!(body.roles[0].as_str(), \"developer\");\n\
         //! # Ok::<(), invites_sdk::Error>(())\n\
         //! ```\n\n\
         use crate::error::Error;\n\
         use crate::generated::types;\n\n",
    );
    let mut bodies: Vec<&str> = api
        .operations
        .iter()
        .filter_map(|op| op.body.as_deref())
        .collect();
    bodies.sort();
    bodies.dedup();
    // Every enum's values as the API spells them, in spec order (the CLI's `--type` choices).
    for schema in &api.schemas {
        let SchemaKind::Enum(values) = &schema.kind else {
            continue;
        };
        let list: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
        let _ = writeln!(
            o,
            "impl types::{n} {{\n\
             /// Every value of `{n}`, as the API spells it, in the spec's order.\n\
             pub const VALUES: &'static [&'static str] = &[{}];\n}}\n",
            list.join(", "),
            n = schema.name
        );
    }
    for b in bodies {
        let _ = writeln!(
            o,
            "impl types::{b} {{\n\
             /// A builder: set fields, then [`{b}Builder::build`] checks them.\n\
             pub fn builder() -> {b}Builder {{\n{b}Builder::default()\n}}\n}}\n\n\
             /// Builds a [`types::{b}`]; see [`types::{b}::builder`].\n\
             #[derive(Debug, Clone, Default)]\n\
             pub struct {b}Builder {{\nfields: serde_json::Map<String, serde_json::Value>,\n}}\n\n\
             impl {b}Builder {{"
        );
        for f in api.fields(b) {
            let Some((generics, arg, expr)) = setter(api, &f.ty) else {
                bail!("{b}.{}: no builder setter for {:?}", f.name, f.ty);
            };
            doc(&mut o, "    ", &f.description);
            let name = if f.name == "type" {
                "r#type".to_owned()
            } else {
                f.name.clone()
            };
            let _ = writeln!(
                o,
                "    pub fn {name}{generics}(mut self, v: {arg}) -> Self {{\n\
                 self.fields.insert(\"{n}\".into(), {expr});\nself\n}}\n",
                n = f.name
            );
        }
        let _ = writeln!(
            o,
            "    /// Check every field against the spec; the error names the first one at fault.\n\
             pub fn build(self) -> Result<types::{b}, Error> {{\n\
             crate::json::Args::new(serde_json::Value::Object(self.fields))?.into()\n}}\n}}\n"
        );
    }
    Ok(o)
}

/// Format Rust source as `cargo fmt` would.
pub fn rustfmt(source: &str) -> Result<String> {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .context("running rustfmt")?;
    child
        .stdin
        .take()
        .context("rustfmt stdin")?
        .write_all(source.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!("rustfmt refused the generated source:\n{source}");
    }
    Ok(String::from_utf8(out.stdout)?)
}
