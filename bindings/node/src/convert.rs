//! Type translation between JavaScript and the Rust SDK: camelCase JSON in and out, the SDK's
//! errors as plain descriptors that `index.js` turns into its error classes.
//!
//! Nothing here knows about HTTP, retries or pages: that is the SDK's business.

use std::time::Duration;

use invites_sdk::Error;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

/// Fields whose value is a free-form map: its keys are the user's, never renamed.
const VERBATIM: &[&str] = &["metadata"];

/// `pageToken` → `page_token`.
pub fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `page_token` → `pageToken`.
pub fn camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Rename every key of a JavaScript value to the API's snake_case. A key with an underscore is
/// refused (the JavaScript face is camelCase only), except inside free-form maps.
pub fn to_snake(value: Value, path: &str) -> Result<Value, Error> {
    Ok(match value {
        Value::Object(map) => {
            let mut out = Map::with_capacity(map.len());
            for (k, v) in map {
                let here = join(path, &k);
                if k.contains('_') {
                    return Err(Error::InvalidArgument {
                        param: here,
                        message: format!(
                            "unknown field `{k}`; fields are camelCase: `{}`",
                            camel(&k)
                        ),
                    });
                }
                let key = snake(&k);
                let v = if VERBATIM.contains(&key.as_str()) {
                    v
                } else {
                    to_snake(v, &here)?
                };
                out.insert(key, v);
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| to_snake(v, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        other => other,
    })
}

/// Rename every key of an API value to camelCase, except inside free-form maps.
pub fn to_camel(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = if VERBATIM.contains(&k.as_str()) {
                        v
                    } else {
                        to_camel(v)
                    };
                    (camel(&k), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(to_camel).collect()),
        other => other,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Parse the JSON text `index.js` sent for argument `param`.
pub fn parse_json(text: &str, param: &str) -> Result<Value, Error> {
    serde_json::from_str(text).map_err(|e| Error::InvalidArgument {
        param: param.into(),
        message: format!("not JSON-serializable: {e}"),
    })
}

/// A camelCase JavaScript object → one of the SDK's request types, with the spec's constraints
/// checked by the type's own deserializer. Errors name the field in camelCase (`roles[0]`).
pub fn body<T: DeserializeOwned>(text: &str, param: &str) -> Result<T, Error> {
    let value = parse_json(text, param)?;
    if !value.is_object() {
        return Err(Error::InvalidArgument {
            param: param.into(),
            message: format!("must be an object, got {}", kind(&value)),
        });
    }
    let value = to_snake(value, "")?;
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." {
            String::new()
        } else {
            camel_path(&path)
        };
        Error::InvalidArgument {
            param: if field.is_empty() {
                param.into()
            } else {
                field
            },
            message: camel_message(&e.into_inner().to_string()),
        }
    })
}

/// Any SDK response → camelCase JSON.
pub fn out<T: Serialize>(value: &T) -> Result<Value, Error> {
    serde_json::to_value(value)
        .map(to_camel)
        .map_err(|e| Error::Decode {
            status: 0,
            message: format!("could not convert the response: {e}"),
            request_id: None,
        })
}

/// `roles[0]`, `metadata.some_key`: snake segments outside maps become camelCase.
fn camel_path(path: &str) -> String {
    let mut out = Vec::new();
    let mut verbatim = false;
    for seg in path.split('.') {
        if verbatim {
            out.push(seg.to_owned());
            verbatim = false;
            continue;
        }
        let name = seg.split('[').next().unwrap_or(seg);
        verbatim = VERBATIM.contains(&name);
        out.push(format!("{}{}", camel(name), &seg[name.len()..]));
    }
    out.join(".")
}

/// serde's messages quote field names in backticks (`unknown field `max_use`, expected one of
/// `max_uses`, …`): show them as the JavaScript caller wrote them.
fn camel_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut parts = message.split('`');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push('`');
        // Odd pieces (0-based even here) are inside backticks.
        if i % 2 == 0
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            out.push_str(&camel(part));
        } else {
            out.push_str(part);
        }
    }
    out
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

/// Milliseconds from JavaScript → a duration, refusing what is not a positive finite number.
pub fn millis(ms: Option<f64>, param: &str) -> Result<Option<Duration>, Error> {
    match ms {
        None => Ok(None),
        Some(ms) if ms.is_finite() && ms > 0.0 && ms < 1e12 => {
            Ok(Some(Duration::from_secs_f64(ms / 1000.0)))
        }
        Some(ms) => Err(Error::InvalidArgument {
            param: param.into(),
            message: format!("must be a positive number of milliseconds, got {ms}"),
        }),
    }
}

