//! Resource-style methods over the generated operations. Each method picks the generated call,
//! its idempotency key and its retry loop; none of them builds HTTP by hand.

use crate::client::Client;
use crate::error::Error;
use crate::generated::types;
use crate::pagination::{self, ListInvites, ListMembers, ListRedemptions, Page, PageStream};

/// Invite operations; from [`Client::invites`].
#[derive(Debug, Clone, Copy)]
pub struct Invites<'c> {
    client: &'c Client,
}

/// Member operations; from [`Client::members`].
#[derive(Debug, Clone, Copy)]
pub struct Members<'c> {
    client: &'c Client,
}

/// Organization operations; from [`Client::organizations`].
#[derive(Debug, Clone, Copy)]
pub struct Organizations<'c> {
    client: &'c Client,
}

impl<'c> Invites<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `createInvite`: a new invite; the result is the only one that carries `code` and `url`.
    pub async fn create(&self, body: &types::InviteCreate) -> Result<types::Invite, Error> {
        let g = self.client.generated();
        let key = self.client.idempotency_key();
        self.client.run(|| g.create_invite(Some(&key), body)).await
    }

    /// `createInvites`: one single-use invite per address, all or nothing.
    pub async fn create_batch(
        &self,
        body: &types::InviteBatchCreate,
    ) -> Result<types::InviteBatch, Error> {
        let g = self.client.generated();
        let key = self.client.idempotency_key();
        self.client.run(|| g.create_invites(Some(&key), body)).await
    }

    /// `getInvite`: one invite.
    pub async fn get(&self, invite_id: &str) -> Result<types::Invite, Error> {
        let g = self.client.generated();
        self.client.run(|| g.get_invite(invite_id)).await
    }

    /// `listInvites`: one page.
    pub async fn list_page(&self, params: &ListInvites) -> Result<Page<types::Invite>, Error> {
        let g = self.client.generated();
        let limit = pagination::limit(params.limit)?;
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

    /// `listInvites`: every invite matching `params`, page after page.
    pub fn list(&self, params: ListInvites) -> PageStream<types::Invite> {
        let client = self.client.clone();
        let first = params.page_token.clone();
        pagination::paginate(first, move |page_token| {
            let (client, params) = (
                client.clone(),
                ListInvites {
                    page_token,
                    ..params.clone()
                },
            );
            async move { client.invites().list_page(&params).await }
        })
    }

    /// `updateInvite`: change the given fields.
    pub async fn update(
        &self,
        invite_id: &str,
        body: &types::InviteUpdate,
    ) -> Result<types::Invite, Error> {
        let g = self.client.generated();
        self.client.run(|| g.update_invite(invite_id, body)).await
    }

    /// `revokeInvite`: revoke for good; repeating it is harmless.
    pub async fn revoke(&self, invite_id: &str) -> Result<types::Invite, Error> {
        let g = self.client.generated();
        self.client.run(|| g.revoke_invite(invite_id)).await
    }

    /// `rotateInviteCode`: a new code; the old one stops working.
    pub async fn rotate(&self, invite_id: &str) -> Result<types::Invite, Error> {
        let g = self.client.generated();
        let key = self.client.idempotency_key();
        self.client
            .run(|| g.rotate_invite_code(invite_id, Some(&key)))
            .await
    }

    /// `lookupInvite`: what a landing page may show for a code; consumes nothing.
    pub async fn lookup(&self, code: &str) -> Result<types::InviteLookup, Error> {
        let body = types::InviteLookupRequest {
            code: code.parse().map_err(|e| invalid("code", e))?,
        };
        let g = self.client.generated();
        let key = self.client.idempotency_key();
        self.client.run(|| g.lookup_invite(Some(&key), &body)).await
    }

    /// `acceptInvite`: redeem a code for a verified address; returns the new member.
    pub async fn accept(&self, body: &types::InviteAcceptRequest) -> Result<types::Member, Error> {
        let g = self.client.generated();
        let key = self.client.idempotency_key();
        self.client.run(|| g.accept_invite(Some(&key), body)).await
    }

    /// `listInviteRedemptions`: one page of who accepted an invite.
    pub async fn redemptions_page(
        &self,
        invite_id: &str,
        params: &ListRedemptions,
    ) -> Result<Page<types::Redemption>, Error> {
        let g = self.client.generated();
        let limit = pagination::limit(params.limit)?;
        let list = self
            .client
            .run(|| g.list_invite_redemptions(invite_id, limit, params.page_token.as_deref()))
            .await?;
        Ok(Page {
            data: list.data,
            next_page_token: list.next_page_token,
        })
    }

    /// `listInviteRedemptions`: every redemption of an invite, page after page.
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
}

impl<'c> Members<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `listMembers`: one page.
    pub async fn list_page(&self, params: &ListMembers) -> Result<Page<types::Member>, Error> {
        let g = self.client.generated();
        let limit = pagination::limit(params.limit)?;
        let list = self
            .client
            .run(|| g.list_members(params.email.as_deref(), limit, params.page_token.as_deref()))
            .await?;
        Ok(Page {
            data: list.data,
            next_page_token: list.next_page_token,
        })
    }

    /// `listMembers`: every member, page after page.
    pub fn list(&self, params: ListMembers) -> PageStream<types::Member> {
        let client = self.client.clone();
        pagination::paginate(params.page_token.clone(), move |page_token| {
            let (client, params) = (
                client.clone(),
                ListMembers {
                    page_token,
                    ..params.clone()
                },
            );
            async move { client.members().list_page(&params).await }
        })
    }

    /// `getMember`: one member.
    pub async fn get(&self, member_id: &str) -> Result<types::Member, Error> {
        let g = self.client.generated();
        self.client.run(|| g.get_member(member_id)).await
    }

    /// `removeMember`: remove a member; returns who was removed.
    pub async fn remove(&self, member_id: &str) -> Result<types::Member, Error> {
        let g = self.client.generated();
        self.client.run(|| g.remove_member(member_id)).await
    }
}

impl<'c> Organizations<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `createOrganization` (admin token): a new organization and its first API key.
    pub async fn create(
        &self,
        body: &types::OrganizationCreate,
    ) -> Result<types::OrganizationCreated, Error> {
        let g = self.client.generated();
        let key = self.client.idempotency_key();
        self.client
            .run(|| g.create_organization(Some(&key), body))
            .await
    }

    /// `getOrganization`: the organization the API key belongs to.
    pub async fn get(&self) -> Result<types::Organization, Error> {
        let g = self.client.generated();
        self.client.run(|| g.get_organization()).await
    }
}

fn invalid(param: &str, e: impl std::fmt::Display) -> Error {
    Error::InvalidArgument {
        param: param.into(),
        message: e.to_string(),
    }
}
