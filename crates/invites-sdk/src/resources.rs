// @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the spec disagree.
//! Resource-style methods, one per operation of the spec. Each picks the generated call,
//! its idempotency key and its retry loop; none builds HTTP by hand.

use crate::client::{Client, Response};
use crate::error::Error;
use crate::generated::types;
use crate::pagination::{self, Page, PageStream};

impl Client {
    /// The organization the API key belongs to, and creating new ones with the admin token.
    pub fn organizations(&self) -> Organizations<'_> {
        Organizations { client: self }
    }

    /// Invites: create, list, get, update, revoke, rotate, look up, accept, batches, redemptions, resend, deliveries.
    pub fn invites(&self) -> Invites<'_> {
        Invites { client: self }
    }

    /// Members of the caller's organization.
    pub fn members(&self) -> Members<'_> {
        Members { client: self }
    }

    /// The organization's API keys: create (the secret is shown once), list, revoke.
    pub fn api_keys(&self) -> ApiKeys<'_> {
        ApiKeys { client: self }
    }

    /// The organization's audit log: every change, newest first.
    pub fn events(&self) -> Events<'_> {
        Events { client: self }
    }

    /// Webhook endpoints (create: the secret is shown once, list, get, update, delete, rotate the secret, deliveries), and unwrapping what they receive.
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks { client: self }
    }
}

/// Filters and paging for [`Invites::list`] (`listInvites`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListInvites {
    /// Only invites with this derived status.
    pub status: Option<types::InviteStatus>,
    /// Only invites whose address list holds this exact address or pattern (case-insensitive).
    pub email: Option<String>,
    /// Page size, 1 to 100.
    pub limit: Option<u32>,
    /// The `next_page_token` of the previous page, as the server issued it (an opaque token of at
    /// most 512 characters; any other value is a 400 naming `page_token`); omit for the first
    /// page.
    pub page_token: Option<String>,
}

/// Filters and paging for [`Invites::redemptions`] (`listInviteRedemptions`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRedemptions {
    /// Page size, 1 to 100.
    pub limit: Option<u32>,
    /// The `next_page_token` of the previous page, as the server issued it (an opaque token of at
    /// most 512 characters; any other value is a 400 naming `page_token`); omit for the first
    /// page.
    pub page_token: Option<String>,
}

/// Filters and paging for [`Invites::deliveries`] (`listInviteDeliveries`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListDeliveries {
    /// Page size, 1 to 100.
    pub limit: Option<u32>,
    /// The `next_page_token` of the previous page, as the server issued it (an opaque token of at
    /// most 512 characters; any other value is a 400 naming `page_token`); omit for the first
    /// page.
    pub page_token: Option<String>,
}

/// Filters and paging for [`Events::list`] (`listEvents`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListEvents {
    /// Only events of this type (any other value is a 400 naming `type`).
    pub r#type: Option<types::EventType>,
    /// Page size, 1 to 100.
    pub limit: Option<u32>,
    /// The `next_page_token` of the previous page, as the server issued it (an opaque token of at
    /// most 512 characters; any other value is a 400 naming `page_token`); omit for the first
    /// page.
    pub page_token: Option<String>,
}

/// Filters and paging for [`Members::list`] (`listMembers`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListMembers {
    /// Only the member with this address (case-insensitive).
    pub email: Option<String>,
    /// Page size, 1 to 100.
    pub limit: Option<u32>,
    /// The `next_page_token` of the previous page, as the server issued it (an opaque token of at
    /// most 512 characters; any other value is a 400 naming `page_token`); omit for the first
    /// page.
    pub page_token: Option<String>,
}

/// Filters and paging for [`ApiKeys::list`] (`listApiKeys`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListApiKeys {
    /// Page size, 1 to 100.
    pub limit: Option<u32>,
    /// The `next_page_token` of the previous page, as the server issued it (an opaque token of at
    /// most 512 characters; any other value is a 400 naming `page_token`); omit for the first
    /// page.
    pub page_token: Option<String>,
}

