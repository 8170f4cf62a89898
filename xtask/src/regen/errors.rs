//! The bindings' error classes, from the one table in `spec/sdk-names.yaml` (`errors:`): the Rust
//! SDK's `ERROR_CLASSES` and status mapping (`error_classes.rs`, which `Error::class_name()`
//! uses), Python's `_errors.py` and Node's `errors.js` declare exactly those classes, with the
//! same parents and docs.

use std::fmt::Write as _;

use anyhow::{Result, bail};

use super::model::{Api, ErrorClass};

/// Python's exceptions module, relative to the workspace root.
pub const PYTHON: &str = "bindings/python/python/invites_sdk/_errors.py";
/// Node's error classes, relative to the workspace root.
pub const NODE: &str = "bindings/node/errors.js";
/// The Rust SDK's table, relative to the workspace root.
pub const RUST: &str = "crates/invites-sdk/src/error_classes.rs";

/// The three files.
pub fn generate(api: &Api) -> Result<Vec<(String, String)>> {
    let e = &api.errors;
    Ok(vec![
        (PYTHON.to_owned(), python(e)),
        (NODE.to_owned(), node(e)),
        (RUST.to_owned(), super::rust_sdk::rustfmt(&rust(e)?)?),
    ])
}

/// The class an API error with this HTTP status gets.
pub fn class_for_status(errors: &[ErrorClass], status: u16) -> &str {
    let exact = status.to_string();
    let range = format!("{}xx", status / 100);
    errors
        .iter()
        .find(|c| c.status.as_deref() == Some(exact.as_str()))
        .or_else(|| {
            errors
                .iter()
                .find(|c| c.status.as_deref() == Some(range.as_str()))
        })
        .map_or("APIStatusError", |c| c.name.as_str())
}

fn rust(errors: &[ErrorClass]) -> Result<String> {
    let mut o = header("//");
    o.push_str(
        "//! The bindings' error classes and the class of each HTTP error status.\n\n\
         use crate::error::ErrorClass;\n\n\
         /// The class hierarchy of the bindings' errors, parents before children.\n\
         pub const ERROR_CLASSES: &[ErrorClass] = &[\n",
    );
    let opt = |v: &Option<String>| match v {
        Some(v) => format!("Some({v:?})"),
        None => "None".into(),
    };
    for c in errors {
        let _ = writeln!(
            o,
            "    ErrorClass {{ name: {:?}, parent: {}, doc: {:?}, also: {} }},",
            c.name,
            opt(&c.parent),
            c.doc,
            opt(&c.also)
        );
    }
    o.push_str(
        "];\n\n/// The class an API error with HTTP status `status` gets.\n\
         pub(crate) fn class_for_status(status: u16) -> &'static str {\n    match status {\n",
    );
    for c in errors {
        match c.status.as_deref() {
            None => {}
            Some(s) if s.ends_with("xx") => {
                let Ok(h) = s[..1].parse::<u16>() else {
                    bail!("error class {}: status {s:?} is not NNN or Nxx", c.name)
                };
                let _ = writeln!(o, "        {}..={} => {:?},", h * 100, h * 100 + 99, c.name);
            }
            Some(s) => {
                let Ok(n) = s.parse::<u16>() else {
                    bail!("error class {}: status {s:?} is not NNN or Nxx", c.name)
                };
                let _ = writeln!(o, "        {n} => {:?},", c.name);
            }
        }
    }
    o.push_str("        _ => \"APIStatusError\",\n    }\n}\n");
    Ok(o)
}

/// The `@generated` header of these files: they come from the naming table's `errors:`.
fn header(comment: &str) -> String {
    super::header(comment)
        .replacen(
            "from spec/invites.yaml and spec/sdk-names.yaml",
            "from the errors: table of spec/sdk-names.yaml",
            1,
        )
        .replacen(
            "change the spec (or the naming table)",
            "change the table",
            1,
        )
        .replacen(
            "this file and the spec disagree",
            "this file and the table disagree",
            1,
        )
}

/// The hierarchy as a tree, one class per line with its doc's first sentence.
fn tree(errors: &[ErrorClass], indent: &str) -> String {
    fn walk(
        errors: &[ErrorClass],
        out: &mut String,
        indent: &str,
        parent: Option<&str>,
        prefix: &str,
    ) {
        let children: Vec<&ErrorClass> = errors
            .iter()
            .filter(|c| c.parent.as_deref() == parent)
            .collect();
        for (i, c) in children.iter().enumerate() {
            let last = i + 1 == children.len();
            let (branch, next) = if parent.is_none() {
                (String::new(), String::new())
            } else if last {
                (format!("{prefix}└── "), format!("{prefix}    "))
            } else {
                (format!("{prefix}├── "), format!("{prefix}│   "))
            };
            let _ = writeln!(out, "{indent}{branch}{}", c.name);
            walk(errors, out, indent, Some(&c.name), &next);
        }
    }
    let mut out = String::new();
    walk(errors, &mut out, indent, None, "");
    out
}

