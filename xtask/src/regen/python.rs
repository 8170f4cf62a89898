//! The Python face's per-operation code: `bindings/python/python/invites_sdk/_generated.py`.
//!
//! From the model of the spec it writes the response models (read-only typed properties,
//! decoded from the JSON the SDK answers), the enum types as `Literal`s, one sync and one async
//! resource class per resource (full keyword signatures, type hints and docstrings from the
//! spec) and the two clients with their resource attributes. Everything it calls lives in the
//! hand-written `_base.py`: the JSON call into the Rust core, pagers, the model base class.
//! The output is what `ruff format` would write, so the package's format check holds for it.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use anyhow::{Result, bail};

use super::model::{Api, Operation, Resource, SchemaKind, Type};

/// The generated module, relative to the workspace root.
pub const MODULE: &str = "bindings/python/python/invites_sdk/_generated.py";

/// The line length of the package (`[tool.ruff] line-length`).
const WIDTH: usize = 100;

/// The module.
pub fn generate(api: &Api) -> Result<Vec<(String, String)>> {
    Ok(vec![(MODULE.to_owned(), module(api)?)])
}

/// The object schemas a caller can receive: the responses (a list's items, not its page
/// schema) and every object they contain, in spec order.
fn models(api: &Api) -> Vec<&str> {
    let mut todo: Vec<&str> = api
        .operations
        .iter()
        .map(|o| match &o.list {
            Some(l) => l.item.as_str(),
            None => o.response.as_str(),
        })
        .collect();
    let mut seen = BTreeSet::new();
    while let Some(name) = todo.pop() {
        if !seen.insert(name) {
            continue;
        }
        if let SchemaKind::Object(fields) = &api.schema(name).kind {
            for f in fields {
                refs(&f.ty, &mut todo);
            }
        }
    }
    api.schemas
        .iter()
        .map(|s| s.name.as_str())
        .filter(|n| seen.contains(n) && matches!(api.schema(n).kind, SchemaKind::Object(_)))
        .collect()
}

fn refs<'a>(ty: &'a Type, out: &mut Vec<&'a str>) {
    match ty {
        Type::Ref(r) => out.push(r),
        Type::Array(t) | Type::Map(t) => refs(t, out),
        _ => {}
    }
}

/// The annotation of a value the API answers.
fn out_type(api: &Api, ty: &Type) -> String {
    match ty {
        Type::String { date_time: true } => "datetime.datetime".into(),
        Type::String { .. } => "str".into(),
        Type::Integer { .. } => "int".into(),
        Type::Number => "float".into(),
        Type::Boolean => "bool".into(),
        Type::Ref(r) => match &api.schema(r).kind {
            SchemaKind::Alias(t) => out_type(api, t),
            _ => r.clone(),
        },
        Type::Array(t) => format!("list[{}]", out_type(api, t)),
        Type::Map(t) => format!("dict[str, {}]", out_type(api, t)),
        Type::Any => "Any".into(),
    }
}

/// The annotation of a value a caller passes.
fn in_type(api: &Api, ty: &Type) -> String {
    match ty {
        Type::String { date_time: true } => "DateTimeLike".into(),
        Type::Ref(r) => match &api.schema(r).kind {
            SchemaKind::Alias(t) => in_type(api, t),
            SchemaKind::Enum(_) => r.clone(),
            SchemaKind::Object(_) => "Mapping[str, Any]".into(),
        },
        Type::Array(t) => format!("Sequence[{}]", in_type(api, t)),
        Type::Map(t) => format!("Mapping[str, {}]", in_type(api, t)),
        other => out_type(api, other),
    }
}

