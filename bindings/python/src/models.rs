//! The response models as Python classes: read-only typed attributes, `to_dict()`, `to_json()`,
//! `__repr__` (secrets shortened) and equality. Each is filled from the generated Rust type
//! through serde, so field names and types follow the spec.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use invites_sdk::types;
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Values that `to_dict()` turns into plain Python data (nested models become dicts).
pub trait Plain {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

macro_rules! plain_via_into {
    ($($t:ty),*) => {$(
        impl Plain for $t {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.clone().into_bound_py_any(py)
            }
        }
    )*};
}
plain_via_into!(String, bool, i64, DateTime<Utc>, BTreeMap<String, String>);

impl<T: Plain> Plain for Option<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.plain(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: Plain> Plain for Vec<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|v| v.plain(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

/// Fields whose values are secrets: `__repr__` shows only their prefix.
const SECRET_FIELDS: [&str; 3] = ["code", "url", "api_key"];

/// `ic_4k8s…` → `ic_…`; a URL keeps everything up to its last segment's prefix.
fn shorten_secret(value: &str) -> String {
    let (head, last) = match value.rfind('/') {
        Some(i) => value.split_at(i + 1),
        None => ("", value),
    };
    let prefix = last.find('_').map(|i| &last[..=i]).unwrap_or("");
    format!("{head}{prefix}…")
}

fn field_repr(py: Python<'_>, name: &str, value: Bound<'_, PyAny>) -> PyResult<String> {
    if SECRET_FIELDS.contains(&name)
        && let Ok(s) = value.extract::<String>()
    {
        return Ok(format!("'{}'", shorten_secret(&s)));
    }
    let _ = py;
    Ok(value.repr()?.to_string())
}

/// Convert a generated type into our model of the same shape.
pub fn from_api<A: Serialize, M: DeserializeOwned>(api: A) -> Result<M, invites_sdk::Error> {
    serde_json::to_value(api)
        .and_then(serde_json::from_value)
        .map_err(|e| invites_sdk::Error::Decode {
            status: 200,
            message: format!("could not convert the response: {e}"),
            request_id: None,
        })
}

macro_rules! model {
    (
        $(#[doc = $doc:literal])*
        $name:ident from $api:ty { $($(#[doc = $fdoc:literal])* $field:ident : $ty:ty),* $(,)? }
    ) => {
        $(#[doc = $doc])*
        #[pyclass(module = "invites_sdk", frozen, eq, get_all)]
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $($(#[doc = $fdoc])* pub $field: $ty,)*
        }

        #[pymethods]
        impl $name {
            /// The model as a dict of plain Python values (nested models become dicts too).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let d = PyDict::new(py);
                $(d.set_item(stringify!($field), Plain::plain(&self.$field, py)?)?;)*
                Ok(d)
            }

            /// The model as the JSON the API sent.
            fn to_json(&self) -> PyResult<String> {
                serde_json::to_string(self)
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let parts: Vec<String> = vec![$(
                    format!(
                        "{}={}",
                        stringify!($field),
                        field_repr(py, stringify!($field), self.$field.clone().into_bound_py_any(py)?)?
                    ),
                )*];
                Ok(format!("{}({})", stringify!($name), parts.join(", ")))
            }
        }

        impl Plain for $name {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.to_dict(py)?.into_any())
            }
        }

        impl TryFrom<$api> for $name {
            type Error = invites_sdk::Error;
            fn try_from(api: $api) -> Result<Self, invites_sdk::Error> {
                from_api(api)
            }
        }
    };
}

model!(
    /// An invitation to join an organization. `code` and `url` are set only in the response that
    /// created or rotated the code.
    Invite from types::Invite {
        id: String,
        organization_id: String,
        name: Option<String>,
        description: Option<String>,
        message: Option<String>,
        emails: Vec<String>,
        roles: Vec<String>,
        teams: Vec<String>,
        expires_at: Option<DateTime<Utc>>,
        max_uses: Option<i64>,
        use_count: i64,
        enabled: bool,
        status: String,
        metadata: BTreeMap<String, String>,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        last_used_at: Option<DateTime<Utc>>,
        code: Option<String>,
        url: Option<String>,
    }
);

model!(
    /// The invites a batch created, in the order of the addresses.
    InviteBatch from types::InviteBatch {
        data: Vec<Invite>,
    }
);

model!(
    /// What a landing page may show about a code.
    InviteLookup from types::InviteLookup {
        organization_id: String,
        organization_name: String,
        roles: Vec<String>,
        teams: Vec<String>,
        message: Option<String>,
        expires_at: Option<DateTime<Utc>>,
        status: String,
        email_restricted: bool,
    }
);

model!(
    /// A member of the organization.
    Member from types::Member {
        id: String,
        organization_id: String,
        email: String,
        user_id: Option<String>,
        roles: Vec<String>,
        teams: Vec<String>,
        invite_id: Option<String>,
        created_at: DateTime<Utc>,
    }
);

model!(
    /// One acceptance of an invite.
    Redemption from types::Redemption {
        id: String,
        invite_id: String,
        member_id: String,
        email: String,
        user_id: Option<String>,
        created_at: DateTime<Utc>,
    }
);

model!(
    /// An organization that people join by invitation.
    Organization from types::Organization {
        id: String,
        name: String,
        roles: Vec<String>,
        created_at: DateTime<Utc>,
    }
);

model!(
    /// A new organization and its first API key, shown only here.
    OrganizationCreated from types::OrganizationCreated {
        organization: Organization,
        api_key: String,
    }
);

/// An item of a list: what a page stream yields.
#[derive(Debug, Clone, IntoPyObject)]
pub enum Item {
    Invite(Invite),
    Member(Member),
    Redemption(Redemption),
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Invite>()?;
    m.add_class::<InviteBatch>()?;
    m.add_class::<InviteLookup>()?;
    m.add_class::<Member>()?;
    m.add_class::<Redemption>()?;
    m.add_class::<Organization>()?;
    m.add_class::<OrganizationCreated>()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::shorten_secret;

    #[test]
    fn secrets_keep_only_their_prefix() {
        assert_eq!(shorten_secret("ic_4k8s2m6q0w3e7r1t5y9u3i7o1p5a9s"), "ic_…");
        assert_eq!(
            shorten_secret("http://127.0.0.1:8080/invite/ic_4k8s2m6q"),
            "http://127.0.0.1:8080/invite/ic_…"
        );
        assert_eq!(shorten_secret("secret"), "…");
    }
}
