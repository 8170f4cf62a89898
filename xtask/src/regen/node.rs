//! The Node face's per-operation code, from the model of the spec:
//!
//! - `bindings/node/operations.js`: the table `index.js` builds the resource classes and their
//!   methods from (each method's operationId, argument order and kind);
//! - `bindings/node/index.mjs`: the ES module entry point, naming every export (resources
//!   included) so `import { Invites } from 'invites-sdk'` works;
//! - `bindings/node/index.d.ts`: the declarations: camelCase models, list parameters, one class
//!   per resource with the spec's docs on every method (`index.d.mts` re-exports it);
//! - `bindings/node/src/maps.rs`: the fields whose values are free-form maps, whose keys the addon
//!   never renames.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use anyhow::{Result, bail};

use super::model::{Api, Limits, Operation, SchemaKind, Type, camel};

/// The generated files, relative to the workspace root.
pub const OPERATIONS: &str = "bindings/node/operations.js";
/// The ES module entry point.
pub const INDEX_MJS: &str = "bindings/node/index.mjs";
/// The declarations.
pub const INDEX_DTS: &str = "bindings/node/index.d.ts";
/// The addon's list of map fields.
pub const MAPS: &str = "bindings/node/src/maps.rs";

/// What `index.js` exports besides the resource classes and the error classes (the naming
/// table's `errors:`, between these two), in declaration order.
const EXPORTS: &[&str] = &["Page", "PagePromise"];

/// Every Node file.
pub fn generate(api: &Api) -> Result<Vec<(String, String)>> {
    Ok(vec![
        (OPERATIONS.to_owned(), operations(api)?),
        (INDEX_MJS.to_owned(), index_mjs(api)),
        (INDEX_DTS.to_owned(), dts(api)?),
        (MAPS.to_owned(), super::rust_sdk::rustfmt(&maps(api))?),
    ])
}