/// The expression turning JSON value `expr` into the model's value, if it needs turning.
fn decode(api: &Api, ty: &Type, expr: &str) -> Option<String> {
    match ty {
        Type::String { date_time: true } => Some(format!("parse_datetime({expr})")),
        Type::Ref(r) => match &api.schema(r).kind {
            SchemaKind::Object(_) => Some(format!("{r}({expr})")),
            SchemaKind::Alias(t) => decode(api, t, expr),
            SchemaKind::Enum(_) => None,
        },
        Type::Array(t) => Some(match decode(api, t, "x") {
            Some(d) => format!("[{d} for x in {expr}]"),
            None => format!("list({expr})"),
        }),
        Type::Map(t) => Some(match decode(api, t, "x") {
            Some(d) => format!("{{k: {d} for k, x in {expr}.items()}}"),
            None => format!("dict({expr})"),
        }),
        _ => None,
    }
}

/// Python's keywords: an argument so named gets a trailing `_`.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("{name}_")
    } else {
        name.to_owned()
    }
}

/// Text for a docstring: whitespace collapsed, `\` and `"""` escaped.
fn clean(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace("\"\"\"", "\\\"\\\"\\\"")
}

/// `text` filled into lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A docstring at `indent`: a summary paragraph, then more paragraphs (each a list of lines
/// written as given, already fitting).
fn docstring(out: &mut String, indent: &str, summary: &str, more: &[Vec<String>]) {
    let summary = clean(summary);
    let one = format!("{indent}\"\"\"{summary}\"\"\"");
    if more.is_empty() && one.chars().count() <= WIDTH && !summary.ends_with('"') {
        let _ = writeln!(out, "{one}");
        return;
    }
    let mut lines = wrap(&summary, WIDTH - indent.len() - 3);
    if more.is_empty() && lines.len() == 1 {
        // One line that fits only without its closing quotes: `ruff format` would join the
        // quotes onto it (past the line length), so wrap it into two lines instead.
        lines = wrap(&summary, WIDTH - indent.len() - 6);
    }
    let first = if lines.is_empty() {
        String::new()
    } else {
        lines.remove(0)
    };
    let _ = writeln!(out, "{indent}\"\"\"{first}");
    for l in lines {
        let _ = writeln!(out, "{indent}{l}");
    }
    for para in more {
        let _ = writeln!(out);
        for l in para {
            let _ = writeln!(out, "{indent}{l}");
        }
    }
    let _ = writeln!(out, "{indent}\"\"\"");
}

/// `name: description` lines of an `Args:` section, continuation lines indented.
fn arg_lines(args: &[(String, String)], indent: usize) -> Vec<String> {
    let mut lines = vec!["Args:".to_owned()];
    for (name, desc) in args {
        let text = format!("{name}: {}", clean(desc));
        let mut wrapped = wrap(&text, WIDTH - indent - 4);
        let first = wrapped.remove(0);
        lines.push(format!("    {first}"));
        let rest = wrap(&wrapped.join(" "), WIDTH - indent - 8);
        lines.extend(rest.into_iter().map(|l| format!("        {l}")));
    }
    lines
}

