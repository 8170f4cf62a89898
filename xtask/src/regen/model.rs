//! The SDK's view of the spec: every operation with its arguments and naming, every schema with
//! its fields. Each face's generator (Rust resources, Python, Node, conformance) reads this and
//! nothing else, so they cannot disagree about what an operation takes or returns.

use std::collections::BTreeMap;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use serde_yaml::Value;

/// The naming table, relative to the workspace root.
pub const NAMES: &str = "spec/sdk-names.yaml";

/// The whole API as the SDK generators see it.
#[derive(Debug, Clone)]
pub struct Api {
    /// Resources in table order (`organizations`, `invites`, `members`).
    pub resources: Vec<Resource>,
    /// Operations in spec order.
    pub operations: Vec<Operation>,
    /// Component schemas in spec order.
    pub schemas: Vec<Schema>,
    /// The spec's `info`: title, version, description.
    pub info: Info,
    /// The bindings' error classes, parents first (from the naming table).
    pub errors: Vec<ErrorClass>,
}

/// An exception class of the bindings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorClass {
    /// Its name, the same in every language.
    pub name: String,
    /// The class it extends; none for the root.
    pub parent: Option<String>,
    /// The HTTP statuses it stands for (`"404"`, `"5xx"`), for API errors.
    pub status: Option<String>,
    /// A built-in exception it also is where the language has one (Python's `ValueError`).
    pub also: Option<String>,
    /// What it means.
    pub doc: String,
}

/// The spec's `info` block.
#[derive(Debug, Clone, Default)]
pub struct Info {
    /// `Invites API`.
    pub title: String,
    /// `1.0.0`.
    pub version: String,
    /// The API's description.
    pub description: String,
}

/// The constraints a schema puts on a value (for doc comments; the SDK checks them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Limits {
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `minimum`.
    pub minimum: Option<i64>,
    /// `maximum`.
    pub maximum: Option<i64>,
    /// `pattern`.
    pub pattern: Option<String>,
    /// `format`.
    pub format: Option<String>,
}

/// An error response an operation documents.
#[derive(Debug, Clone)]
pub struct ErrorResponse {
    /// The status code as the spec writes it (`404`).
    pub status: String,
    /// The response's description.
    pub description: String,
}

/// A group of operations: `client.invites`.
#[derive(Debug, Clone)]
pub struct Resource {
    /// snake_case attribute name (`invites`).
    pub name: String,
    /// PascalCase class name (`Invites`).
    pub class: String,
    /// One line for the class doc comment.
    pub doc: String,
    /// Its methods that call no endpoint, written by hand in each binding (`local_methods:` of
    /// the naming table), in table order.
    pub local: Vec<LocalMethod>,
}

/// A method of a resource that is not an operation of the spec: each binding writes it by hand,
/// once, over the Rust SDK, in the resource's mixin (`<Class>Mixin`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalMethod {
    /// snake_case method name (`unwrap`), camelCase in Node.
    #[serde(skip)]
    pub name: String,
    /// Its positional arguments, in order, by their snake_case names.
    pub args: Vec<String>,
    /// What it does.
    pub doc: String,
}

impl Resource {
    /// The hand-written mixin the resource classes take their local methods from
    /// (`WebhooksMixin`), when they have any.
    pub fn mixin(&self) -> Option<String> {
        (!self.local.is_empty()).then(|| format!("{}Mixin", self.class))
    }
}

/// One operation of the spec.
#[derive(Debug, Clone)]
pub struct Operation {
    /// The spec's operationId (`createInvite`).
    pub id: String,
    /// `GET`, `POST`, …
    pub http_method: String,
    /// `/v1/invites/{invite_id}`.
    pub path: String,
    /// The spec's summary.
    pub summary: String,
    /// The spec's description (may be empty).
    pub description: String,
    /// The success response's description.
    pub response_description: String,
    /// The documented error responses, in spec order.
    pub errors: Vec<ErrorResponse>,
    /// The resource attribute (`invites`).
    pub resource: String,
    /// The snake_case method name (`create_batch`).
    pub method: String,
    /// Path parameters, in path order.
    pub path_params: Vec<Param>,
    /// Query parameters, in spec order.
    pub query: Vec<Param>,
    /// Whether it takes an `Idempotency-Key` (the SDK then sends one on every call).
    pub idempotent: bool,
    /// The request body's schema name.
    pub body: Option<String>,
    /// Node's name for the body argument (`invite`).
    pub body_arg: Option<String>,
    /// A body field passed as a plain argument instead of a body (`lookup(code)`).
    pub positional: Option<String>,
    /// The success response's schema name.
    pub response: String,
    /// The success status.
    pub status: u16,
    /// For a list operation: the params type name and the item schema.
    pub list: Option<List>,
}

