//! The resource objects (`client.invites`, `client.members`, `client.organizations`).
//!
//! Each operation is written once, as a function from Python arguments to an SDK call (or a page
//! stream); the `resource!` macro turns that list into a sync class, whose methods wait with the
//! GIL released, and an async class, whose methods return asyncio futures. Sync and async can
//! therefore not drift apart.

use std::sync::Arc;

use invites_sdk::{ListInvites, ListMembers, ListRedemptions, types};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use serde_json::Value;

use crate::client::Core;
use crate::convert::{Body, limit, parse};
use crate::models::{
    Invite, InviteBatch, InviteLookup, Member, Organization, OrganizationCreated, Redemption,
};
use crate::pager::{AsyncPager, Source, SyncPager};
use crate::runtime::{Call, call, run_async, run_sync};

/// What an operation prepares: a call, or a list's stream.
pub trait Outcome {
    fn sync(self, py: Python<'_>) -> PyResult<Py<PyAny>>;
    fn asyncio(self, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

impl<T> Outcome for Call<T>
where
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    fn sync(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        run_sync(py, self)?.into_py_any(py)
    }
    fn asyncio(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(run_async(py, self)?.unbind())
    }
}

impl Outcome for Source {
    fn sync(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, SyncPager::new(self))?.into_any())
    }
    fn asyncio(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, AsyncPager::new(self))?.into_any())
    }
}

