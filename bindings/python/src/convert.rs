//! Python arguments → JSON → the generated request types, whose own `Deserialize` checks every
//! constraint of the spec (lengths, patterns, ranges). A refusal becomes `InvalidArgumentError`
//! naming the field (`roles[0]`, `metadata.team`, …).

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDateTime, PyFloat, PyInt, PyMapping, PySequence, PyString};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::errors::invalid_argument;

/// Convert a Python value to JSON: None, bool, int, float, str,
/// sequences (list, tuple, …), mappings with str keys, and timezone-aware `datetime` (RFC 3339). `path` names the argument in errors.
pub fn to_json(py: Python<'_>, obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(invalid_argument(py, Some(path), "integer out of range"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| invalid_argument(py, Some(path), "must be a finite number"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyDateTime>() {
        let dt: DateTime<FixedOffset> = obj.extract().map_err(|_| {
            invalid_argument(
                py,
                Some(path),
                "a datetime must be timezone-aware (e.g. datetime.now(timezone.utc))",
            )
        })?;
        return Ok(Value::String(dt.to_rfc3339()));
    }
    if let Ok(d) = obj.cast::<PyMapping>() {
        let mut map = Map::new();
        for item in d.items()?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let key: String = k
                .extract()
                .map_err(|_| invalid_argument(py, Some(path), "dictionary keys must be strings"))?;
            let value = to_json(py, &v, &format!("{path}.{key}"))?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.cast::<PySequence>().is_ok() && !obj.is_instance_of::<PyBytes>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(to_json(py, &item?, &format!("{path}[{i}]"))?);
        }
        return Ok(Value::Array(items));
    }
    Err(invalid_argument(
        py,
        Some(path),
        format!(
            "unsupported type {}",
            obj.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ),
    ))
}

/// A JSON request body built from keyword arguments; `None` arguments are left out.
pub struct Body<'py> {
    py: Python<'py>,
    map: Map<String, Value>,
}

impl<'py> Body<'py> {
    pub fn new(py: Python<'py>) -> Self {
        Self {
            py,
            map: Map::new(),
        }
    }

    /// Add `name` unless the argument is absent or `None`.
    pub fn field(mut self, name: &str, value: Option<Py<PyAny>>) -> PyResult<Self> {
        if let Some(v) = value {
            let v = v.bind(self.py);
            if !v.is_none() {
                let json = to_json(self.py, v, name)?;
                self.map.insert(name.to_owned(), json);
            }
        }
        Ok(self)
    }

    /// Add a required field (`None` is passed on, for the type to refuse with its reason).
    pub fn required(mut self, name: &str, value: Py<PyAny>) -> PyResult<Self> {
        let json = to_json(self.py, value.bind(self.py), name)?;
        self.map.insert(name.to_owned(), json);
        Ok(self)
    }

    /// Deserialize into the generated type, which validates it.
    pub fn build<T: DeserializeOwned>(self) -> PyResult<T> {
        parse(self.py, Value::Object(self.map), None)
    }
}

/// Deserialize `value` into `T`; a refusal names the field at fault (under `prefix`, if given).
pub fn parse<T: DeserializeOwned>(
    py: Python<'_>,
    value: Value,
    prefix: Option<&str>,
) -> PyResult<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let param = match (prefix, path.as_str()) {
            (Some(p), ".") => Some(p.to_owned()),
            (Some(p), rest) => Some(format!("{p}.{rest}")),
            (None, ".") => None,
            (None, rest) => Some(rest.to_owned()),
        };
        let inner = e.into_inner().to_string();
        let message = match &param {
            Some(p) => format!("{p}: {inner}"),
            None => inner,
        };
        invalid_argument(py, param.as_deref(), message)
    })
}

/// Seconds (a float) as a positive, finite duration.
pub fn seconds(py: Python<'_>, param: &str, secs: f64) -> PyResult<Duration> {
    if secs.is_finite() && secs > 0.0 && secs < 1e9 {
        Ok(Duration::from_secs_f64(secs))
    } else {
        Err(invalid_argument(
            py,
            Some(param),
            format!("{param} must be a positive number of seconds, got {secs}"),
        ))
    }
}

/// A page size from Python: the SDK checks the range; this only refuses what a `u32` cannot hold.
pub fn limit(py: Python<'_>, limit: Option<i64>) -> PyResult<Option<u32>> {
    limit
        .map(|n| {
            u32::try_from(n).map_err(|_| {
                invalid_argument(
                    py,
                    Some("limit"),
                    format!("must be between 1 and 100, got {n}"),
                )
            })
        })
        .transpose()
}