fn module(api: &Api) -> Result<String> {
    let models = models(api);
    let enums: Vec<&str> = api
        .schemas
        .iter()
        .filter(|s| matches!(s.kind, SchemaKind::Enum(_)))
        .map(|s| s.name.as_str())
        .collect();
    let mut exports: Vec<String> = enums.iter().map(|s| s.to_string()).collect();
    exports.extend(models.iter().map(|s| s.to_string()));
    for r in &api.resources {
        exports.push(r.class.clone());
        exports.push(format!("Async{}", r.class));
    }
    exports.push("Client".into());
    exports.push("AsyncClient".into());
    exports.sort();

    let mut out = super::header("#");
    out.push_str(
        "\"\"\"The per-operation surface of the SDK, generated from the spec: the response models, the\n\
         enum types, the sync and async resource classes and the two clients' resource attributes.\n\
         Each method sends its arguments to the Rust SDK's JSON dispatch by operationId (`_base.py`).\n\
         \"\"\"\n\n\
         from __future__ import annotations\n\n\
         import datetime\n\
         from collections.abc import Mapping, Sequence\n\
         from typing import Any, Literal\n\n\
         from ._base import (\n\
         \x20   AsyncClientBase,\n\
         \x20   AsyncPager,\n\
         \x20   AsyncResource,\n\
         \x20   DateTimeLike,\n\
         \x20   Model,\n\
         \x20   SyncClientBase,\n\
         \x20   SyncPager,\n\
         \x20   SyncResource,\n\
         \x20   optional,\n\
         \x20   parse_datetime,\n\
         )\n\n",
    );
    let mixins: Vec<String> = api.resources.iter().filter_map(|r| r.mixin()).collect();
    if !mixins.is_empty() {
        // The hand-written methods of resources that call no endpoint (`local_methods:`).
        // In the same import block as `._base` (isort order), so `ruff` is content.
        out.pop();
        let _ = write!(out, "from ._mixins import {}\n\n", mixins.join(", "));
    }
    out.push_str("__all__ = [\n");
    for e in &exports {
        let _ = writeln!(out, "    \"{e}\",");
    }
    out.push_str("]\n");

    for name in &enums {
        let s = api.schema(name);
        let SchemaKind::Enum(values) = &s.kind else {
            continue;
        };
        let literal = values
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(", ");
        out.push('\n');
        let line = format!("{name} = Literal[{literal}]");
        if line.len() <= WIDTH {
            let _ = writeln!(out, "{line}");
        } else {
            let _ = writeln!(out, "{name} = Literal[");
            for v in values {
                let _ = writeln!(out, "    \"{v}\",");
            }
            let _ = writeln!(out, "]");
        }
        docstring(&mut out, "", &s.description, &[]);
    }

    for name in &models {
        model(api, name, &mut out);
    }
    for r in &api.resources {
        for asyncio in [false, true] {
            resource(api, r, asyncio, &mut out)?;
        }
    }
    for asyncio in [false, true] {
        client(api, asyncio, &mut out);
    }
    Ok(out)
}

fn model(api: &Api, name: &str, out: &mut String) {
    let s = api.schema(name);
    let fields = api.fields(name);
    let _ = write!(out, "\n\nclass {name}(Model):\n");
    docstring(out, "    ", &s.description, &[]);
    out.push('\n');
    let mut slots: Vec<String> = fields.iter().map(|f| format!("_{}", f.name)).collect();
    slots.sort();
    tuple(out, "__slots__", &slots);
    let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    tuple(out, "_fields", &names);
    for f in fields {
        let _ = writeln!(out, "    _{}: {}", f.name, field_type(api, f));
    }
    out.push_str(
        "\n    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:\n",
    );
    out.push_str("        super().__init__(data, request_id)\n");
    for f in fields {
        let always = f.required && !f.nullable;
        let value = if always {
            let raw = format!("data[\"{}\"]", f.name);
            decode(api, &f.ty, &raw).unwrap_or(raw)
        } else {
            let raw = format!("data.get(\"{}\")", f.name);
            match decode(api, &f.ty, "v") {
                None => raw,
                Some(d) if d == "parse_datetime(v)" => format!("optional(parse_datetime, {raw})"),
                Some(d) => match d.strip_suffix("(v)") {
                    Some(class) if !class.contains('(') => format!("optional({class}, {raw})"),
                    _ => format!("optional(lambda v: {d}, {raw})"),
                },
            }
        };
        let _ = writeln!(out, "        self._{} = {value}", f.name);
    }
    for f in fields {
        out.push_str("\n    @property\n");
        let _ = writeln!(
            out,
            "    def {}(self) -> {}:",
            ident(&f.name),
            field_type(api, f)
        );
        let desc = if f.description.is_empty() {
            format!("The `{}` field.", f.name)
        } else {
            f.description.clone()
        };
        docstring(out, "        ", &desc, &[]);
        let _ = writeln!(out, "        return self._{}", f.name);
    }
}

/// A class attribute holding a tuple of strings, as `ruff format` writes it (one element stays
/// on one line; more keep their magic trailing comma).
fn tuple(out: &mut String, name: &str, items: &[String]) {
    if let [one] = items {
        let _ = writeln!(out, "    {name} = (\"{one}\",)");
        return;
    }
    let _ = writeln!(out, "    {name} = (");
    for i in items {
        let _ = writeln!(out, "        \"{i}\",");
    }
    let _ = writeln!(out, "    )");
}