/// A JavaScript string literal.
fn js(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

fn operations(api: &Api) -> Result<String> {
    let mut o = super::header("//");
    o.push_str(
        "// The client's resources (`client.<name>`), each with its methods: `operation` is the\n\
         // operationId the addon calls; a method takes the `args` in order (path parameters, or a\n\
         // body field passed as a plain string), then for `rest: \"body\"` the request body object\n\
         // or for `rest: \"params\"` the optional list parameters, then the per-call options. A\n\
         // `list` method returns a PagePromise. `local` methods call no endpoint: `index.js` takes\n\
         // them from the resource's hand-written mixin (`mixins.js`).\n\
         'use strict'\n\n\
         module.exports = [\n",
    );
    for r in &api.resources {
        let _ = writeln!(
            o,
            "  {{\n    name: {},\n    cls: {},\n    doc: {},\n    methods: {{",
            js(&camel(&r.name)),
            js(&r.class),
            js(&r.doc)
        );
        for op in api.operations_of(&r.name) {
            let args: Vec<String> = op
                .path_params
                .iter()
                .map(|p| p.name.as_str())
                .chain(op.positional.as_deref())
                .map(|n| js(&camel(n)))
                .collect();
            let rest = if op.list.is_some() {
                "\"params\""
            } else if op.body.is_some() && op.positional.is_none() {
                "\"body\""
            } else if !op.query.is_empty() {
                bail!("`{}`: query parameters on a non-list operation", op.id);
            } else {
                "null"
            };
            let _ = writeln!(
                o,
                "      {}: {{ operation: {}, args: [{}], rest: {rest}, list: {} }},",
                camel(&op.method),
                js(&op.id),
                args.join(", "),
                op.list.is_some()
            );
        }
        o.push_str("    },\n");
        if !r.local.is_empty() {
            let names: Vec<String> = r.local.iter().map(|m| js(&camel(&m.name))).collect();
            let _ = writeln!(o, "    local: [{}],", names.join(", "));
        }
        o.push_str("  },\n");
    }
    o.push_str("]\n");
    Ok(o)
}

fn index_mjs(api: &Api) -> String {
    let mut o = super::header("//");
    o.push_str(
        "// The ES module entry point: the same objects as the CommonJS one (one addon, one class\n\
         // identity), each export named so Node's ESM loader sees it.\n\
         import { createRequire } from 'node:module'\n\n\
         const require = createRequire(import.meta.url)\n\
         const sdk = require('./index.js')\n\n\
         export const {\n  Client,\n",
    );
    for name in api
        .resources
        .iter()
        .map(|r| r.class.as_str())
        .chain(EXPORTS.iter().copied())
        .chain(api.errors.iter().map(|e| e.name.as_str()))
        .chain(["VERSION"])
    {
        let _ = writeln!(o, "  {name},");
    }
    o.push_str("} = sdk\nexport default sdk.Client\n");
    o
}

fn maps(api: &Api) -> String {
    let mut names = BTreeSet::new();
    // A name that is something else in another schema (`data`: an event's free-form object,
    // and every list's page of models) cannot be kept verbatim by its name alone: its values
    // are renamed like any other (an event's objects are the API's, camelCase in Node too).
    let mut elsewhere = BTreeSet::new();
    for s in &api.schemas {
        if let SchemaKind::Object(fields) = &s.kind {
            for f in fields {
                if is_map(api, &f.ty) {
                    names.insert(f.name.clone());
                } else {
                    elsewhere.insert(f.name.clone());
                }
            }
        }
    }
    names.retain(|n| !elsewhere.contains(n));
    let list: Vec<String> = names.iter().map(|n| js(n)).collect();
    format!(
        "{}//! The fields whose value is a free-form map: their keys are the user's, never renamed.\n\n\
         /// Their spec (snake_case) names; renaming keys skips their values.\n\
         pub const VERBATIM: &[&str] = &[{}];\n",
        super::header("//"),
        list.join(", ")
    )
}

fn is_map(api: &Api, ty: &Type) -> bool {
    match ty {
        Type::Map(_) | Type::Any => true,
        Type::Ref(r) => matches!(&api.schema(r).kind, SchemaKind::Alias(t) if is_map(api, t)),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// index.d.ts

/// Spec names (fields, parameters): prose that quotes one (`expires_at`) shows it as Node
/// spells it.
struct Prose(BTreeSet<String>);

impl Prose {
    fn new(api: &Api) -> Self {
        let mut names = BTreeSet::new();
        for s in &api.schemas {
            if let SchemaKind::Object(fields) = &s.kind {
                names.extend(fields.iter().map(|f| f.name.clone()));
            }
        }
        for op in &api.operations {
            names.extend(op.params().map(|p| p.name.clone()));
        }
        Self(names)
    }

    fn line(&self, line: &str) -> String {
        let mut out = String::with_capacity(line.len());
        for (i, part) in line.split('`').enumerate() {
            if i > 0 {
                out.push('`');
            }
            let ident = part.starts_with(|c: char| c.is_ascii_lowercase())
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if i % 2 == 1 && ident && part.contains('_') && self.0.contains(part) {
                out.push_str(&camel(part));
            } else {
                out.push_str(part);
            }
        }
        out
    }

    /// A doc comment of `lines` (each may hold newlines), or nothing when they are empty.
    fn doc(&self, lines: &[String], indent: &str) -> String {
        let mut text: Vec<String> = lines
            .iter()
            .flat_map(|l| {
                l.trim_end()
                    .split('\n')
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .map(|l| self.line(l.trim_end()).replace("*/", "*\\/"))
            .collect();
        while text.last().is_some_and(|l| l.trim().is_empty()) {
            text.pop();
        }
        match text.len() {
            0 => String::new(),
            1 => format!("{indent}/** {} */\n", text[0]),
            _ => {
                let mut o = format!("{indent}/**\n");
                for l in text {
                    if l.is_empty() {
                        let _ = writeln!(o, "{indent} *");
                    } else {
                        let _ = writeln!(o, "{indent} * {l}");
                    }
                }
                let _ = writeln!(o, "{indent} */");
                o
            }
        }
    }
}

/// `description` when there is one.
fn some(text: &str) -> Vec<String> {
    if text.is_empty() {
        vec![]
    } else {
        vec![text.to_owned()]
    }
}

fn example(e: &Option<String>) -> Vec<String> {
    e.iter().map(|e| format!("@example {e}")).collect()
}

fn range<T: std::fmt::Display>(min: Option<T>, max: Option<T>, unit: &str) -> Option<String> {
    match (min, max) {
        (Some(a), Some(b)) => Some(format!("{a} to {b}{unit}")),
        (None, Some(b)) => Some(format!("at most {b}{unit}")),
        (Some(a), None) => Some(format!("at least {a}{unit}")),
        (None, None) => None,
    }
}

fn constraints(l: &Limits) -> Vec<String> {
    let c: Vec<String> = [
        range(l.min_length, l.max_length, " characters"),
        range(l.min_items, l.max_items, " items"),
        range(l.minimum, l.maximum, ""),
        l.pattern.as_ref().map(|p| format!("pattern `{p}`")),
        l.format.as_ref().map(|f| format!("format `{f}`")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if c.is_empty() {
        vec![]
    } else {
        vec![format!("Constraints: {}.", c.join("; "))]
    }
}

/// The TypeScript type; `input` lets date-times be `Date`s too.
fn ts(ty: &Type, input: bool) -> String {
    match ty {
        Type::String { date_time: true } if input => "string | Date".into(),
        Type::String { .. } => "string".into(),
        Type::Integer { .. } | Type::Number => "number".into(),
        Type::Boolean => "boolean".into(),
        Type::Ref(r) => r.clone(),
        Type::Array(item) => {
            let item = ts(item, input);
            if item.contains(['|', '&']) {
                format!("Array<{item}>")
            } else {
                format!("{item}[]")
            }
        }
        Type::Map(v) => format!("{{ [key: string]: {} }}", ts(v, input)),
        Type::Any => "Record<string, unknown>".into(),
    }
}

/// Request-body schemas and what they reference: their date-times also take `Date`.
fn inputs(api: &Api) -> BTreeSet<String> {
    fn visit(api: &Api, ty: &Type, seen: &mut BTreeSet<String>) {
        match ty {
            Type::Ref(r) if seen.insert(r.clone()) => match &api.schema(r).kind {
                SchemaKind::Object(fields) => {
                    for f in fields {
                        visit(api, &f.ty, seen);
                    }
                }
                SchemaKind::Alias(t) => visit(api, t, seen),
                SchemaKind::Enum(_) => {}
            },
            Type::Array(t) | Type::Map(t) => visit(api, t, seen),
            _ => {}
        }
    }
    let mut seen = BTreeSet::new();
    for op in &api.operations {
        if let Some(b) = &op.body {
            visit(api, &Type::Ref(b.clone()), &mut seen);
        }
    }
    seen
}

/// The error class a Node caller catches for an HTTP status: the naming table's mapping, the
/// one `Error::class_name` uses, so the docs cannot disagree with what is thrown.
fn error_class<'a>(api: &'a Api, status: &str) -> &'a str {
    super::errors::class_for_status(&api.errors, status.parse().unwrap_or(0))
}

fn models(api: &Api, p: &Prose, o: &mut String) {
    let inputs = inputs(api);
    for s in &api.schemas {
        let input = inputs.contains(&s.name);
        match &s.kind {
            SchemaKind::Object(fields) => {
                let mut head = some(&s.description);
                if input {
                    head.push(String::new());
                    head.push(
                        "A request body: the SDK checks its constraints before sending.".into(),
                    );
                }
                o.push_str(&p.doc(&head, ""));
                let _ = writeln!(o, "export interface {} {{", s.name);
                for f in fields {
                    let mut lines = some(&f.description);
                    if input {
                        lines.extend(constraints(&f.limits));
                    }
                    lines.extend(example(&f.example));
                    o.push_str(&p.doc(&lines, "  "));
                    let opt = if f.required { "" } else { "?" };
                    let null = if f.nullable { " | null" } else { "" };
                    let _ = writeln!(o, "  {}{opt}: {}{null}", camel(&f.name), ts(&f.ty, input));
                }
                o.push_str("}\n\n");
            }
            SchemaKind::Enum(values) => {
                o.push_str(&p.doc(&some(&s.description), ""));
                let values: Vec<String> = values.iter().map(|v| js(v)).collect();
                let _ = writeln!(o, "export type {} = {}\n", s.name, values.join(" | "));
            }
            SchemaKind::Alias(t) => {
                let mut lines = some(&s.description);
                lines.extend(constraints(&s.limits));
                lines.extend(example(&s.example));
                o.push_str(&p.doc(&lines, ""));
                let _ = writeln!(o, "export type {} = {}\n", s.name, ts(t, input));
            }
        }
    }
}

/// The TypeScript name of a list's parameters (`ListInvites` → `ListInvitesParams`).
fn params_type(op: &Operation) -> Option<String> {
    op.list.as_ref().map(|l| format!("{}Params", l.params))
}

fn params_interfaces(api: &Api, p: &Prose, o: &mut String) {
    for op in &api.operations {
        let Some(name) = params_type(op) else {
            continue;
        };
        o.push_str(&p.doc(
            &[format!(
                "Filters and paging for `{}.{}` (`{}`).",
                camel(&op.resource),
                camel(&op.method),
                op.id
            )],
            "",
        ));
        let _ = writeln!(o, "export interface {name} {{");
        for q in &op.query {
            let mut lines = some(&q.description);
            lines.extend(constraints(&q.limits));
            lines.extend(example(&q.example));
            o.push_str(&p.doc(&lines, "  "));
            let opt = if q.required { "" } else { "?" };
            let _ = writeln!(o, "  {}{opt}: {}", camel(&q.name), ts(&q.ty, true));
        }
        o.push_str("}\n\n");
    }
}

fn method(api: &Api, p: &Prose, op: &Operation) -> String {
    // (name, type, optional, doc)
    let mut args: Vec<(String, String, bool, String)> = op
        .path_params
        .iter()
        .map(|a| {
            (
                camel(&a.name),
                "string".into(),
                false,
                a.description.clone(),
            )
        })
        .collect();
    if let Some(body) = &op.body {
        if let Some(field) = &op.positional {
            let f = api.fields(body).iter().find(|f| &f.name == field);
            let doc = f.map(|f| f.description.clone()).unwrap_or_default();
            args.push((camel(field), "string".into(), false, doc));
        } else {
            let name = op.body_arg.clone().unwrap_or_else(|| "body".into());
            args.push((
                name,
                body.clone(),
                false,
                api.schema(body).description.clone(),
            ));
        }
    }
    if let Some(t) = params_type(op) {
        args.push(("params".into(), t, true, "Filters and paging.".into()));
    }
    args.push((
        "options".into(),
        "RequestOptions".into(),
        true,
        "Per-call idempotency key, timeout and retries.".into(),
    ));
    let returns = match &op.list {
        Some(l) => format!("PagePromise<{}>", l.item),
        None => format!("APIPromise<{}>", op.response),
    };
    let mut lines = some(&op.summary);
    lines.extend(some(&op.description));
    lines.push(String::new());
    lines.push(format!(
        "`{} {}` (operationId `{}`).",
        op.http_method, op.path, op.id
    ));
    if op.list.is_some() {
        lines.push(String::new());
        lines.push(
            "Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or"
                .into(),
        );
        lines.push("walk every item of every page with `for await`.".into());
    }
    lines.push(String::new());
    for (name, _, _, doc) in &args {
        let doc = doc.trim().split('\n').collect::<Vec<_>>().join(" ");
        lines.push(format!("@param {name} {doc}"));
    }
    lines.push(format!(
        "@returns {}: {}{}",
        op.status,
        op.response_description,
        if op.list.is_some() {
            " (`data` items)"
        } else {
            ""
        }
    ));
    let mut seen = BTreeSet::new();
    for e in &op.errors {
        let line = format!(
            "@throws {{{}}} {}: {}",
            error_class(api, &e.status),
            e.status,
            e.description
        );
        if seen.insert(line.clone()) {
            lines.push(line);
        }
    }
    lines.push(
        "@throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long)."
            .into(),
    );
    lines.push(
        "@throws {InvalidArgumentError} an argument refused before sending (a BadRequestError)."
            .into(),
    );
    let sig: Vec<String> = args
        .iter()
        .map(|(n, t, opt, _)| format!("{n}{}: {t}", if *opt { "?" } else { "" }))
        .collect();
    format!(
        "{}  {}({}): {returns}\n",
        p.doc(&lines, "  "),
        camel(&op.method),
        sig.join(", ")
    )
}

fn dts(api: &Api) -> Result<String> {
    let p = Prose::new(api);
    let mut o = super::header("//");
    let _ = writeln!(o, "// {} {}\n//", api.info.title, api.info.version);
    for l in api.info.description.lines() {
        let _ = writeln!(o, "{}", format!("// {l}").trim_end());
    }
    o.push('\n');
    let mixins: Vec<String> = api.resources.iter().filter_map(|r| r.mixin()).collect();
    if !mixins.is_empty() {
        // The hand-written methods of resources that call no endpoint (`local_methods:`).
        let _ = writeln!(o, "import {{ {} }} from './mixins'\n", mixins.join(", "));
    }
    o.push_str(OPTIONS);
    o.push('\n');
    o.push_str(ERRORS);
    o.push_str(
        "\n// ---------------------------------------------------------------------------------------------\n\
         // Models (camelCase; the wire uses snake_case)\n\n",
    );
    models(api, &p, &mut o);
    o.push_str(
        "// ---------------------------------------------------------------------------------------------\n\
         // List parameters\n\n",
    );
    params_interfaces(api, &p, &mut o);
    o.push_str(
        "// ---------------------------------------------------------------------------------------------\n\
         // Resources\n\n",
    );
    for r in &api.resources {
        o.push_str(&p.doc(std::slice::from_ref(&r.doc), ""));
        // Local methods (`verify`, `unwrap`) are declared with the mixin (mixins.d.ts).
        let extends = r
            .mixin()
            .map(|m| format!(" extends {m}"))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "export declare class {}{extends} {{\n  private constructor()",
            r.class
        );
        for op in api.operations_of(&r.name) {
            o.push_str(&method(api, &p, op));
        }
        o.push_str("}\n\n");
    }
    o.push_str(CLIENT);
    for r in &api.resources {
        o.push_str(&p.doc(std::slice::from_ref(&r.doc), "  "));
        let _ = writeln!(o, "  readonly {}: {}", camel(&r.name), r.class);
    }
    o.push_str("}\n\n/** The package version. */\nexport declare const VERSION: string\n\nexport default Client\n");
    Ok(o)
}

const CLIENT: &str = r#"/**
 * A client for the Invites API. One client serves any number of concurrent calls; every method
 * returns a Promise and runs in the Rust SDK (retries, idempotency keys, timeouts, pagination).
 *
 * @example
 * const client = new Client({ baseUrl: 'http://127.0.0.1:8080', apiKey: process.env.INVITES_API_KEY })
 * const invite = await client.invites.create({ emails: ['ada@example.com'], roles: ['developer'] })
 */
export declare class Client {
  /**
   * @throws {InvalidArgumentError} a missing or malformed base URL or API key, or a bad option.
   */
  constructor(options?: ClientOptions)
  /** The base URL calls go to. */
  readonly baseUrl: string
"#;

const ERRORS: &str = r#"/**
 * Base class of every error this package throws. Python's SDK raises the same classes with the
 * same `status`, `type`, `param` and `requestId` for the same failure.
 */
export declare class InvitesError extends Error {
  /** HTTP status of the answer, when there was one. */
  readonly status: number | null
  /**
   * The error's type: the API's (`not_found`, `invite_exhausted`, …) when the server answered
   * with an error, else `connection_error`, `timeout`, `invalid_argument`, `invalid_config` or
   * `decode_error`; `null` only for an error of this package's own (`getNextPage()` on the
   * last page).
   */
  readonly type: ErrorType | (string & {}) | null
  /** The request field at fault (top-level, camelCase: `emails`, not `emails[0]`), when known. */
  readonly param: string | null
  /** The server's request id (`req_…`) of the last attempt, when one was answered. */
  readonly requestId: string | null
}
/** The server answered with an error status (or, for `InvalidArgumentError`, would have). */
export declare class APIStatusError extends InvitesError {
  /** The HTTP status; `null` only for an `InvalidArgumentError` (nothing was sent). */
  readonly status: number | null
  readonly type: ErrorType | (string & {})
  /** Seconds the server asked to wait (`Retry-After`), if it did. */
  readonly retryAfter: number | null
}
/**
 * 400 `invalid_request`: the request is malformed; `param` names the field. Also the base of
 * `InvalidArgumentError`, so one `instanceof BadRequestError` catches a bad value whether the
 * SDK or the server refused it.
 */
export declare class BadRequestError extends APIStatusError {}
/** 401 `unauthorized`: the bearer token is missing or unknown. */
export declare class AuthenticationError extends APIStatusError {
  readonly status: number
}
/** 403 `invite_disabled` or `email_not_allowed`. */
export declare class PermissionDeniedError extends APIStatusError {
  readonly status: number
}
/** 404 `not_found`: no such resource in the caller's organization. */
export declare class NotFoundError extends APIStatusError {
  readonly status: number
}
/** 409 `conflict`, `already_member` or `invite_exhausted`. */
export declare class ConflictError extends APIStatusError {
  readonly status: number
}
/** 410 `invite_expired` or `invite_revoked`. */
export declare class GoneError extends APIStatusError {
  readonly status: number
}
/** 413 `payload_too_large`: the body is over the server's limit. */
export declare class PayloadTooLargeError extends APIStatusError {
  readonly status: number
}
/** 429 `rate_limited`: too many requests or failed attempts; see `retryAfter`. */
export declare class RateLimitError extends APIStatusError {
  readonly status: number
}
/** 5xx `internal` or `unavailable`: the server failed (after the retries). */
export declare class InternalServerError extends APIStatusError {
  readonly status: number
}
/** No answer (`connection_error`): the connection was refused, reset or closed (after the retries). */
export declare class APIConnectionError extends InvitesError {
  readonly type: ErrorType | (string & {})
}
/** An attempt took longer than the timeout (`timeout`, after the retries). */
export declare class APITimeoutError extends APIConnectionError {}
/** A success answer whose body did not match the spec (`decode_error`). */
export declare class APIResponseValidationError extends InvitesError {
  readonly type: ErrorType | (string & {})
}
/**
 * An argument (`invalid_argument`) or the client's configuration (`invalid_config`) was refused
 * before anything was sent; `param` names it. A `BadRequestError` whose `status` is `null`.
 */
export declare class InvalidArgumentError extends BadRequestError {
  readonly status: null
  readonly requestId: null
}
/**
 * A webhook delivery did not verify (`webhooks.verify` / `webhooks.unwrap`); `type` says why and
 * `param` names the header at fault. Answer such a request with 400 and ignore it.
 */
export declare class WebhookVerificationError extends InvitesError {
  readonly status: null
  readonly type:
    | 'webhook_missing_header'
    | 'webhook_invalid_header'
    | 'webhook_invalid_signature'
    | 'webhook_invalid_payload'
    | 'webhook_timestamp'
  readonly requestId: null
}
/**
 * A correctly signed webhook delivery whose `webhook-timestamp` is more than 5 minutes from the
 * receiver's clock (`webhook_timestamp`): a replayed delivery, or a clock that is off.
 */
export declare class WebhookTimestampError extends WebhookVerificationError {
  readonly type: 'webhook_timestamp'
}
"#;

const OPTIONS: &str = r#"/** How to reach the API. Anything left out falls back to the environment, then to defaults. */
export interface ClientOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`. Default: `INVITES_BASE_URL`. */
  baseUrl?: string
  /** An organization API key (`ik_…`), or the admin token for `organizations.create`. Default: `INVITES_API_KEY`. */
  apiKey?: string
  /** Per-attempt timeout in milliseconds. Default: 60000. */
  timeout?: number
  /** Retries after a connection error, timeout, 408, 429 or 5xx, with backoff; 0 disables. Default: 2. */
  maxRetries?: number
  /** The `User-Agent` header. Default: `invites-sdk-node/<version> (node <version>; <platform>)`. */
  userAgent?: string
  /** An HTTP proxy every request goes through, e.g. `http://proxy.internal:3128`. */
  proxy?: string
  /** A PEM file of root certificates to trust beside the system's (a company CA). */
  caBundle?: string
  /** Headers sent with every request. */
  headers?: Record<string, string>
}

/** Options for one call. */
export interface RequestOptions {
  /** The `Idempotency-Key` of a POST (1 to 255 characters). Default: a fresh random key per call, reused by its retries. */
  idempotencyKey?: string
  /** Per-attempt timeout in milliseconds, instead of the client's. */
  timeout?: number
  /** Retries for this call, instead of the client's. */
  maxRetries?: number
  /** Headers sent with this call, e.g. `{ 'Invites-Forwarded-For': endUserIp }` (the end user a lookup or accept is for). */
  headers?: Record<string, string>
}

/** What came with a successful answer. */
export interface ResponseMeta {
  /** The HTTP status (200, 201). */
  status: number
  /** The server's id for the request (`req_…`). */
  requestId: string | null
}

/** What every method but a list returns: a Promise of the answer, and its metadata on request. */
export interface APIPromise<T> extends Promise<T> {
  /** The answer with its status and request id: `const { data, requestId } = await client.invites.get(id).withResponse()`. */
  withResponse(): Promise<{ data: T } & ResponseMeta>
}

/** One page of a list. */
export declare class Page<T> {
  /** The items on this page. */
  readonly data: T[]
  /** The token of the next page; `null` on the last page. */
  readonly nextPageToken: string | null
  /** Whether another page follows. */
  hasNextPage(): boolean
  /** The next page; rejects with `InvitesError` on the last page. */
  getNextPage(): Promise<Page<T>>
}

/**
 * What a list method returns. Awaited, it is the first page; with `for await` it yields every
 * item of every page, fetching pages as the loop goes. Nothing is sent before either is used.
 */
export declare class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  then<R1 = Page<T>, R2 = never>(
    onfulfilled?: ((value: Page<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2>
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R>
  finally(onfinally?: (() => void) | null): Promise<Page<T>>
  /** The first page with its status and request id. */
  withResponse(): Promise<{ data: Page<T> } & ResponseMeta>
  [Symbol.asyncIterator](): AsyncIterator<T>
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn grown() -> Api {
        let root = crate::root();
        let spec = std::fs::read_to_string(root.join("spec/invites.yaml")).unwrap();
        let names = std::fs::read_to_string(root.join(super::super::model::NAMES)).unwrap();
        let spec = spec.replace(
            "  /v1/members:\n",
            "  /v1/members/export:\n    get:\n      operationId: exportMembers\n      \
             summary: Every member, at once.\n      parameters:\n        - name: team_name\n          \
             in: query\n          schema: { type: string }\n        - name: page_token\n          \
             in: query\n          schema: { type: string }\n      responses:\n        \"200\":\n          \
             description: The export.\n          content:\n            application/json:\n              \
             schema:\n                $ref: \"#/components/schemas/MemberList\"\n  /v1/members:\n",
        );
        let names = format!(
            "{names}  exportMembers: {{ resource: members, method: export_all, params: ExportMembers }}\n"
        );
        Api::from_texts(&spec, &names).unwrap()
    }

    #[test]
    fn an_operation_added_to_the_spec_reaches_every_node_file() {
        let api = grown();
        let files = generate(&api).unwrap();
        let file = |p: &str| &files.iter().find(|(path, _)| path == p).unwrap().1;
        assert!(
            file(OPERATIONS).contains(
                "exportAll: { operation: \"exportMembers\", args: [], rest: \"params\", list: true },"
            ),
            "{}",
            file(OPERATIONS)
        );
        let dts = file(INDEX_DTS);
        assert!(dts.contains("  exportAll(params?: ExportMembersParams, options?: RequestOptions): PagePromise<Member>\n"));
        assert!(dts.contains("export interface ExportMembersParams {\n  teamName?: string\n"));
        assert!(dts.contains("operationId `exportMembers`"));
    }

    #[test]
    fn a_new_resource_is_a_client_attribute_and_an_export() {
        let api = Api::load().unwrap();
        let files = generate(&api).unwrap();
        let file = |p: &str| &files.iter().find(|(path, _)| path == p).unwrap().1;
        for r in &api.resources {
            assert!(file(OPERATIONS).contains(&format!("name: {}", js(&camel(&r.name)))));
            assert!(file(INDEX_MJS).contains(&format!("  {},\n", r.class)));
            assert!(file(INDEX_DTS).contains(&format!(
                "  readonly {}: {}\n",
                camel(&r.name),
                r.class
            )));
        }
        assert!(file(MAPS).contains("&[\"metadata\"]"), "{}", file(MAPS));
    }

    #[test]
    fn prose_shows_spec_names_in_camel_case() {
        let p = Prose::new(&Api::load().unwrap());
        assert_eq!(
            p.line("set `expires_at` or `never_expires: true`, not `foo_bar`"),
            "set `expiresAt` or `never_expires: true`, not `foo_bar`"
        );
        assert_eq!(
            p.doc(&["a */ b".into()], "  "),
            "  /** a *\\/ b */\n".to_owned()
        );
    }
}