/// What makes an operation a list.
#[derive(Debug, Clone)]
pub struct List {
    /// The params type (`ListInvites`).
    pub params: String,
    /// The item schema (`Invite`).
    pub item: String,
}

/// A path or query parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// Its name (`invite_id`, `page_token`).
    pub name: String,
    /// Its description.
    pub description: String,
    /// Whether it must be given.
    pub required: bool,
    /// Its type.
    pub ty: Type,
    /// Its schema's constraints.
    pub limits: Limits,
    /// Its example, as JSON text.
    pub example: Option<String>,
}

/// A value's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    /// A string; `date-time` when `format: date-time`.
    String { date_time: bool },
    /// An integer with its bounds.
    Integer { min: Option<i64>, max: Option<i64> },
    /// A float.
    Number,
    /// A boolean.
    Boolean,
    /// A component schema.
    Ref(String),
    /// A list.
    Array(Box<Type>),
    /// A map with string keys.
    Map(Box<Type>),
    /// Anything.
    Any,
}

/// A component schema.
#[derive(Debug, Clone)]
pub struct Schema {
    /// Its name (`Invite`).
    pub name: String,
    /// Its description.
    pub description: String,
    /// What it is.
    pub kind: SchemaKind,
    /// Its constraints (for an alias).
    pub limits: Limits,
    /// Its example, as JSON text.
    pub example: Option<String>,
}

/// The shapes a component schema takes.
#[derive(Debug, Clone)]
pub enum SchemaKind {
    /// An object with named fields.
    Object(Vec<Field>),
    /// A string enum.
    Enum(Vec<String>),
    /// Another type under a name (`Role` is a string).
    Alias(Type),
}