/// Filters and paging for [`Webhooks::list`] (`listWebhookEndpoints`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListWebhookEndpoints {
    /// Page size, 1 to 100.
    pub limit: Option<u32>,
    /// The `next_page_token` of the previous page, as the server issued it (an opaque token of at
    /// most 512 characters; any other value is a 400 naming `page_token`); omit for the first
    /// page.
    pub page_token: Option<String>,
}

/// Filters and paging for [`Webhooks::deliveries`] (`listWebhookDeliveries`).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListWebhookDeliveries {
    /// Page size, 1 to 100.
    pub limit: Option<u32>,
    /// The `next_page_token` of the previous page, as the server issued it (an opaque token of at
    /// most 512 characters; any other value is a 400 naming `page_token`); omit for the first
    /// page.
    pub page_token: Option<String>,
}

/// The organization the API key belongs to, and creating new ones with the admin token.
#[derive(Debug, Clone, Copy)]
pub struct Organizations<'c> {
    client: &'c Client,
}

impl Organizations<'_> {
    /// `createOrganization`: Create an organization (admin token) and its first API key.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, body: invites_sdk::types::OrganizationCreate) -> Result<(), invites_sdk::Error> {
    /// let answer = client.organizations().create(&body).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create(
        &self,
        body: &types::OrganizationCreate,
    ) -> Result<types::OrganizationCreated, Error> {
        Ok(self.create_with_response(body).await?.data)
    }

    /// [`Self::create`] with the answer's status, request id and headers.
    pub async fn create_with_response(
        &self,
        body: &types::OrganizationCreate,
    ) -> Result<Response<types::OrganizationCreated>, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.create_organization(Some(&key), body))
            .await
    }

    /// `getOrganization`: The organization the API key belongs to.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client) -> Result<(), invites_sdk::Error> {
    /// let answer = client.organizations().get().await?;
    /// # Ok(()) }
    /// ```
    pub async fn get(&self) -> Result<types::Organization, Error> {
        Ok(self.get_with_response().await?.data)
    }

    /// [`Self::get`] with the answer's status, request id and headers.
    pub async fn get_with_response(&self) -> Result<Response<types::Organization>, Error> {
        let g = self.client.generated();
        self.client.run_with_response(|| g.get_organization()).await
    }
}

/// Invites: create, list, get, update, revoke, rotate, look up, accept, batches, redemptions, resend, deliveries.
#[derive(Debug, Clone, Copy)]
pub struct Invites<'c> {
    client: &'c Client,
}