/// The descriptor `index.js` turns into an error class: `kind` picks the class family, the other
/// fields become the error's properties.
pub fn error(e: &Error) -> Value {
    match e {
        Error::Api(api) => json!({
            "kind": "api",
            "status": api.status,
            "type": api.error_type,
            "message": api.message,
            "param": api.param.as_deref().map(camel_path),
            "requestId": api.request_id,
            "retryAfter": api.retry_after.map(|d| d.as_secs_f64()),
        }),
        Error::Connection {
            message,
            request_id,
        } => json!({
            "kind": "connection",
            "message": format!("connection error: {message}"),
            "requestId": request_id,
        }),
        Error::Timeout { after, request_id } => json!({
            "kind": "timeout",
            "message": if after.is_zero() {
                "request timed out".to_owned()
            } else {
                format!("request timed out after {} ms", after.as_millis())
            },
            "requestId": request_id,
        }),
        Error::InvalidArgument { param, message } => json!({
            "kind": "invalid_argument",
            "message": format!("invalid argument `{param}`: {message}"),
            "param": param,
        }),
        Error::Config(message) => json!({
            "kind": "invalid_argument",
            "message": message,
            "param": config_param(message),
        }),
        Error::Decode {
            status,
            message,
            request_id,
        } => json!({
            "kind": "decode",
            "status": if *status == 0 { Value::Null } else { json!(status) },
            "message": format!("could not decode the response: {message}"),
            "requestId": request_id,
        }),
        // The SDK's error enum may grow; anything new still reaches JavaScript as the base class.
        #[allow(unreachable_patterns)]
        other => json!({ "kind": "other", "message": other.to_string() }),
    }
}

/// Which client option a configuration error is about.
fn config_param(message: &str) -> Option<&'static str> {
    if message.contains("base URL") {
        Some("baseUrl")
    } else if message.contains("API key") {
        Some("apiKey")
    } else if message.contains("timeout") {
        Some("timeout")
    } else {
        None
    }
}

/// The envelope every native call resolves to: `{"ok": value}` or `{"error": descriptor}`.
pub fn envelope(result: Result<Value, Error>) -> String {
    match result {
        Ok(v) => json!({ "ok": v }).to_string(),
        Err(e) => json!({ "error": error(&e) }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use invites_sdk::types;

    #[test]
    fn keys_round_trip_but_metadata_keys_stay() {
        let js = json!({"maxUses": 3, "ttlSeconds": 60, "roles": ["developer"],
                        "metadata": {"someKey": "v", "snake_key": "w"}});
        let snake = to_snake(js.clone(), "").unwrap();
        assert_eq!(
            snake,
            json!({"max_uses": 3, "ttl_seconds": 60, "roles": ["developer"],
                   "metadata": {"someKey": "v", "snake_key": "w"}})
        );
        assert_eq!(to_camel(snake), js);
    }

    #[test]
    fn snake_case_input_is_refused_with_the_camel_name() {
        let e = to_snake(json!({"max_uses": 1}), "").unwrap_err();
        assert!(e.to_string().contains("`maxUses`"), "{e}");
    }

    #[test]
    fn body_errors_name_the_camel_field() {
        let e = body::<types::InviteCreate>(r#"{"roles":["Owner!"]}"#, "body").unwrap_err();
        match e {
            Error::InvalidArgument { param, .. } => assert_eq!(param, "roles[0]"),
            e => panic!("{e}"),
        }
        let e = body::<types::InviteCreate>(r#"{"roles":["dev"],"maxUse":1}"#, "body").unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("`maxUse`") && text.contains("`ttlSeconds`"),
            "{text}"
        );
        let e = body::<types::InviteCreate>("[]", "body").unwrap_err();
        assert!(e.to_string().contains("must be an object"), "{e}");
    }

    #[test]
    fn millis_are_checked() {
        assert_eq!(
            millis(Some(1500.0), "t").unwrap(),
            Some(Duration::from_millis(1500))
        );
        assert!(millis(Some(0.0), "t").is_err());
        assert!(millis(Some(f64::NAN), "t").is_err());
    }
}