fn field_type(api: &Api, f: &super::model::Field) -> String {
    let t = out_type(api, &f.ty);
    if f.required && !f.nullable {
        t
    } else {
        format!("{t} | None")
    }
}

/// One argument of a method: (python name, spec name, annotation, required, description).
struct Arg {
    name: String,
    spec: String,
    ty: String,
    required: bool,
    doc: String,
}

fn args(api: &Api, op: &Operation) -> (Vec<Arg>, Vec<Arg>) {
    let mut positional: Vec<Arg> = op
        .path_params
        .iter()
        .map(|p| Arg {
            name: ident(&p.name),
            spec: p.name.clone(),
            ty: in_type(api, &p.ty),
            required: true,
            doc: p.description.clone(),
        })
        .collect();
    let mut keywords = Vec::new();
    if let Some(body) = &op.body {
        for f in api.fields(body) {
            let arg = Arg {
                name: ident(&f.name),
                spec: f.name.clone(),
                ty: in_type(api, &f.ty),
                required: f.required,
                doc: f.description.clone(),
            };
            if op.positional.as_deref() == Some(f.name.as_str()) {
                positional.push(arg);
            } else {
                keywords.push(arg);
            }
        }
    }
    for q in &op.query {
        keywords.push(Arg {
            name: ident(&q.name),
            spec: q.name.clone(),
            ty: in_type(api, &q.ty),
            required: q.required,
            doc: q.description.clone(),
        });
    }
    // required keywords first, each group in spec order
    keywords.sort_by_key(|a| !a.required);
    (positional, keywords)
}

fn resource(api: &Api, r: &Resource, asyncio: bool, out: &mut String) -> Result<()> {
    let (name, class, doc) = (&r.name, &r.class, &r.doc);
    let (prefix, base) = if asyncio {
        ("Async", "AsyncResource")
    } else {
        ("", "SyncResource")
    };
    // Local methods (`verify`, `unwrap`) come from the hand-written mixin, the same for both.
    let bases = match r.mixin() {
        Some(m) => format!("{m}, {base}"),
        None => base.to_owned(),
    };
    let _ = write!(out, "\n\nclass {prefix}{class}({bases}):\n");
    let mut more = Vec::new();
    for m in &r.local {
        more.push(wrap(
            &format!(
                "`{}` (in the SDK, no request; the same on `Client` and `AsyncClient`): {}",
                m.name,
                clean(&m.doc)
            ),
            WIDTH - 4,
        ));
    }
    docstring(out, "    ", doc, &more);
    let mut any = false;
    for op in api.operations_of(name) {
        any = true;
        method(api, op, asyncio, out)?;
    }
    if !any {
        bail!("resource `{name}` has no operations");
    }
    Ok(())
}