impl Invites<'_> {
    /// `listInvites`: List invites, newest first, one page at a time. One page.
    pub async fn list_page(&self, params: &ListInvites) -> Result<Page<types::Invite>, Error> {
        Ok(self.list_page_with_response(params).await?.data)
    }

    /// [`Self::list_page`] with the answer's status, request id and headers.
    pub async fn list_page_with_response(
        &self,
        params: &ListInvites,
    ) -> Result<Response<Page<types::Invite>>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let r = self
            .client
            .run_with_response(|| {
                g.list_invites(
                    params.email.as_deref(),
                    limit,
                    params.page_token.as_deref(),
                    params.status,
                )
            })
            .await?;
        Ok(r.map(|list| Page {
            data: list.data,
            next_page_token: list.next_page_token,
        }))
    }

    /// `listInvites`: List invites, newest first, one page at a time. Every item, page after page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// # async fn example(client: invites_sdk::Client) -> Result<(), invites_sdk::Error> {
    /// let all: Vec<_> = client.invites().list(invites_sdk::ListInvites::default()).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn list(&self, params: ListInvites) -> PageStream<types::Invite> {
        let client = self.client.clone();
        pagination::paginate(params.page_token.clone(), move |page_token| {
            let client = client.clone();
            let params = ListInvites {
                page_token,
                ..params.clone()
            };
            async move { client.invites().list_page(&params).await }
        })
    }

    /// `createInvite`: Create an invite; the response is the only one that shows its code and url.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, body: invites_sdk::types::InviteCreate) -> Result<(), invites_sdk::Error> {
    /// let answer = client.invites().create(&body).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create(&self, body: &types::InviteCreate) -> Result<types::Invite, Error> {
        Ok(self.create_with_response(body).await?.data)
    }

    /// [`Self::create`] with the answer's status, request id and headers.
    pub async fn create_with_response(
        &self,
        body: &types::InviteCreate,
    ) -> Result<Response<types::Invite>, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.create_invite(Some(&key), body))
            .await
    }

    /// `createInvites`: Create one single-use invite per address, all or nothing.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, body: invites_sdk::types::InviteBatchCreate) -> Result<(), invites_sdk::Error> {
    /// let answer = client.invites().create_batch(&body).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_batch(
        &self,
        body: &types::InviteBatchCreate,
    ) -> Result<types::InviteBatch, Error> {
        Ok(self.create_batch_with_response(body).await?.data)
    }

    /// [`Self::create_batch`] with the answer's status, request id and headers.
    pub async fn create_batch_with_response(
        &self,
        body: &types::InviteBatchCreate,
    ) -> Result<Response<types::InviteBatch>, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.create_invites(Some(&key), body))
            .await
    }

    /// `lookupInvite`: What a landing page may show about a code. Consumes nothing.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, code: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.invites().lookup(code).await?;
    /// # Ok(()) }
    /// ```
    pub async fn lookup(&self, code: &str) -> Result<types::InviteLookup, Error> {
        Ok(self.lookup_with_response(code).await?.data)
    }

    /// [`Self::lookup`] with the answer's status, request id and headers.
    pub async fn lookup_with_response(
        &self,
        code: &str,
    ) -> Result<Response<types::InviteLookup>, Error> {
        let body: types::InviteLookupRequest =
            crate::json::Args::new(serde_json::json!({ "code": code }))?.into()?;
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.lookup_invite(Some(&key), &body))
            .await
    }

    /// `acceptInvite`: Redeem a code for an email the caller has verified; creates a membership.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, body: invites_sdk::types::InviteAcceptRequest) -> Result<(), invites_sdk::Error> {
    /// let answer = client.invites().accept(&body).await?;
    /// # Ok(()) }
    /// ```
    pub async fn accept(&self, body: &types::InviteAcceptRequest) -> Result<types::Member, Error> {
        Ok(self.accept_with_response(body).await?.data)
    }

    /// [`Self::accept`] with the answer's status, request id and headers.
    pub async fn accept_with_response(
        &self,
        body: &types::InviteAcceptRequest,
    ) -> Result<Response<types::Member>, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.accept_invite(Some(&key), body))
            .await
    }

    /// `getInvite`: One invite.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, invite_id: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.invites().get(invite_id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, invite_id: &str) -> Result<types::Invite, Error> {
        Ok(self.get_with_response(invite_id).await?.data)
    }

    /// [`Self::get`] with the answer's status, request id and headers.
    pub async fn get_with_response(
        &self,
        invite_id: &str,
    ) -> Result<Response<types::Invite>, Error> {
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.get_invite(invite_id))
            .await
    }

    /// `updateInvite`: Change an invite; omitted fields stay as they are.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, invite_id: &str, body: invites_sdk::types::InviteUpdate) -> Result<(), invites_sdk::Error> {
    /// let answer = client.invites().update(invite_id, &body).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update(
        &self,
        invite_id: &str,
        body: &types::InviteUpdate,
    ) -> Result<types::Invite, Error> {
        Ok(self.update_with_response(invite_id, body).await?.data)
    }

    /// [`Self::update`] with the answer's status, request id and headers.
    pub async fn update_with_response(
        &self,
        invite_id: &str,
        body: &types::InviteUpdate,
    ) -> Result<Response<types::Invite>, Error> {
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.update_invite(invite_id, body))
            .await
    }

    /// `revokeInvite`: Revoke an invite for good; repeating it is harmless.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, invite_id: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.invites().revoke(invite_id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn revoke(&self, invite_id: &str) -> Result<types::Invite, Error> {
        Ok(self.revoke_with_response(invite_id).await?.data)
    }

    /// [`Self::revoke`] with the answer's status, request id and headers.
    pub async fn revoke_with_response(
        &self,
        invite_id: &str,
    ) -> Result<Response<types::Invite>, Error> {
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.revoke_invite(invite_id))
            .await
    }

    /// `rotateInviteCode`: Replace the invite's code; the old one stops working at once.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, invite_id: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.invites().rotate(invite_id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn rotate(&self, invite_id: &str) -> Result<types::Invite, Error> {
        Ok(self.rotate_with_response(invite_id).await?.data)
    }

    /// [`Self::rotate`] with the answer's status, request id and headers.
    pub async fn rotate_with_response(
        &self,
        invite_id: &str,
    ) -> Result<Response<types::Invite>, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.rotate_invite_code(invite_id, Some(&key)))
            .await
    }

    /// `listInviteRedemptions`: Who accepted this invite, newest first. One page.
    pub async fn redemptions_page(
        &self,
        invite_id: &str,
        params: &ListRedemptions,
    ) -> Result<Page<types::Redemption>, Error> {
        Ok(self
            .redemptions_page_with_response(invite_id, params)
            .await?
            .data)
    }

    /// [`Self::redemptions_page`] with the answer's status, request id and headers.
    pub async fn redemptions_page_with_response(
        &self,
        invite_id: &str,
        params: &ListRedemptions,
    ) -> Result<Response<Page<types::Redemption>>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let r = self
            .client
            .run_with_response(|| {
                g.list_invite_redemptions(invite_id, limit, params.page_token.as_deref())
            })
            .await?;
        Ok(r.map(|list| Page {
            data: list.data,
            next_page_token: list.next_page_token,
        }))
    }

    /// `listInviteRedemptions`: Who accepted this invite, newest first. Every item, page after page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// # async fn example(client: invites_sdk::Client, invite_id: &str) -> Result<(), invites_sdk::Error> {
    /// let all: Vec<_> = client.invites().redemptions(invite_id, invites_sdk::ListRedemptions::default()).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn redemptions(
        &self,
        invite_id: &str,
        params: ListRedemptions,
    ) -> PageStream<types::Redemption> {
        let client = self.client.clone();
        let invite_id = invite_id.to_owned();
        pagination::paginate(params.page_token.clone(), move |page_token| {
            let client = client.clone();
            let invite_id = invite_id.clone();
            let params = ListRedemptions {
                page_token,
                ..params.clone()
            };
            async move { client.invites().redemptions_page(&invite_id, &params).await }
        })
    }

    /// `resendInvite`: Replace the invite's code and email it again to every address that has not accepted.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, invite_id: &str, body: invites_sdk::types::InviteResend) -> Result<(), invites_sdk::Error> {
    /// let answer = client.invites().resend(invite_id, &body).await?;
    /// # Ok(()) }
    /// ```
    pub async fn resend(
        &self,
        invite_id: &str,
        body: &types::InviteResend,
    ) -> Result<types::Invite, Error> {
        Ok(self.resend_with_response(invite_id, body).await?.data)
    }

    /// [`Self::resend`] with the answer's status, request id and headers.
    pub async fn resend_with_response(
        &self,
        invite_id: &str,
        body: &types::InviteResend,
    ) -> Result<Response<types::Invite>, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.resend_invite(invite_id, Some(&key), body))
            .await
    }

    /// `listInviteDeliveries`: The invitation emails of this invite and how their delivery went, newest first. One page.
    pub async fn deliveries_page(
        &self,
        invite_id: &str,
        params: &ListDeliveries,
    ) -> Result<Page<types::Delivery>, Error> {
        Ok(self
            .deliveries_page_with_response(invite_id, params)
            .await?
            .data)
    }

    /// [`Self::deliveries_page`] with the answer's status, request id and headers.
    pub async fn deliveries_page_with_response(
        &self,
        invite_id: &str,
        params: &ListDeliveries,
    ) -> Result<Response<Page<types::Delivery>>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let r = self
            .client
            .run_with_response(|| {
                g.list_invite_deliveries(invite_id, limit, params.page_token.as_deref())
            })
            .await?;
        Ok(r.map(|list| Page {
            data: list.data,
            next_page_token: list.next_page_token,
        }))
    }

    /// `listInviteDeliveries`: The invitation emails of this invite and how their delivery went, newest first. Every item, page after page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// # async fn example(client: invites_sdk::Client, invite_id: &str) -> Result<(), invites_sdk::Error> {
    /// let all: Vec<_> = client.invites().deliveries(invite_id, invites_sdk::ListDeliveries::default()).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn deliveries(
        &self,
        invite_id: &str,
        params: ListDeliveries,
    ) -> PageStream<types::Delivery> {
        let client = self.client.clone();
        let invite_id = invite_id.to_owned();
        pagination::paginate(params.page_token.clone(), move |page_token| {
            let client = client.clone();
            let invite_id = invite_id.clone();
            let params = ListDeliveries {
                page_token,
                ..params.clone()
            };
            async move { client.invites().deliveries_page(&invite_id, &params).await }
        })
    }
}