/// Wrap `text` at `width` columns after `prefix`.
fn wrap(text: &str, prefix: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && prefix.len() + line.len() + 1 + word.len() > width {
            lines.push(format!("{prefix}{line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(format!("{prefix}{line}"));
    }
    lines
}

fn python(errors: &[ErrorClass]) -> String {
    let mut o = header("#");
    o.push_str(
        "\"\"\"The exceptions of the SDK: one hierarchy, the same classes as the Node SDK.\n\n\
Every exception carries ``status`` (the HTTP status, or ``None`` when no answer came), ``type``\n\
(the API's error type such as ``\"not_found\"``, or ``\"connection_error\"``, ``\"timeout\"``,\n\
``\"invalid_argument\"``), ``message``, ``param`` (the top-level field at fault: ``emails``, not\n\
``emails[0]``; the message says which element), ``request_id`` and ``retry_after``. They pickle\n\
with every field. Whether the SDK refuses a bad value before sending (`InvalidArgumentError`) or\n\
the server does (400), ``except BadRequestError`` catches it.\n\n::\n\n",
    );
    o.push_str(&tree(errors, "    "));
    o.push_str("\"\"\"\n\nfrom __future__ import annotations\n\n__all__ = [\n");
    let mut names: Vec<&str> = errors.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    for n in names {
        let _ = writeln!(o, "    \"{n}\",");
    }
    o.push_str("]\n");
    for c in errors {
        let doc = c.doc.replace('`', "``").replace("````", "``");
        let mut bases: Vec<&str> = vec![c.parent.as_deref().unwrap_or("Exception")];
        bases.extend(c.also.as_deref());
        let _ = writeln!(o, "\n\nclass {}({}):", c.name, bases.join(", "));
        let lines = wrap(&doc, "    ", 96);
        if lines.len() == 1 {
            let _ = writeln!(o, "    \"\"\"{}\"\"\"", lines[0].trim_start());
        } else {
            let _ = writeln!(o, "    \"\"\"{}", lines[0].trim_start());
            for l in &lines[1..] {
                let _ = writeln!(o, "{l}");
            }
            o.push_str("    \"\"\"\n");
        }
        if c.parent.is_none() {
            o.push_str(PYTHON_BASE);
        }
    }
    o
}

fn node(errors: &[ErrorClass]) -> String {
    let mut o = header("//");
    o.push_str("// The error classes, one hierarchy, the same as the Python SDK's:\n//\n");
    for l in tree(errors, "//   ").lines() {
        let _ = writeln!(o, "{}", l.trim_end());
    }
    o.push_str("'use strict'\n\n");
    for c in errors {
        let _ = writeln!(o, "/** {} */", c.doc);
        match c.name.as_str() {
            "InvitesError" | "APIStatusError" => {}
            _ => {
                let _ = writeln!(
                    o,
                    "class {} extends {} {{}}",
                    c.name,
                    c.parent.as_deref().unwrap_or("Error")
                );
                continue;
            }
        }
        o.push_str(if c.name == "InvitesError" {
            NODE_ROOT
        } else {
            NODE_STATUS
        });
    }
    o.push_str("\nconst errorClasses = {\n");
    for c in errors {
        let _ = writeln!(o, "  {},", c.name);
    }
    o.push_str(
        "}\nfor (const [name, cls] of Object.entries(errorClasses)) {\n\
         \x20 // A `name` that survives minifiers, and stays out of `Object.keys(err)`.\n\
         \x20 Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true })\n\
         }\n\nmodule.exports = errorClasses\n",
    );
    o
}

/// The root class's body after its docstring: fields, constructor, `str` and `repr`.
const PYTHON_BASE: &str = r#"
    message: str
    status: int | None
    type: str | None
    param: str | None
    request_id: str | None
    retry_after: float | None

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        type: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.type = type
        self.param = param
        self.request_id = request_id
        self.retry_after = retry_after

    def __str__(self) -> str:
        head = " ".join(str(p) for p in (self.status, self.type) if p is not None)
        text = f"{head}: {self.message}" if head else self.message
        if self.param is not None:
            text += f" (param: {self.param})"
        if self.request_id is not None:
            text += f" [request {self.request_id}]"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(message={self.message!r}, status={self.status!r}, "
            f"type={self.type!r}, param={self.param!r}, request_id={self.request_id!r})"
        )
"#;

const NODE_ROOT: &str = r#"class InvitesError extends Error {
  constructor(message, fields = {}) {
    super(message)
    /** HTTP status of the answer, when there was one. */
    this.status = fields.status ?? null
    /** The error's type (`not_found`, `connection_error`, `invalid_argument`, …). */
    this.type = fields.type ?? null
    /** The argument or request field at fault (top-level), when known. */
    this.param = fields.param ?? null
    /** The server's request id (`req_…`) of the last attempt, when one was answered. */
    this.requestId = fields.requestId ?? null
  }
}
"#;

const NODE_STATUS: &str = r#"class APIStatusError extends InvitesError {
  constructor(message, fields = {}) {
    super(message, fields)
    /** Seconds the server asked to wait (`Retry-After`), if it did. */
    this.retryAfter = fields.retryAfter ?? null
  }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_declare_every_class_with_its_parent() {
        let api = Api::load().unwrap();
        let errors = &api.errors;
        let (py, js) = (python(errors), node(errors));
        for c in errors {
            let parent = c.parent.as_deref().unwrap_or("Exception");
            assert!(
                py.contains(&format!("class {}({parent}", c.name)),
                "{}",
                c.name
            );
            if c.parent.is_some() {
                assert!(
                    js.contains(&format!("class {} extends {parent}", c.name)),
                    "{}",
                    c.name
                );
            }
        }
        assert!(py.contains("class InvalidArgumentError(BadRequestError, ValueError):"));
        assert_eq!(class_for_status(errors, 404), "NotFoundError");
        assert_eq!(class_for_status(errors, 503), "InternalServerError");
        assert_eq!(class_for_status(errors, 418), "APIStatusError");
        // The declarations Node's users see (index.d.ts) name the same parents.
        let dts = std::fs::read_to_string(crate::root().join("bindings/node/index.d.ts")).unwrap();
        for c in errors {
            let decl = match &c.parent {
                Some(p) => format!("export declare class {} extends {p} ", c.name),
                None => format!("export declare class {} extends Error ", c.name),
            };
            assert!(dts.contains(&decl), "index.d.ts lacks `{decl}`");
        }
    }
}
