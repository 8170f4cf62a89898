//! Type translation between JavaScript and the Rust SDK: camelCase JSON in and out, the SDK's
//! errors as plain descriptors that `index.js` turns into its error classes.
//!
//! Nothing here knows about HTTP, retries, pages or operations: that is the SDK's business.

use std::time::Duration;

use invites_sdk::Error;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::maps::VERBATIM;

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
/// refused (the JavaScript face is camelCase only) with that key, as written, as the `param`;
/// keys inside free-form maps stay as they are.
pub fn to_snake(value: Value) -> Result<Value, Error> {
    Ok(match value {
        Value::Object(map) => {
            let mut out = Map::with_capacity(map.len());
            for (k, v) in map {
                if k.contains('_') {
                    return Err(Error::InvalidArgument {
                        message: format!(
                            "unknown field `{k}`; fields are camelCase: `{}`",
                            camel(&k)
                        ),
                        param: k,
                    });
                }
                let key = snake(&k);
                let v = if VERBATIM.contains(&key.as_str()) {
                    v
                } else {
                    to_snake(v)?
                };
                out.insert(key, v);
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            Value::Array(items.into_iter().map(to_snake).collect::<Result<_, _>>()?)
        }
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

/// The JSON text of one call's arguments (an object, from `index.js`) → the SDK's snake_case
/// arguments.
pub fn args(text: &str) -> Result<Value, Error> {
    let value: Value = serde_json::from_str(text).map_err(|e| Error::InvalidArgument {
        param: "args".into(),
        message: format!("not JSON: {e}"),
    })?;
    to_snake(value)
}

/// An SDK error as the JavaScript caller sees it: the field at fault, and the fields quoted in
/// its message, in camelCase.
pub fn from_sdk(e: Error) -> Error {
    match e {
        Error::InvalidArgument { param, message } => Error::InvalidArgument {
            param: camel(&param),
            message: camel_message(&message),
        },
        Error::Api(mut api) => {
            api.param = api.param.as_deref().map(camel);
            Error::Api(api)
        }
        other => other,
    }
}

/// serde's messages quote field names in backticks (`unknown field `max_use`, expected one of
/// `max_uses`, …`): show them as the JavaScript caller writes them.
fn camel_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd pieces are inside backticks.
        let ident = part
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if i % 2 == 1 && ident {
            out.push_str(&camel(part));
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Options (JSON from `index.js`) → `T`, refusing unknown ones and wrong types; `param` is
/// `prefix` and the option's name (`options.timeout`).
pub fn options<T: DeserializeOwned + Default>(
    text: Option<&str>,
    prefix: &str,
) -> Result<T, Error> {
    let Some(text) = text else {
        return Ok(T::default());
    };
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let message = e.into_inner().to_string();
        // An unknown option: serde names it in the message.
        let name = if path == "." {
            message.split('`').nth(1).unwrap_or("options").to_owned()
        } else {
            path
        };
        Error::InvalidArgument {
            param: format!("{prefix}{name}"),
            message,
        }
    })
}

/// A retry count from JavaScript: 0 to 100.
pub fn retries(n: Option<u32>, param: &str) -> Result<Option<u32>, Error> {
    match n {
        Some(n) if n > 100 => Err(Error::InvalidArgument {
            param: param.into(),
            message: format!("must be an integer from 0 to 100, got {n}"),
        }),
        n => Ok(n),
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

/// The descriptor `index.js` turns into an error: `class` (the SDK's `class_name()`) picks the
/// class, the other fields become its properties, all from the SDK's accessors.
pub fn error(e: &Error) -> Value {
    let (message, param) = match e {
        Error::Api(_) => (e.message(), e.param().map(str::to_owned)),
        Error::InvalidArgument { param, message } => (
            format!("invalid argument `{param}`: {message}"),
            Some(param.clone()),
        ),
        // The SDK names no field for a bad configuration; its message does.
        Error::Config(message) => (e.to_string(), config_param(message).map(str::to_owned)),
        _ => (e.to_string(), e.param().map(str::to_owned)),
    };
    json!({
        "class": e.class_name(),
        "status": e.status(),
        "type": e.type_name(),
        "message": message,
        "param": param,
        "requestId": e.request_id(),
        "retryAfter": e.retry_after().map(|d| d.as_secs_f64()),
    })
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
/// A successful call's envelope: `{"ok": value, "status": 201, "requestId": "req_…"}`.
pub fn answer(value: Value, status: u16, request_id: Option<String>) -> String {
    json!({ "ok": value, "status": status, "requestId": request_id }).to_string()
}

pub fn envelope(result: Result<Value, Error>) -> String {
    match result {
        Ok(v) => json!({ "ok": v }).to_string(),
        Err(e) => json!({ "error": error(&e) }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_but_metadata_keys_stay() {
        let js = json!({"maxUses": 3, "ttlSeconds": 60, "roles": ["developer"],
                        "metadata": {"someKey": "v", "snake_key": "w"}});
        let snake = to_snake(js.clone()).unwrap();
        assert_eq!(
            snake,
            json!({"max_uses": 3, "ttl_seconds": 60, "roles": ["developer"],
                   "metadata": {"someKey": "v", "snake_key": "w"}})
        );
        assert_eq!(to_camel(snake), js);
    }

    #[test]
    fn snake_case_input_is_refused_with_the_camel_name() {
        let e = to_snake(json!({"max_uses": 1})).unwrap_err();
        assert_eq!(e.param(), Some("max_uses"));
        assert!(e.to_string().contains("`maxUses`"), "{e}");
    }

    #[test]
    fn sdk_errors_name_fields_in_camel_case() {
        let e = from_sdk(Error::InvalidArgument {
            param: "max_use".into(),
            message: "unknown field `max_use`, expected one of `max_uses`, `ttl_seconds`".into(),
        });
        let d = error(&e);
        assert_eq!(d["param"], "maxUse");
        assert_eq!(d["class"], "InvalidArgumentError");
        assert_eq!(d["type"], "invalid_argument");
        assert!(d["status"].is_null());
        let m = d["message"].as_str().unwrap();
        assert!(m.contains("`maxUses`") && m.contains("`ttlSeconds`"), "{m}");
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