/// Members of the caller's organization.
#[derive(Debug, Clone, Copy)]
pub struct Members<'c> {
    client: &'c Client,
}

impl Members<'_> {
    /// `listMembers`: Members of the organization, newest first. One page.
    pub async fn list_page(&self, params: &ListMembers) -> Result<Page<types::Member>, Error> {
        Ok(self.list_page_with_response(params).await?.data)
    }

    /// [`Self::list_page`] with the answer's status, request id and headers.
    pub async fn list_page_with_response(
        &self,
        params: &ListMembers,
    ) -> Result<Response<Page<types::Member>>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let r = self
            .client
            .run_with_response(|| {
                g.list_members(params.email.as_deref(), limit, params.page_token.as_deref())
            })
            .await?;
        Ok(r.map(|list| Page {
            data: list.data,
            next_page_token: list.next_page_token,
        }))
    }

    /// `listMembers`: Members of the organization, newest first. Every item, page after page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// # async fn example(client: invites_sdk::Client) -> Result<(), invites_sdk::Error> {
    /// let all: Vec<_> = client.members().list(invites_sdk::ListMembers::default()).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn list(&self, params: ListMembers) -> PageStream<types::Member> {
        let client = self.client.clone();
        pagination::paginate(params.page_token.clone(), move |page_token| {
            let client = client.clone();
            let params = ListMembers {
                page_token,
                ..params.clone()
            };
            async move { client.members().list_page(&params).await }
        })
    }

    /// `getMember`: One member.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, member_id: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.members().get(member_id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, member_id: &str) -> Result<types::Member, Error> {
        Ok(self.get_with_response(member_id).await?.data)
    }

    /// [`Self::get`] with the answer's status, request id and headers.
    pub async fn get_with_response(
        &self,
        member_id: &str,
    ) -> Result<Response<types::Member>, Error> {
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.get_member(member_id))
            .await
    }

    /// `removeMember`: Remove a member from the organization.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, member_id: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.members().remove(member_id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn remove(&self, member_id: &str) -> Result<types::Member, Error> {
        Ok(self.remove_with_response(member_id).await?.data)
    }

    /// [`Self::remove`] with the answer's status, request id and headers.
    pub async fn remove_with_response(
        &self,
        member_id: &str,
    ) -> Result<Response<types::Member>, Error> {
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.remove_member(member_id))
            .await
    }
}