fn method(api: &Api, op: &Operation, asyncio: bool, out: &mut String) -> Result<()> {
    let (positional, keywords) = args(api, op);
    let item = op.list.as_ref().map(|l| l.item.as_str());
    let returns = match (item, asyncio) {
        (Some(i), false) => format!("SyncPager[{i}]"),
        (Some(i), true) => format!("AsyncPager[{i}]"),
        (None, _) => op.response.clone(),
    };
    let def = if asyncio && item.is_none() {
        "async def"
    } else {
        "def"
    };
    let _ = write!(out, "\n    {def} {}(\n        self,\n", op.method);
    for a in &positional {
        let _ = writeln!(out, "        {}: {},", a.name, a.ty);
    }
    out.push_str("        *,\n");
    for a in &keywords {
        if a.required {
            let _ = writeln!(out, "        {}: {},", a.name, a.ty);
        } else {
            let _ = writeln!(out, "        {}: {} | None = None,", a.name, a.ty);
        }
    }
    if op.idempotent {
        out.push_str("        idempotency_key: str | None = None,\n");
    }
    out.push_str("        timeout: float | None = None,\n");
    out.push_str("        max_retries: int | None = None,\n");
    out.push_str("        extra_headers: Mapping[str, str] | None = None,\n");
    let _ = writeln!(out, "    ) -> {returns}:");

    let summary = op.summary.trim_end_matches('.');
    let head = format!("{summary} (`{}`, `{} {}`).", op.id, op.http_method, op.path);
    let mut more = Vec::new();
    if item.is_some() {
        more.push(wrap(
            if asyncio {
                "`async for` over the pager yields every item, fetching page after page; \
                 `await pager.first_page()` fetches one page."
            } else {
                "Iterating the pager yields every item, fetching page after page; \
                 `pager.first_page()` fetches one page."
            },
            WIDTH - 8,
        ));
    }
    let mut docs: Vec<(String, String)> = positional
        .iter()
        .chain(&keywords)
        .map(|a| (a.name.clone(), a.doc.clone()))
        .collect();
    if op.idempotent {
        docs.push((
            "idempotency_key".into(),
            "Sent as `Idempotency-Key`; by default each call gets a fresh key that its \
             retries reuse."
                .into(),
        ));
    }
    docs.push((
        "timeout".into(),
        "Seconds per attempt for this call, instead of the client's.".into(),
    ));
    docs.push((
        "max_retries".into(),
        "Retries for this call, instead of the client's.".into(),
    ));
    docs.push((
        "extra_headers".into(),
        "Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end user).".into(),
    ));
    more.push(arg_lines(&docs, 8));
    docstring(out, "        ", &head, &more);

    let all: Vec<&Arg> = positional.iter().chain(&keywords).collect();
    if all.is_empty() {
        out.push_str("        args: dict[str, Any] = {}\n");
    } else {
        out.push_str("        args: dict[str, Any] = {\n");
        for a in &all {
            let _ = writeln!(out, "            \"{}\": {},", a.spec, a.name);
        }
        out.push_str("        }\n");
    }
    let key = if op.idempotent {
        "idempotency_key"
    } else {
        "None"
    };
    match (item, asyncio) {
        (Some(i), false) => {
            let args = format!(
                "self._core, \"{}\", args, {i}, timeout, extra_headers, max_retries",
                op.id
            );
            out.push_str(&call_lines("        return SyncPager(", &args));
        }
        (Some(i), true) => {
            let args = format!(
                "self._core, \"{}\", args, {i}, timeout, extra_headers, max_retries",
                op.id
            );
            out.push_str(&call_lines("        return AsyncPager(", &args));
        }
        (None, asyncio) => {
            let wait = if asyncio { "await " } else { "" };
            let args = format!(
                "\"{}\", args, {key}, timeout, extra_headers, max_retries",
                op.id
            );
            out.push_str(&call_lines(
                &format!("        data, request_id = {wait}self._call("),
                &args,
            ));
            let _ = writeln!(out, "        return {}(data, request_id)", op.response);
        }
    }
    Ok(())
}

fn client(api: &Api, asyncio: bool, out: &mut String) {
    let (prefix, base, doc) = if asyncio {
        (
            "Async",
            "AsyncClientBase",
            "The asyncio client: every method is a coroutine (lists answer an async pager), \
             completed by the SDK's runtime without blocking the event loop. The same arguments \
             as `Client`.",
        )
    } else {
        (
            "",
            "SyncClientBase",
            "The synchronous client: calls wait with the GIL released, so threads sharing one \
             client run their calls in parallel.",
        )
    };
    let _ = write!(out, "\n\nclass {prefix}Client({base}):\n");
    docstring(
        out,
        "    ",
        doc,
        &[wrap(
            "`base_url` and `api_key` default to INVITES_BASE_URL and INVITES_API_KEY; `timeout` \
             is per attempt in seconds (default 60); `max_retries` defaults to 2 (0 disables).",
            WIDTH - 4,
        )],
    );
    for r in &api.resources {
        out.push_str("\n    @property\n");
        let _ = writeln!(out, "    def {}(self) -> {prefix}{}:", r.name, r.class);
        docstring(out, "        ", &r.doc, &[]);
        let _ = writeln!(out, "        return {prefix}{}(self._core)", r.class);
    }
}