/// A field of an object schema.
#[derive(Debug, Clone)]
pub struct Field {
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: String,
    /// Whether it is always present (responses) or must be given (requests).
    pub required: bool,
    /// Whether it may be `null`.
    pub nullable: bool,
    /// Its type.
    pub ty: Type,
    /// Its constraints.
    pub limits: Limits,
    /// Its example, as JSON text.
    pub example: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Names {
    resources: BTreeMap<String, String>,
    #[serde(default)]
    local_methods: BTreeMap<String, serde_yaml::Mapping>,
    errors: Vec<ErrorClass>,
    operations: BTreeMap<String, OpNames>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OpNames {
    resource: String,
    method: String,
    body: Option<String>,
    positional: Option<String>,
    params: Option<String>,
}

impl Api {
    /// Read the spec and the naming table.
    pub fn load() -> Result<Self> {
        let root = crate::root();
        let spec = std::fs::read_to_string(root.join(super::rust_client::SPEC))?;
        let names = std::fs::read_to_string(root.join(NAMES))?;
        Self::from_texts(&spec, &names)
    }

    /// Build from spec text and table text.
    pub fn from_texts(spec: &str, names: &str) -> Result<Self> {
        let spec: Value = serde_yaml::from_str(spec).context("parsing the spec")?;
        let names: Names =
            serde_yaml::from_str(names).with_context(|| format!("parsing {NAMES}"))?;
        let mut resource_order: Vec<String> = Vec::new();
        // Resources in the order the spec's tags list them.
        for tag in spec["tags"].as_sequence().into_iter().flatten() {
            let name = tag["name"].as_str().unwrap_or_default().to_owned();
            if names.resources.contains_key(&name) {
                resource_order.push(name);
            }
        }
        for name in names.resources.keys() {
            if !resource_order.contains(name) {
                resource_order.push(name.clone());
            }
        }
        for name in names.local_methods.keys() {
            if !names.resources.contains_key(name) {
                bail!("{NAMES}: local_methods names `{name}`, which is not listed under resources");
            }
        }
        let mut resources = Vec::new();
        for n in &resource_order {
            let mut local = Vec::new();
            // In table order (a Mapping keeps it), each method's name from its key.
            for (method, m) in names.local_methods.get(n).into_iter().flatten() {
                let name = method.as_str().unwrap_or_default().to_owned();
                let mut m: LocalMethod = serde_yaml::from_value(m.clone())
                    .with_context(|| format!("{NAMES}: local_methods.{n}.{name}"))?;
                m.name = name;
                local.push(m);
            }
            resources.push(Resource {
                name: n.clone(),
                class: pascal(n),
                doc: names.resources[n].clone(),
                local,
            });
        }

        let mut operations = Vec::new();
        let paths = spec["paths"]
            .as_mapping()
            .context("the spec has no paths")?;
        for (path, item) in paths {
            let path = path.as_str().unwrap_or_default();
            let shared: Vec<Value> = item["parameters"]
                .as_sequence()
                .cloned()
                .unwrap_or_default();
            for m in ["get", "put", "post", "patch", "delete"] {
                let Some(op) = item.get(m) else { continue };
                operations.push(operation(&spec, &names, path, m, op, &shared)?);
            }
        }
        for r in &resources {
            for m in &r.local {
                if operations
                    .iter()
                    .any(|o: &Operation| o.resource == r.name && o.method == m.name)
                {
                    bail!(
                        "{NAMES}: local method {}.{} is also an operation's name",
                        r.name,
                        m.name
                    );
                }
            }
        }
        for id in names.operations.keys() {
            if !operations.iter().any(|o| &o.id == id) {
                bail!("{NAMES} names `{id}`, which is not an operation of the spec");
            }
        }

        let mut schemas = Vec::new();
        for (name, s) in spec["components"]["schemas"]
            .as_mapping()
            .context("the spec has no schemas")?
        {
            schemas.push(schema(&spec, name.as_str().unwrap_or_default(), s)?);
        }
        let info = Info {
            title: text(&spec["info"]["title"]),
            version: text(&spec["info"]["version"]),
            description: text(&spec["info"]["description"]),
        };
        for (i, e) in names.errors.iter().enumerate() {
            if let Some(p) = &e.parent
                && !names.errors[..i].iter().any(|x| &x.name == p)
            {
                bail!(
                    "{NAMES}: error class {} names parent {p}, which must come before it",
                    e.name
                );
            }
        }
        Ok(Api {
            resources,
            operations,
            schemas,
            info,
            errors: names.errors,
        })
    }

    /// The schema called `name`.
    pub fn schema(&self, name: &str) -> &Schema {
        self.schemas
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no schema `{name}`"))
    }

    /// The fields of object schema `name`.
    pub fn fields(&self, name: &str) -> &[Field] {
        match &self.schema(name).kind {
            SchemaKind::Object(f) => f,
            _ => panic!("schema `{name}` is not an object"),
        }
    }

    /// The operations of resource `name`, in spec order.
    pub fn operations_of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Operation> {
        self.operations.iter().filter(move |o| o.resource == name)
    }
}

impl Operation {
    /// The arguments that are not part of the body: path params, then query params.
    pub fn params(&self) -> impl Iterator<Item = &Param> {
        self.path_params.iter().chain(&self.query)
    }
}

fn operation(
    spec: &Value,
    names: &Names,
    path: &str,
    method: &str,
    op: &Value,
    shared: &[Value],
) -> Result<Operation> {
    let id = op["operationId"]
        .as_str()
        .with_context(|| format!("{method} {path} has no operationId"))?
        .to_owned();
    let n = names
        .operations
        .get(&id)
        .with_context(|| format!("`{id}` is not in {NAMES}: give it a resource and a method"))?;
    if !names.resources.contains_key(&n.resource) {
        bail!(
            "{NAMES}: `{id}` names resource `{}`, which is not listed under resources",
            n.resource
        );
    }
    let mut path_params = Vec::new();
    let mut query = Vec::new();
    let mut idempotent = false;
    let own: Vec<Value> = op["parameters"].as_sequence().cloned().unwrap_or_default();
    for p in shared.iter().chain(&own) {
        let p = resolve(spec, p);
        let name = p["name"].as_str().unwrap_or_default().to_owned();
        let param = Param {
            description: text(&p["description"]),
            required: p["required"].as_bool().unwrap_or(false),
            ty: ty(spec, &p["schema"])?,
            limits: limits(&p["schema"]),
            example: example(&p["example"]),
            name: name.clone(),
        };
        match p["in"].as_str() {
            Some("path") => path_params.push(param),
            Some("query") => query.push(param),
            Some("header") if name.eq_ignore_ascii_case("Idempotency-Key") => idempotent = true,
            other => bail!(
                "`{id}`: parameter `{name}` in {other:?} is not supported by the SDK generators"
            ),
        }
    }
    // Path order, as the URL has them.
    path_params.sort_by_key(|p| path.find(&format!("{{{}}}", p.name)));
    let body = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        .as_str()
        .map(ref_name);
    let (status, response) = op["responses"]
        .as_mapping()
        .into_iter()
        .flatten()
        .map(|(code, r)| {
            (
                code.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| format!("{}", code.as_u64().unwrap_or(0))),
                r,
            )
        })
        .find(|(code, _)| code.starts_with('2'))
        .map(|(code, r)| {
            let r = resolve(spec, r);
            (
                code.parse::<u16>().unwrap_or(200),
                r["content"]["application/json"]["schema"]["$ref"]
                    .as_str()
                    .map(ref_name),
            )
        })
        .with_context(|| format!("`{id}` has no success response"))?;
    let response =
        response.with_context(|| format!("`{id}`: the success response has no schema"))?;
    let list = match &n.params {
        Some(params) => {
            if !query.iter().any(|q| q.name == "page_token") {
                bail!("`{id}` is a list in {NAMES} but takes no page_token");
            }
            let data = &spec["components"]["schemas"][response.as_str()]["properties"]["data"];
            let item = data["items"]["$ref"]
                .as_str()
                .map(ref_name)
                .with_context(|| format!("`{id}`: a list's response needs `data: [$ref]`"))?;
            Some(List {
                params: params.clone(),
                item,
            })
        }
        None => None,
    };
    if let Some(field) = &n.positional {
        let b = body
            .as_deref()
            .with_context(|| format!("`{id}`: positional needs a body"))?;
        let props = &spec["components"]["schemas"][b]["properties"];
        if props.get(field).is_none() || props.as_mapping().map(|o| o.len()) != Some(1) {
            bail!("`{id}`: positional `{field}` must be the body's only field");
        }
    }
    if body.is_some() && n.positional.is_none() && n.body.is_none() {
        bail!("{NAMES}: `{id}` takes a body; give it `body: <argument name>`");
    }
    let mut errors = Vec::new();
    let mut response_description = String::new();
    for (code, r) in op["responses"].as_mapping().into_iter().flatten() {
        let code = code
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{}", code.as_u64().unwrap_or(0)));
        let description = text(&resolve(spec, r)["description"]);
        if code.starts_with('2') {
            if response_description.is_empty() {
                response_description = description;
            }
        } else {
            errors.push(ErrorResponse {
                status: code,
                description,
            });
        }
    }
    Ok(Operation {
        summary: text(&op["summary"]),
        description: text(&op["description"]),
        response_description,
        errors,
        http_method: method.to_uppercase(),
        path: path.to_owned(),
        resource: n.resource.clone(),
        method: n.method.clone(),
        path_params,
        query,
        idempotent,
        body,
        body_arg: n.body.clone(),
        positional: n.positional.clone(),
        response,
        status,
        list,
        id,
    })
}

fn schema(spec: &Value, name: &str, s: &Value) -> Result<Schema> {
    let description = text(&s["description"]);
    let kind = if let Some(values) = s["enum"].as_sequence() {
        SchemaKind::Enum(
            values
                .iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect(),
        )
    } else if s["type"].as_str() == Some("object") && s.get("properties").is_some() {
        let required: Vec<&str> = s["required"]
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let mut fields = Vec::new();
        for (f, v) in s["properties"].as_mapping().into_iter().flatten() {
            let f = f.as_str().unwrap_or_default().to_owned();
            let v2 = resolve(spec, v);
            fields.push(Field {
                name: f.clone(),
                description: text(&v["description"]).or_else_str(text(&v2["description"])),
                required: required.contains(&f.as_str()),
                nullable: v["nullable"].as_bool().unwrap_or(false),
                ty: ty(spec, v).with_context(|| format!("{name}.{f}"))?,
                limits: limits(v),
                example: example(&v["example"]),
            });
            let _ = &f;
        }
        SchemaKind::Object(fields)
    } else {
        SchemaKind::Alias(ty(spec, s).with_context(|| name.to_owned())?)
    };
    Ok(Schema {
        name: name.to_owned(),
        description,
        kind,
        limits: limits(s),
        example: example(&s["example"]),
    })
}

fn limits(s: &Value) -> Limits {
    Limits {
        min_length: s["minLength"].as_u64(),
        max_length: s["maxLength"].as_u64(),
        min_items: s["minItems"].as_u64(),
        max_items: s["maxItems"].as_u64(),
        minimum: s["minimum"].as_i64(),
        maximum: s["maximum"].as_i64(),
        pattern: s["pattern"].as_str().map(str::to_owned),
        format: s["format"].as_str().map(str::to_owned),
    }
}

/// An example as compact JSON text, keys in spec order.
fn example(v: &Value) -> Option<String> {
    if v.is_null() {
        return None;
    }
    serde_json::to_string(v).ok()
}

trait OrElse {
    fn or_else_str(self, other: String) -> String;
}

impl OrElse for String {
    fn or_else_str(self, other: String) -> String {
        if self.is_empty() { other } else { self }
    }
}

fn ty(spec: &Value, s: &Value) -> Result<Type> {
    if let Some(r) = s["$ref"].as_str() {
        return Ok(Type::Ref(ref_name(r)));
    }
    let _ = spec;
    Ok(match s["type"].as_str() {
        Some("string") => Type::String {
            date_time: s["format"].as_str() == Some("date-time"),
        },
        Some("integer") => Type::Integer {
            min: s["minimum"].as_i64(),
            max: s["maximum"].as_i64(),
        },
        Some("number") => Type::Number,
        Some("boolean") => Type::Boolean,
        Some("array") => Type::Array(Box::new(ty(spec, &s["items"])?)),
        Some("object") => match &s["additionalProperties"] {
            Value::Mapping(_) => Type::Map(Box::new(ty(spec, &s["additionalProperties"])?)),
            _ => Type::Any,
        },
        None => Type::Any,
        Some(other) => bail!("type `{other}` is not supported by the SDK generators"),
    })
}

fn resolve<'a>(spec: &'a Value, v: &'a Value) -> &'a Value {
    let mut v = v;
    while let Some(r) = v["$ref"].as_str() {
        v = r
            .trim_start_matches("#/")
            .split('/')
            .fold(spec, |o, k| &o[k]);
    }
    v
}

fn ref_name(r: &str) -> String {
    r.rsplit('/').next().unwrap_or(r).to_owned()
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().trim().to_owned()
}

/// `create_batch` → `CreateBatch`.
pub fn pascal(s: &str) -> String {
    s.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// `create_batch` → `createBatch`.
pub fn camel(s: &str) -> String {
    let p = pascal(s);
    let mut c = p.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_of_the_spec_is_read() {
        let api = Api::load().unwrap();
        assert!(
            api.operations.len() >= 18,
            "{} operations",
            api.operations.len()
        );
        let list = api
            .operations
            .iter()
            .find(|o| o.id == "listInvites")
            .unwrap();
        assert_eq!(list.list.as_ref().unwrap().item, "Invite");
        let get = api.operations.iter().find(|o| o.id == "getInvite").unwrap();
        assert_eq!(get.path_params[0].name, "invite_id");
        assert!(
            api.operations
                .iter()
                .find(|o| o.id == "createInvite")
                .unwrap()
                .idempotent
        );
    }

    #[test]
    fn an_operation_missing_from_the_table_is_refused() {
        let root = crate::root();
        let spec = std::fs::read_to_string(root.join("spec/invites.yaml")).unwrap();
        let names = std::fs::read_to_string(root.join(NAMES)).unwrap();
        let names = names.replace("  getMember: { resource: members, method: get }\n", "");
        let err = Api::from_texts(&spec, &names).unwrap_err().to_string();
        assert!(err.contains("`getMember` is not in"), "{err}");
    }
}