/// The organization's API keys: create (the secret is shown once), list, revoke.
#[derive(Debug, Clone, Copy)]
pub struct ApiKeys<'c> {
    client: &'c Client,
}

impl ApiKeys<'_> {
    /// `listApiKeys`: The organization's API keys, revoked ones included, newest first; never a secret. One page.
    pub async fn list_page(&self, params: &ListApiKeys) -> Result<Page<types::ApiKey>, Error> {
        Ok(self.list_page_with_response(params).await?.data)
    }

    /// [`Self::list_page`] with the answer's status, request id and headers.
    pub async fn list_page_with_response(
        &self,
        params: &ListApiKeys,
    ) -> Result<Response<Page<types::ApiKey>>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let r = self
            .client
            .run_with_response(|| g.list_api_keys(limit, params.page_token.as_deref()))
            .await?;
        Ok(r.map(|list| Page {
            data: list.data,
            next_page_token: list.next_page_token,
        }))
    }

    /// `listApiKeys`: The organization's API keys, revoked ones included, newest first; never a secret. Every item, page after page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// # async fn example(client: invites_sdk::Client) -> Result<(), invites_sdk::Error> {
    /// let all: Vec<_> = client.api_keys().list(invites_sdk::ListApiKeys::default()).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn list(&self, params: ListApiKeys) -> PageStream<types::ApiKey> {
        let client = self.client.clone();
        pagination::paginate(params.page_token.clone(), move |page_token| {
            let client = client.clone();
            let params = ListApiKeys {
                page_token,
                ..params.clone()
            };
            async move { client.api_keys().list_page(&params).await }
        })
    }

    /// `createApiKey`: A new API key for the caller's organization; its secret is shown only here.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, body: invites_sdk::types::ApiKeyCreate) -> Result<(), invites_sdk::Error> {
    /// let answer = client.api_keys().create(&body).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create(&self, body: &types::ApiKeyCreate) -> Result<types::ApiKeyCreated, Error> {
        Ok(self.create_with_response(body).await?.data)
    }

    /// [`Self::create`] with the answer's status, request id and headers.
    pub async fn create_with_response(
        &self,
        body: &types::ApiKeyCreate,
    ) -> Result<Response<types::ApiKeyCreated>, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.create_api_key(Some(&key), body))
            .await
    }

    /// `revokeApiKey`: Revoke a key for good; repeating it is harmless.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, key_id: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.api_keys().revoke(key_id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn revoke(&self, key_id: &str) -> Result<types::ApiKey, Error> {
        Ok(self.revoke_with_response(key_id).await?.data)
    }

    /// [`Self::revoke`] with the answer's status, request id and headers.
    pub async fn revoke_with_response(
        &self,
        key_id: &str,
    ) -> Result<Response<types::ApiKey>, Error> {
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.revoke_api_key(key_id))
            .await
    }
}

