//! Request input: JSON bodies with field-precise errors, query strings, page tokens, timestamps.

use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// Parse a JSON body; any error is a 400 naming the top-level field at fault. An explicit null
/// is refused (no request field of the spec is nullable but those [`parse_json_nullable`] names).
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    parse_json_nullable(body, &[])
}

/// [`parse_json`], where the top-level fields in `nullable` may be null (the spec says so).
pub fn parse_json_nullable<T: DeserializeOwned>(
    body: &[u8],
    nullable: &[&str],
) -> Result<T, ApiError> {
    if body.is_empty() {
        return Err(ApiError::invalid("body", "the request needs a JSON body"));
    }
    // No request field of the spec is nullable: an explicit null is refused, not read as
    // "omitted" (found by schemathesis: `{"name": "x", "roles": null}` was accepted).
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(body)
        && let Some((k, _)) = map
            .iter()
            .find(|(k, v)| v.is_null() && !nullable.contains(&k.as_str()))
    {
        return Err(ApiError::invalid(
            k.clone(),
            format!("{k} must not be null; leave it out instead"),
        ));
    }
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner();
        let message = inner.to_string();
        let top = e.path().iter().find_map(|seg| match seg {
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            _ => None,
        });
        let syntax = inner.is_syntax() || inner.is_eof();
        let param = top
            .filter(|_| !syntax)
            .or_else(|| backticked(&message))
            .unwrap_or_else(|| "body".to_string());
        let message = if syntax {
            format!("the body is not valid JSON: {message}")
        } else if path == "." {
            message
        } else {
            format!("{path}: {message}")
        };
        ApiError::invalid(param, message)
    })
}

/// The first `backticked` word of a serde message (`unknown field `x``, `missing field `y``).
fn backticked(message: &str) -> Option<String> {
    if !(message.starts_with("unknown field") || message.starts_with("missing field")) {
        return None;
    }
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

/// Check a string's length in characters.
pub fn check_len(param: &str, value: &str, min: usize, max: usize) -> Result<(), ApiError> {
    let n = value.chars().count();
    if n < min || n > max {
        return Err(ApiError::invalid(
            param,
            format!("{param} must have {min} to {max} characters, it has {n}"),
        ));
    }
    Ok(())
}

/// The page size from a `limit` query value: 1 to 100, default 20.
pub fn limit(raw: Option<&String>) -> Result<i64, ApiError> {
    let Some(raw) = raw else { return Ok(20) };
    match raw.parse::<i64>() {
        Ok(n @ 1..=100) => Ok(n),
        _ => Err(ApiError::invalid(
            "limit",
            format!("limit must be an integer from 1 to 100, got {raw:?}"),
        )),
    }
}

/// A position in a newest-first list: the last row seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// `created_at` of the last row, epoch ms.
    pub created_at: i64,
    /// `id` of the last row.
    pub id: String,
}

impl Cursor {
    /// The opaque token for this cursor.
    pub fn encode(&self) -> String {
        hex::encode(format!("v1|{}|{}", self.created_at, self.id))
    }

    /// Decode a `page_token` query value; garbage is a 400.
    pub fn decode(raw: Option<&String>) -> Result<Option<Cursor>, ApiError> {
        let Some(raw) = raw else { return Ok(None) };
        let bad =
            || ApiError::invalid("page_token", "page_token is not a token this server issued");
        if raw.len() > 512 {
            return Err(bad());
        }
        let bytes = hex::decode(raw).map_err(|_| bad())?;
        let text = String::from_utf8(bytes).map_err(|_| bad())?;
        let mut parts = text.splitn(3, '|');
        if parts.next() != Some("v1") {
            return Err(bad());
        }
        let created_at = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let id = parts.next().ok_or_else(bad)?;
        if id.is_empty()
            || id.len() > 64
            || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(bad());
        }
        Ok(Some(Cursor {
            created_at,
            id: id.to_string(),
        }))
    }
}

/// Epoch milliseconds as RFC 3339 (UTC, milliseconds).
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Parse an RFC 3339 timestamp into epoch milliseconds.
pub fn parse_time(param: &str, s: &str) -> Result<i64, ApiError> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.timestamp_millis())
        .map_err(|e| ApiError::invalid(param, format!("{param} is not an RFC 3339 date-time: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        roles: Vec<String>,
        max_uses: Option<i64>,
    }

    fn param_of(json: &str) -> String {
        match parse_json::<Body>(json.as_bytes()) {
            Err(ApiError::Invalid { param, .. }) => param,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(param_of(r#"{"roles": ["a"], "bogus": 1}"#), "bogus");
        assert_eq!(param_of(r#"{"max_uses": 1}"#), "roles");
        assert_eq!(param_of(r#"{"roles": ["a", 3]}"#), "roles");
        assert_eq!(param_of(r#"{"roles": ["a"], "max_uses": "5"}"#), "max_uses");
        assert_eq!(param_of(r#"{"roles": "#), "body");
        assert_eq!(param_of("[]"), "body");
        assert_eq!(
            param_of(r#"{"roles": ["a"], "max_uses": null}"#),
            "max_uses"
        );
        assert_eq!(param_of(r#"{"roles": null}"#), "roles");
        let ok: Body =
            parse_json_nullable(br#"{"roles": ["a"], "max_uses": null}"#, &["max_uses"]).unwrap();
        assert_eq!(ok.max_uses, None);
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let c = Cursor {
            created_at: 1_700_000_000_123,
            id: "inv_abc".into(),
        };
        assert_eq!(Cursor::decode(Some(&c.encode())).unwrap(), Some(c));
        for bad in [
            "zz",
            "",
            "00",
            &hex::encode("v2|1|inv_a"),
            &hex::encode("v1|x|inv_a"),
            &hex::encode("v1|1|a'b"),
        ] {
            assert!(Cursor::decode(Some(&bad.to_string())).is_err(), "{bad}");
        }
    }
}