macro_rules! resource {
    (
        $(#[doc = $doc:literal])*
        $sync:ident / $asyncio:ident {
            $(
                $(#[doc = $mdoc:literal])*
                #[pyo3(signature = $sig:tt)]
                fn $name:ident($py:ident, $core:ident $(, $arg:ident : $ty:ty)* $(,)?) $body:block
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[pyclass(module = "invites_sdk", frozen)]
        pub struct $sync {
            core: Arc<Core>,
        }

        impl $sync {
            pub fn new(core: Arc<Core>) -> Self {
                Self { core }
            }
        }

        #[pymethods]
        impl $sync {
            $(
                $(#[doc = $mdoc])*
                #[pyo3(signature = $sig)]
                #[allow(clippy::too_many_arguments)]
                fn $name(&self, $py: Python<'_>, $($arg: $ty),*) -> PyResult<Py<PyAny>> {
                    let $core: &Core = &self.core;
                    Outcome::sync($body?, $py)
                }
            )*

            fn __repr__(&self) -> String {
                format!("<{} resource>", stringify!($sync))
            }
        }

        $(#[doc = $doc])*
        #[pyclass(module = "invites_sdk", frozen)]
        pub struct $asyncio {
            core: Arc<Core>,
        }

        impl $asyncio {
            pub fn new(core: Arc<Core>) -> Self {
                Self { core }
            }
        }

        #[pymethods]
        impl $asyncio {
            $(
                $(#[doc = $mdoc])*
                #[pyo3(signature = $sig)]
                #[allow(clippy::too_many_arguments)]
                fn $name(&self, $py: Python<'_>, $($arg: $ty),*) -> PyResult<Py<PyAny>> {
                    let $core: &Core = &self.core;
                    Outcome::asyncio($body?, $py)
                }
            )*

            fn __repr__(&self) -> String {
                format!("<{} resource>", stringify!($asyncio))
            }
        }
    };
}

/// Parse an invite status filter.
fn status(py: Python<'_>, status: Option<String>) -> PyResult<Option<types::InviteStatus>> {
    status
        .map(|s| parse(py, Value::String(s), Some("status")))
        .transpose()
}

type Obj = Py<PyAny>;

resource!(
    /// Invite operations.
    Invites / AsyncInvites {
        /// `createInvite`: a new invite; the result is the only one that carries `code` and `url`.
        #[pyo3(signature = (*, roles, emails=None, name=None, description=None, message=None, teams=None, expires_at=None, ttl_seconds=None, never_expires=None, max_uses=None, single_use=None, enabled=None, metadata=None, idempotency_key=None, timeout=None))]
        fn create(
            py, core,
            roles: Obj, emails: Option<Obj>, name: Option<Obj>, description: Option<Obj>,
            message: Option<Obj>, teams: Option<Obj>, expires_at: Option<Obj>,
            ttl_seconds: Option<Obj>, never_expires: Option<Obj>, max_uses: Option<Obj>,
            single_use: Option<Obj>, enabled: Option<Obj>, metadata: Option<Obj>,
            idempotency_key: Option<String>, timeout: Option<f64>,
        ) {
            let body: types::InviteCreate = Body::new(py)
                .required("roles", roles)?
                .field("emails", emails)?
                .field("name", name)?
                .field("description", description)?
                .field("message", message)?
                .field("teams", teams)?
                .field("expires_at", expires_at)?
                .field("ttl_seconds", ttl_seconds)?
                .field("never_expires", never_expires)?
                .field("max_uses", max_uses)?
                .field("single_use", single_use)?
                .field("enabled", enabled)?
                .field("metadata", metadata)?
                .build()?;
            let c = core.client(py, idempotency_key, timeout)?;
            PyResult::Ok(call(async move {
                c.invites().create(&body).await.and_then(Invite::try_from)
            }))
        }

        /// `createInvites`: one single-use invite per address, all or nothing.
        #[pyo3(signature = (*, emails, roles, teams=None, name=None, message=None, expires_at=None, ttl_seconds=None, metadata=None, idempotency_key=None, timeout=None))]
        fn create_batch(
            py, core,
            emails: Obj, roles: Obj, teams: Option<Obj>, name: Option<Obj>, message: Option<Obj>,
            expires_at: Option<Obj>, ttl_seconds: Option<Obj>, metadata: Option<Obj>,
            idempotency_key: Option<String>, timeout: Option<f64>,
        ) {
            let body: types::InviteBatchCreate = Body::new(py)
                .required("emails", emails)?
                .required("roles", roles)?
                .field("teams", teams)?
                .field("name", name)?
                .field("message", message)?
                .field("expires_at", expires_at)?
                .field("ttl_seconds", ttl_seconds)?
                .field("metadata", metadata)?
                .build()?;
            let c = core.client(py, idempotency_key, timeout)?;
            PyResult::Ok(call(async move {
                c.invites().create_batch(&body).await.and_then(InviteBatch::try_from)
            }))
        }

        /// `getInvite`: one invite.
        #[pyo3(signature = (invite_id, *, timeout=None))]
        fn get(py, core, invite_id: String, timeout: Option<f64>) {
            let c = core.client(py, None, timeout)?;
            PyResult::Ok(call(async move {
                c.invites().get(&invite_id).await.and_then(Invite::try_from)
            }))
        }

        /// `listInvites`: every invite matching the filters, newest first, page after page.
        #[pyo3(signature = (*, status=None, email=None, limit=None, page_token=None, timeout=None))]
        fn list(
            py, core,
            status: Option<String>, email: Option<String>, limit: Option<i64>,
            page_token: Option<String>, timeout: Option<f64>,
        ) {
            let c = core.client(py, None, timeout)?;
            let params = ListInvites {
                status: self::status(py, status)?,
                email,
                limit: self::limit(py, limit)?,
                page_token,
            };
            let stream = c.invites().list(params.clone());
            PyResult::Ok(Source::new::<_, Invite, _>("invites", stream, move || {
                let (c, params) = (c.clone(), params.clone());
                call(async move { c.invites().list_page(&params).await })
            }))
        }

        /// `updateInvite`: change the given fields; omitted ones stay as they are.
        #[pyo3(signature = (invite_id, *, name=None, description=None, message=None, roles=None, teams=None, expires_at=None, max_uses=None, enabled=None, timeout=None))]
        fn update(
            py, core,
            invite_id: String, name: Option<Obj>, description: Option<Obj>, message: Option<Obj>,
            roles: Option<Obj>, teams: Option<Obj>, expires_at: Option<Obj>,
            max_uses: Option<Obj>, enabled: Option<Obj>, timeout: Option<f64>,
        ) {
            let body: types::InviteUpdate = Body::new(py)
                .field("name", name)?
                .field("description", description)?
                .field("message", message)?
                .field("roles", roles)?
                .field("teams", teams)?
                .field("expires_at", expires_at)?
                .field("max_uses", max_uses)?
                .field("enabled", enabled)?
                .build()?;
            let c = core.client(py, None, timeout)?;
            PyResult::Ok(call(async move {
                c.invites().update(&invite_id, &body).await.and_then(Invite::try_from)
            }))
        }

        /// `revokeInvite`: revoke for good; repeating it is harmless.
        #[pyo3(signature = (invite_id, *, timeout=None))]
        fn revoke(py, core, invite_id: String, timeout: Option<f64>) {
            let c = core.client(py, None, timeout)?;
            PyResult::Ok(call(async move {
                c.invites().revoke(&invite_id).await.and_then(Invite::try_from)
            }))
        }

        /// `rotateInviteCode`: a new code (in the result); the old one stops working.
        #[pyo3(signature = (invite_id, *, idempotency_key=None, timeout=None))]
        fn rotate(py, core, invite_id: String, idempotency_key: Option<String>, timeout: Option<f64>) {
            let c = core.client(py, idempotency_key, timeout)?;
            PyResult::Ok(call(async move {
                c.invites().rotate(&invite_id).await.and_then(Invite::try_from)
            }))
        }

        /// `lookupInvite`: what a landing page may show for a code; consumes nothing.
        #[pyo3(signature = (code, *, idempotency_key=None, timeout=None))]
        fn lookup(py, core, code: String, idempotency_key: Option<String>, timeout: Option<f64>) {
            let c = core.client(py, idempotency_key, timeout)?;
            PyResult::Ok(call(async move {
                c.invites().lookup(&code).await.and_then(InviteLookup::try_from)
            }))
        }

        /// `acceptInvite`: redeem a code for an address your backend verified; the new member.
        #[pyo3(signature = (*, code, email, user_id=None, idempotency_key=None, timeout=None))]
        fn accept(
            py, core,
            code: Obj, email: Obj, user_id: Option<Obj>,
            idempotency_key: Option<String>, timeout: Option<f64>,
        ) {
            let body: types::InviteAcceptRequest = Body::new(py)
                .required("code", code)?
                .required("email", email)?
                .field("user_id", user_id)?
                .build()?;
            let c = core.client(py, idempotency_key, timeout)?;
            PyResult::Ok(call(async move {
                c.invites().accept(&body).await.and_then(Member::try_from)
            }))
        }

        /// `listInviteRedemptions`: who accepted an invite, newest first, page after page.
        #[pyo3(signature = (invite_id, *, limit=None, page_token=None, timeout=None))]
        fn redemptions(
            py, core,
            invite_id: String, limit: Option<i64>, page_token: Option<String>, timeout: Option<f64>,
        ) {
            let c = core.client(py, None, timeout)?;
            let params = ListRedemptions { limit: self::limit(py, limit)?, page_token };
            let stream = c.invites().redemptions(&invite_id, params.clone());
            PyResult::Ok(Source::new::<_, Redemption, _>("redemptions", stream, move || {
                let (c, params, id) = (c.clone(), params.clone(), invite_id.clone());
                call(async move { c.invites().redemptions_page(&id, &params).await })
            }))
        }
    }
);

resource!(
    /// Member operations.
    Members / AsyncMembers {
        /// `listMembers`: every member (or the one with `email`), newest first, page after page.
        #[pyo3(signature = (*, email=None, limit=None, page_token=None, timeout=None))]
        fn list(
            py, core,
            email: Option<String>, limit: Option<i64>, page_token: Option<String>, timeout: Option<f64>,
        ) {
            let c = core.client(py, None, timeout)?;
            let params = ListMembers { email, limit: self::limit(py, limit)?, page_token };
            let stream = c.members().list(params.clone());
            PyResult::Ok(Source::new::<_, Member, _>("members", stream, move || {
                let (c, params) = (c.clone(), params.clone());
                call(async move { c.members().list_page(&params).await })
            }))
        }

        /// `getMember`: one member.
        #[pyo3(signature = (member_id, *, timeout=None))]
        fn get(py, core, member_id: String, timeout: Option<f64>) {
            let c = core.client(py, None, timeout)?;
            PyResult::Ok(call(async move {
                c.members().get(&member_id).await.and_then(Member::try_from)
            }))
        }

        /// `removeMember`: remove a member; returns who was removed.
        #[pyo3(signature = (member_id, *, timeout=None))]
        fn remove(py, core, member_id: String, timeout: Option<f64>) {
            let c = core.client(py, None, timeout)?;
            PyResult::Ok(call(async move {
                c.members().remove(&member_id).await.and_then(Member::try_from)
            }))
        }
    }
);

resource!(
    /// Organization operations.
    Organizations / AsyncOrganizations {
        /// `createOrganization` (admin token): a new organization and its first API key.
        #[pyo3(signature = (*, name, roles=None, idempotency_key=None, timeout=None))]
        fn create(
            py, core,
            name: Obj, roles: Option<Obj>, idempotency_key: Option<String>, timeout: Option<f64>,
        ) {
            let body: types::OrganizationCreate = Body::new(py)
                .required("name", name)?
                .field("roles", roles)?
                .build()?;
            let c = core.client(py, idempotency_key, timeout)?;
            PyResult::Ok(call(async move {
                c.organizations().create(&body).await.and_then(OrganizationCreated::try_from)
            }))
        }

        /// `getOrganization`: the organization the API key belongs to.
        #[pyo3(signature = (*, timeout=None))]
        fn get(py, core, timeout: Option<f64>) {
            let c = core.client(py, None, timeout)?;
            PyResult::Ok(call(async move {
                c.organizations().get().await.and_then(Organization::try_from)
            }))
        }
    }
);