/// The organization's audit log: every change, newest first.
#[derive(Debug, Clone, Copy)]
pub struct Events<'c> {
    client: &'c Client,
}

impl Events<'_> {
    /// `listEvents`: The organization's audit log, newest first, one page at a time. One page.
    pub async fn list_page(&self, params: &ListEvents) -> Result<Page<types::Event>, Error> {
        Ok(self.list_page_with_response(params).await?.data)
    }

    /// [`Self::list_page`] with the answer's status, request id and headers.
    pub async fn list_page_with_response(
        &self,
        params: &ListEvents,
    ) -> Result<Response<Page<types::Event>>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let r = self
            .client
            .run_with_response(|| g.list_events(limit, params.page_token.as_deref(), params.r#type))
            .await?;
        Ok(r.map(|list| Page {
            data: list.data,
            next_page_token: list.next_page_token,
        }))
    }

    /// `listEvents`: The organization's audit log, newest first, one page at a time. Every item, page after page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// # async fn example(client: invites_sdk::Client) -> Result<(), invites_sdk::Error> {
    /// let all: Vec<_> = client.events().list(invites_sdk::ListEvents::default()).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn list(&self, params: ListEvents) -> PageStream<types::Event> {
        let client = self.client.clone();
        pagination::paginate(params.page_token.clone(), move |page_token| {
            let client = client.clone();
            let params = ListEvents {
                page_token,
                ..params.clone()
            };
            async move { client.events().list_page(&params).await }
        })
    }
}