/// A call as `ruff format` writes it: on one line when it fits, else its arguments on the next
/// line, else one argument per line.
fn call_lines(open: &str, args: &str) -> String {
    let indent = open.len() - open.trim_start().len();
    let one = format!("{open}{args})");
    if one.chars().count() <= WIDTH {
        return format!("{one}\n");
    }
    let inner = " ".repeat(indent + 4);
    let two = format!("{inner}{args}");
    if two.chars().count() <= WIDTH {
        return format!("{open}\n{two}\n{})\n", " ".repeat(indent));
    }
    let mut out = format!("{open}\n");
    for a in args.split(", ") {
        out.push_str(&format!("{inner}{a},\n"));
    }
    out.push_str(&format!("{})\n", " ".repeat(indent)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_gets_a_sync_and_an_async_method() {
        let api = Api::load().unwrap();
        let text = module(&api).unwrap();
        for op in &api.operations {
            let calls = text.matches(&format!("\"{}\",", op.id)).count();
            assert_eq!(calls, 2, "{} is called {calls} times", op.id);
        }
        assert!(text.contains("class AsyncInvites(AsyncResource):"));
        assert!(text.contains("    async def create_batch(\n"));
        assert!(text.contains(
            "        self._expires_at = optional(parse_datetime, data.get(\"expires_at\"))"
        ));
        assert!(text.contains("InviteStatus = Literal["));
    }

    #[test]
    fn an_operation_added_to_the_spec_appears_in_both_classes_with_no_hand_edit() {
        let root = crate::root();
        let spec = std::fs::read_to_string(root.join("spec/invites.yaml")).unwrap();
        let names = std::fs::read_to_string(root.join(super::super::model::NAMES)).unwrap();
        let added = "paths:
  /v1/organization/rename:
    post:
      operationId: renameOrganization
      summary: Rename the organization.
      tags: [organizations]
      parameters:
        - $ref: \"#/components/parameters/IdempotencyKey\"
        - { name: dry_run, in: query, required: false, schema: { type: boolean } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: \"#/components/schemas/OrganizationCreate\" }
      responses:
        \"200\":
          description: The renamed organization.
          content:
            application/json:
              schema: { $ref: \"#/components/schemas/Organization\" }
";
        let spec = spec.replacen("paths:\n", added, 1);
        let names = names.replacen(
            "operations:\n",
            "operations:\n  renameOrganization: { resource: organizations, method: rename, body: org }\n",
            1,
        );
        let api = Api::from_texts(&spec, &names).unwrap();
        let text = module(&api).unwrap();
        let sync = text
            .split("class Organizations(SyncResource):")
            .nth(1)
            .unwrap();
        let asyncio = text
            .split("class AsyncOrganizations(AsyncResource):")
            .nth(1)
            .unwrap();
        for (class, def) in [
            (sync, "    def rename(\n"),
            (asyncio, "    async def rename(\n"),
        ] {
            let method = &class[class.find(def).expect(def)..];
            let method = &method[..method
                .find("return Organization(data, request_id)")
                .unwrap()];
            for arg in [
                "        name: str,\n",
                "        roles: Sequence[str] | None = None,\n",
                "        dry_run: bool | None = None,\n",
                "        idempotency_key: str | None = None,\n",
                "    ) -> Organization:\n",
                "Rename the organization (`renameOrganization`, `POST /v1/organization/rename`).",
                "\"renameOrganization\", args, idempotency_key, timeout, extra_headers, max_retries",
            ] {
                assert!(method.contains(arg), "{def}: no `{arg}` in\n{method}");
            }
        }
    }

    #[test]
    fn no_line_is_longer_than_the_package_allows() {
        let text = module(&Api::load().unwrap()).unwrap();
        for line in text.lines() {
            assert!(line.chars().count() <= WIDTH, "too long: {line}");
        }
    }

    #[test]
    fn docstrings_wrap_and_escape() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(
            clean("say \"\"\"hi\"\"\"\n  now"),
            "say \\\"\\\"\\\"hi\\\"\\\"\\\" now"
        );
    }
}
