//! Calling an operation by its operationId with JSON arguments: the one entry point the Python
//! and Node bindings use ([`Client::call_json`], [`Client::stream_json`], generated in
//! `operations.rs`). Arguments are one flat object: the path parameters, the query parameters and
//! the body's fields, all by their spec names. Every argument is checked here, by the request
//! types' own deserializers, so each language refuses the same value with the same `param`.
//!
//! [`Client::call_json`]: crate::Client::call_json
//! [`Client::stream_json`]: crate::Client::stream_json

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::client::Response;
use crate::error::Error;
use crate::pagination::Page;

/// The arguments of one call, taken apart field by field.
pub(crate) struct Args(Map<String, Value>);

impl Args {
    /// `null` (no arguments) or an object.
    pub(crate) fn new(value: Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(Self(Map::new())),
            Value::Object(map) => Ok(Self(map)),
            other => Err(invalid(
                "args",
                format!("must be an object, got {}", kind(&other)),
            )),
        }
    }

    /// A required string argument (a path parameter).
    pub(crate) fn string(&mut self, name: &str) -> Result<String, Error> {
        match self.0.remove(name) {
            Some(Value::String(s)) => Ok(s),
            None | Some(Value::Null) => Err(invalid(name, "is required")),
            Some(other) => Err(invalid(
                name,
                format!("must be a string, got {}", kind(&other)),
            )),
        }
    }

    /// The remaining arguments as one request type (a body or a list's params); unknown fields
    /// are refused when the type says so.
    pub(crate) fn into<T: DeserializeOwned>(self) -> Result<T, Error> {
        serde_path_to_error::deserialize::<_, T>(Value::Object(self.0)).map_err(|e| {
            let path = e.path().to_string();
            let message = e.into_inner().to_string();
            if path == "." {
                // A missing or unknown field: serde names it in the message.
                let field = message.split('`').nth(1).unwrap_or("args").to_owned();
                invalid(&field, message)
            } else {
                let field = path.split(['.', '[']).next().unwrap_or(&path).to_owned();
                let message = if field == path {
                    message
                } else {
                    format!("{path}: {message}")
                };
                invalid(&field, message)
            }
        })
    }

    /// Fail on arguments the operation does not take.
    pub(crate) fn done(self) -> Result<(), Error> {
        match self.0.keys().next() {
            None => Ok(()),
            Some(k) => Err(invalid(k, "is not an argument of this operation")),
        }
    }
}

/// A response as JSON, with the spec's field names.
pub(crate) fn out<T: Serialize>(value: T) -> Result<Value, Error> {
    serde_json::to_value(value).map_err(|e| Error::Decode {
        status: 200,
        message: format!("could not convert the response: {e}"),
        request_id: None,
    })
}

/// An answer as JSON, keeping its metadata.
pub(crate) fn respond<T: Serialize>(r: Response<T>) -> Result<Response<Value>, Error> {
    let data = out(&r.data)?;
    Ok(r.map(|_| data))
}

/// A page as `{"data": [...], "next_page_token": ...}`, keeping its metadata.
pub(crate) fn page<T: Serialize>(r: Response<Page<T>>) -> Result<Response<Value>, Error> {
    let data = serde_json::json!({
        "data": out(&r.data.data)?,
        "next_page_token": r.data.next_page_token,
    });
    Ok(r.map(|_| data))
}

/// An operation name the SDK does not have.
pub(crate) fn unknown(operation: &str, list: bool) -> Error {
    invalid(
        "operation",
        if list {
            format!("`{operation}` is not a list operation of this SDK")
        } else {
            format!("`{operation}` is not an operation of this SDK")
        },
    )
}

fn invalid(param: &str, message: impl Into<String>) -> Error {
    Error::InvalidArgument {
        param: param.into(),
        message: message.into(),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A page stream of JSON items.
pub(crate) fn items<T: Serialize + Send + 'static>(
    stream: crate::pagination::PageStream<T>,
) -> crate::pagination::PageStream<Value> {
    use futures::StreamExt;
    stream.map(|r| r.and_then(out)).boxed()
}
