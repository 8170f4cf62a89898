// @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the spec disagree.
//! Resource-style methods, one per operation of the spec. Each picks the generated call,
//! its idempotency key and its retry loop; none builds HTTP by hand.

use crate::client::Client;
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

/// The organization the API key belongs to, and creating new ones with the admin token.
#[derive(Debug, Clone, Copy)]
pub struct Organizations<'c> {
    client: &'c Client,
}

impl Organizations<'_> {
    /// `createOrganization`: Create an organization (admin token) and its first API key.
    pub async fn create(
        &self,
        body: &types::OrganizationCreate,
    ) -> Result<types::OrganizationCreated, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run(|| g.create_organization(Some(&key), body))
            .await
    }

    /// `getOrganization`: The organization the API key belongs to.
    pub async fn get(&self) -> Result<types::Organization, Error> {
        let g = self.client.generated();
        self.client.run(|| g.get_organization()).await
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
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let list = self
            .client
            .run(|| {
                g.list_invites(
                    params.email.as_deref(),
                    limit,
                    params.page_token.as_deref(),
                    params.status,
                )
            })
            .await?;
        Ok(Page {
            data: list.data,
            next_page_token: list.next_page_token,
        })
    }

    /// `listInvites`: List invites, newest first, one page at a time. Every item, page after page.
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
    pub async fn create(&self, body: &types::InviteCreate) -> Result<types::Invite, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client.run(|| g.create_invite(Some(&key), body)).await
    }

    /// `createInvites`: Create one single-use invite per address, all or nothing.
    pub async fn create_batch(
        &self,
        body: &types::InviteBatchCreate,
    ) -> Result<types::InviteBatch, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client.run(|| g.create_invites(Some(&key), body)).await
    }

    /// `lookupInvite`: What a landing page may show about a code. Consumes nothing.
    pub async fn lookup(&self, code: &str) -> Result<types::InviteLookup, Error> {
        let body: types::InviteLookupRequest =
            crate::json::Args::new(serde_json::json!({ "code": code }))?.into()?;
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client.run(|| g.lookup_invite(Some(&key), &body)).await
    }

    /// `acceptInvite`: Redeem a code for an email the caller has verified; creates a membership.
    pub async fn accept(&self, body: &types::InviteAcceptRequest) -> Result<types::Member, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client.run(|| g.accept_invite(Some(&key), body)).await
    }

    /// `getInvite`: One invite.
    pub async fn get(&self, invite_id: &str) -> Result<types::Invite, Error> {
        let g = self.client.generated();
        self.client.run(|| g.get_invite(invite_id)).await
    }

    /// `updateInvite`: Change an invite; omitted fields stay as they are.
    pub async fn update(
        &self,
        invite_id: &str,
        body: &types::InviteUpdate,
    ) -> Result<types::Invite, Error> {
        let g = self.client.generated();
        self.client.run(|| g.update_invite(invite_id, body)).await
    }

    /// `revokeInvite`: Revoke an invite for good; repeating it is harmless.
    pub async fn revoke(&self, invite_id: &str) -> Result<types::Invite, Error> {
        let g = self.client.generated();
        self.client.run(|| g.revoke_invite(invite_id)).await
    }

    /// `rotateInviteCode`: Replace the invite's code; the old one stops working at once.
    pub async fn rotate(&self, invite_id: &str) -> Result<types::Invite, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run(|| g.rotate_invite_code(invite_id, Some(&key)))
            .await
    }

    /// `listInviteRedemptions`: Who accepted this invite, newest first. One page.
    pub async fn redemptions_page(
        &self,
        invite_id: &str,
        params: &ListRedemptions,
    ) -> Result<Page<types::Redemption>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let list = self
            .client
            .run(|| g.list_invite_redemptions(invite_id, limit, params.page_token.as_deref()))
            .await?;
        Ok(Page {
            data: list.data,
            next_page_token: list.next_page_token,
        })
    }

    /// `listInviteRedemptions`: Who accepted this invite, newest first. Every item, page after page.
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
    pub async fn resend(
        &self,
        invite_id: &str,
        body: &types::InviteResend,
    ) -> Result<types::Invite, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client
            .run(|| g.resend_invite(invite_id, Some(&key), body))
            .await
    }

    /// `listInviteDeliveries`: The invitation emails of this invite and how their delivery went, newest first. One page.
    pub async fn deliveries_page(
        &self,
        invite_id: &str,
        params: &ListDeliveries,
    ) -> Result<Page<types::Delivery>, Error> {
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let list = self
            .client
            .run(|| g.list_invite_deliveries(invite_id, limit, params.page_token.as_deref()))
            .await?;
        Ok(Page {
            data: list.data,
            next_page_token: list.next_page_token,
        })
    }

    /// `listInviteDeliveries`: The invitation emails of this invite and how their delivery went, newest first. Every item, page after page.
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
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let list = self
            .client
            .run(|| g.list_members(params.email.as_deref(), limit, params.page_token.as_deref()))
            .await?;
        Ok(Page {
            data: list.data,
            next_page_token: list.next_page_token,
        })
    }

    /// `listMembers`: Members of the organization, newest first. Every item, page after page.
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
    pub async fn get(&self, member_id: &str) -> Result<types::Member, Error> {
        let g = self.client.generated();
        self.client.run(|| g.get_member(member_id)).await
    }

    /// `removeMember`: Remove a member from the organization.
    pub async fn remove(&self, member_id: &str) -> Result<types::Member, Error> {
        let g = self.client.generated();
        self.client.run(|| g.remove_member(member_id)).await
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
        let limit = pagination::bounded("limit", params.limit, 1, 100)?;
        let g = self.client.generated();
        let list = self
            .client
            .run(|| g.list_api_keys(limit, params.page_token.as_deref()))
            .await?;
        Ok(Page {
            data: list.data,
            next_page_token: list.next_page_token,
        })
    }

    /// `listApiKeys`: The organization's API keys, revoked ones included, newest first; never a secret. Every item, page after page.
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
    pub async fn create(&self, body: &types::ApiKeyCreate) -> Result<types::ApiKeyCreated, Error> {
        let key = self.client.idempotency_key();
        let g = self.client.generated();
        self.client.run(|| g.create_api_key(Some(&key), body)).await
    }

    /// `revokeApiKey`: Revoke a key for good; repeating it is harmless.
    pub async fn revoke(&self, key_id: &str) -> Result<types::ApiKey, Error> {
        let g = self.client.generated();
        self.client.run(|| g.revoke_api_key(key_id)).await
    }
}