/// Webhook endpoints (create: the secret is shown once, list, get, update, delete, rotate the secret, deliveries), and unwrapping what they receive.
#[derive(Debug, Clone, Copy)]
pub struct Webhooks<'c> {
    client: &'c Client,
}

impl Webhooks<'_> {
    /// `listWebhookEndpoints`: The organization's webhook endpoints, newest first; never a secret. One page.
    pub async fn list_page(
        &self,
        params: &ListWebhookEndpoints,
    ) -> Result<Page<types::WebhookEndpoint>, Error> {
        Ok(self.list_page_with_response(params).await?.data)
    }

    /// [`Self::list_page`] with the answer's status, request id and headers.
    pub async fn list_page_with_response(
        &self,
        params: &ListWebhookEndpoints,
    ) -> Result<Response<Page<types::WebhookEndpoint>>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let r = self
            .client
            .run_with_response(|| g.list_webhook_endpoints(limit, params.page_token.as_deref()))
            .await?;
        Ok(r.map(|list| Page {
            data: list.data,
            next_page_token: list.next_page_token,
        }))
    }

    /// `listWebhookEndpoints`: The organization's webhook endpoints, newest first; never a secret. Every item, page after page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// # async fn example(client: invites_sdk::Client) -> Result<(), invites_sdk::Error> {
    /// let all: Vec<_> = client.webhooks().list(invites_sdk::ListWebhookEndpoints::default()).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn list(&self, params: ListWebhookEndpoints) -> PageStream<types::WebhookEndpoint> {
        let client = self.client.clone();
        pagination::paginate(params.page_token.clone(), move |page_token| {
            let client = client.clone();
            let params = ListWebhookEndpoints {
                page_token,
                ..params.clone()
            };
            async move { client.webhooks().list_page(&params).await }
        })
    }

    /// `createWebhookEndpoint`: A new webhook endpoint; its signing secret is shown only here (and on rotation).
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, body: invites_sdk::types::WebhookEndpointCreate) -> Result<(), invites_sdk::Error> {
    /// let answer = client.webhooks().create(&body).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create(
        &self,
        body: &types::WebhookEndpointCreate,
    ) -> Result<types::WebhookEndpointCreated, Error> {
        Ok(self.create_with_response(body).await?.data)
    }

    /// [`Self::create`] with the answer's status, request id and headers.
    pub async fn create_with_response(
        &self,
        body: &types::WebhookEndpointCreate,
    ) -> Result<Response<types::WebhookEndpointCreated>, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.create_webhook_endpoint(Some(&key), body))
            .await
    }

    /// `getWebhookEndpoint`: One webhook endpoint (without its secret).
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, endpoint_id: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.webhooks().get(endpoint_id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, endpoint_id: &str) -> Result<types::WebhookEndpoint, Error> {
        Ok(self.get_with_response(endpoint_id).await?.data)
    }

    /// [`Self::get`] with the answer's status, request id and headers.
    pub async fn get_with_response(
        &self,
        endpoint_id: &str,
    ) -> Result<Response<types::WebhookEndpoint>, Error> {
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.get_webhook_endpoint(endpoint_id))
            .await
    }

    /// `updateWebhookEndpoint`: Change an endpoint; omitted fields stay as they are.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, endpoint_id: &str, body: invites_sdk::types::WebhookEndpointUpdate) -> Result<(), invites_sdk::Error> {
    /// let answer = client.webhooks().update(endpoint_id, &body).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update(
        &self,
        endpoint_id: &str,
        body: &types::WebhookEndpointUpdate,
    ) -> Result<types::WebhookEndpoint, Error> {
        Ok(self.update_with_response(endpoint_id, body).await?.data)
    }

    /// [`Self::update`] with the answer's status, request id and headers.
    pub async fn update_with_response(
        &self,
        endpoint_id: &str,
        body: &types::WebhookEndpointUpdate,
    ) -> Result<Response<types::WebhookEndpoint>, Error> {
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.update_webhook_endpoint(endpoint_id, body))
            .await
    }

    /// `deleteWebhookEndpoint`: Delete an endpoint for good, with its deliveries not yet made and its attempt log.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, endpoint_id: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.webhooks().delete(endpoint_id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete(&self, endpoint_id: &str) -> Result<types::WebhookEndpoint, Error> {
        Ok(self.delete_with_response(endpoint_id).await?.data)
    }

    /// [`Self::delete`] with the answer's status, request id and headers.
    pub async fn delete_with_response(
        &self,
        endpoint_id: &str,
    ) -> Result<Response<types::WebhookEndpoint>, Error> {
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.delete_webhook_endpoint(endpoint_id))
            .await
    }

    /// `rotateWebhookSecret`: A new signing secret; the old one keeps signing beside it for 24 hours.
    ///
    /// ```no_run
    /// # async fn example(client: invites_sdk::Client, endpoint_id: &str) -> Result<(), invites_sdk::Error> {
    /// let answer = client.webhooks().rotate_secret(endpoint_id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn rotate_secret(
        &self,
        endpoint_id: &str,
    ) -> Result<types::WebhookEndpointCreated, Error> {
        Ok(self.rotate_secret_with_response(endpoint_id).await?.data)
    }

    /// [`Self::rotate_secret`] with the answer's status, request id and headers.
    pub async fn rotate_secret_with_response(
        &self,
        endpoint_id: &str,
    ) -> Result<Response<types::WebhookEndpointCreated>, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run_with_response(|| g.rotate_webhook_secret(endpoint_id, Some(&key)))
            .await
    }

    /// `listWebhookDeliveries`: The endpoint's delivery attempts, newest first, one row per attempt. One page.
    pub async fn deliveries_page(
        &self,
        endpoint_id: &str,
        params: &ListWebhookDeliveries,
    ) -> Result<Page<types::WebhookDelivery>, Error> {
        Ok(self
            .deliveries_page_with_response(endpoint_id, params)
            .await?
            .data)
    }

    /// [`Self::deliveries_page`] with the answer's status, request id and headers.
    pub async fn deliveries_page_with_response(
        &self,
        endpoint_id: &str,
        params: &ListWebhookDeliveries,
    ) -> Result<Response<Page<types::WebhookDelivery>>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let r = self
            .client
            .run_with_response(|| {
                g.list_webhook_deliveries(endpoint_id, limit, params.page_token.as_deref())
            })
            .await?;
        Ok(r.map(|list| Page {
            data: list.data,
            next_page_token: list.next_page_token,
        }))
    }

    /// `listWebhookDeliveries`: The endpoint's delivery attempts, newest first, one row per attempt. Every item, page after page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// # async fn example(client: invites_sdk::Client, endpoint_id: &str) -> Result<(), invites_sdk::Error> {
    /// let all: Vec<_> = client.webhooks().deliveries(endpoint_id, invites_sdk::ListWebhookDeliveries::default()).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn deliveries(
        &self,
        endpoint_id: &str,
        params: ListWebhookDeliveries,
    ) -> PageStream<types::WebhookDelivery> {
        let client = self.client.clone();
        let endpoint_id = endpoint_id.to_owned();
        pagination::paginate(params.page_token.clone(), move |page_token| {
            let client = client.clone();
            let endpoint_id = endpoint_id.clone();
            let params = ListWebhookDeliveries {
                page_token,
                ..params.clone()
            };
            async move {
                client
                    .webhooks()
                    .deliveries_page(&endpoint_id, &params)
                    .await
            }
        })
    }
}
