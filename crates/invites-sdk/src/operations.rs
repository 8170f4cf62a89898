// @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the spec disagree.
//! Every operation by its operationId, with JSON arguments and answers: what the Python
//! and Node bindings call (see `json.rs` for the argument rules).

use serde_json::Value;

use crate::client::{Client, Response};
use crate::error::Error;
use crate::generated::types;
use crate::json::{self, Args};
use crate::pagination::PageStream;
#[allow(unused_imports)]
use crate::resources::*;

/// An operation the JSON dispatch knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The spec's operationId.
    pub id: &'static str,
    /// Whether it is a list (then [`Client::stream_json`] walks its pages).
    pub list: bool,
    /// Whether the SDK sends an `Idempotency-Key` with it.
    pub idempotent: bool,
}

/// Every operation of the spec, in spec order.
pub const OPERATIONS: &[Operation] = &[
    Operation {
        id: "createOrganization",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "getOrganization",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "listInvites",
        list: true,
        idempotent: false,
    },
    Operation {
        id: "createInvite",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "createInvites",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "lookupInvite",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "acceptInvite",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "getInvite",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "updateInvite",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "revokeInvite",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "rotateInviteCode",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "listInviteRedemptions",
        list: true,
        idempotent: false,
    },
    Operation {
        id: "resendInvite",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "listInviteDeliveries",
        list: true,
        idempotent: false,
    },
    Operation {
        id: "listEvents",
        list: true,
        idempotent: false,
    },
    Operation {
        id: "listMembers",
        list: true,
        idempotent: false,
    },
    Operation {
        id: "getMember",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "removeMember",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "listApiKeys",
        list: true,
        idempotent: false,
    },
    Operation {
        id: "createApiKey",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "revokeApiKey",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "listWebhookEndpoints",
        list: true,
        idempotent: false,
    },
    Operation {
        id: "createWebhookEndpoint",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "getWebhookEndpoint",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "updateWebhookEndpoint",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "deleteWebhookEndpoint",
        list: false,
        idempotent: false,
    },
    Operation {
        id: "rotateWebhookSecret",
        list: false,
        idempotent: true,
    },
    Operation {
        id: "listWebhookDeliveries",
        list: true,
        idempotent: false,
    },
];

impl Client {
    /// Call `operation` (an operationId) with `args`: one flat JSON object of its path
    /// parameters, query parameters and body fields, by their spec names (`null` for none).
    /// A list operation answers one page, `{"data": [...], "next_page_token": ...}`.
    pub async fn call_json(&self, operation: &str, args: Value) -> Result<Value, Error> {
        Ok(self.call_json_with_response(operation, args).await?.data)
    }

    /// [`Client::call_json`] with the answer's status, request id and headers.
    pub async fn call_json_with_response(
        &self,
        operation: &str,
        args: Value,
    ) -> Result<Response<Value>, Error> {
        #[allow(unused_mut)]
        let mut args = Args::new(args)?;
        match operation {
            "createOrganization" => {
                let body: types::OrganizationCreate = args.into()?;
                json::respond(self.organizations().create_with_response(&body).await?)
            }
            "getOrganization" => {
                args.done()?;
                json::respond(self.organizations().get_with_response().await?)
            }
            "listInvites" => {
                let params: ListInvites = args.into()?;
                json::page(self.invites().list_page_with_response(&params).await?)
            }
            "createInvite" => {
                let body: types::InviteCreate = args.into()?;
                json::respond(self.invites().create_with_response(&body).await?)
            }
            "createInvites" => {
                let body: types::InviteBatchCreate = args.into()?;
                json::respond(self.invites().create_batch_with_response(&body).await?)
            }
            "lookupInvite" => {
                let code = args.string("code")?;
                args.done()?;
                json::respond(self.invites().lookup_with_response(&code).await?)
            }
            "acceptInvite" => {
                let body: types::InviteAcceptRequest = args.into()?;
                json::respond(self.invites().accept_with_response(&body).await?)
            }
            "getInvite" => {
                let invite_id = args.string("invite_id")?;
                args.done()?;
                json::respond(self.invites().get_with_response(&invite_id).await?)
            }
            "updateInvite" => {
                let invite_id = args.string("invite_id")?;
                let body: types::InviteUpdate = args.into()?;
                json::respond(
                    self.invites()
                        .update_with_response(&invite_id, &body)
                        .await?,
                )
            }
            "revokeInvite" => {
                let invite_id = args.string("invite_id")?;
                args.done()?;
                json::respond(self.invites().revoke_with_response(&invite_id).await?)
            }
            "rotateInviteCode" => {
                let invite_id = args.string("invite_id")?;
                args.done()?;
                json::respond(self.invites().rotate_with_response(&invite_id).await?)
            }
            "listInviteRedemptions" => {
                let invite_id = args.string("invite_id")?;
                let params: ListRedemptions = args.into()?;
                json::page(
                    self.invites()
                        .redemptions_page_with_response(&invite_id, &params)
                        .await?,
                )
            }
            "resendInvite" => {
                let invite_id = args.string("invite_id")?;
                let body: types::InviteResend = args.into()?;
                json::respond(
                    self.invites()
                        .resend_with_response(&invite_id, &body)
                        .await?,
                )
            }
            "listInviteDeliveries" => {
                let invite_id = args.string("invite_id")?;
                let params: ListDeliveries = args.into()?;
                json::page(
                    self.invites()
                        .deliveries_page_with_response(&invite_id, &params)
                        .await?,
                )
            }
            "listEvents" => {
                let params: ListEvents = args.into()?;
                json::page(self.events().list_page_with_response(&params).await?)
            }
            "listMembers" => {
                let params: ListMembers = args.into()?;
                json::page(self.members().list_page_with_response(&params).await?)
            }
            "getMember" => {
                let member_id = args.string("member_id")?;
                args.done()?;
                json::respond(self.members().get_with_response(&member_id).await?)
            }
            "removeMember" => {
                let member_id = args.string("member_id")?;
                args.done()?;
                json::respond(self.members().remove_with_response(&member_id).await?)
            }
            "listApiKeys" => {
                let params: ListApiKeys = args.into()?;
                json::page(self.api_keys().list_page_with_response(&params).await?)
            }
            "createApiKey" => {
                let body: types::ApiKeyCreate = args.into()?;
                json::respond(self.api_keys().create_with_response(&body).await?)
            }
            "revokeApiKey" => {
                let key_id = args.string("key_id")?;
                args.done()?;
                json::respond(self.api_keys().revoke_with_response(&key_id).await?)
            }
            "listWebhookEndpoints" => {
                let params: ListWebhookEndpoints = args.into()?;
                json::page(self.webhooks().list_page_with_response(&params).await?)
            }
            "createWebhookEndpoint" => {
                let body: types::WebhookEndpointCreate = args.into()?;
                json::respond(self.webhooks().create_with_response(&body).await?)
            }
            "getWebhookEndpoint" => {
                let endpoint_id = args.string("endpoint_id")?;
                args.done()?;
                json::respond(self.webhooks().get_with_response(&endpoint_id).await?)
            }
            "updateWebhookEndpoint" => {
                let endpoint_id = args.string("endpoint_id")?;
                let body: types::WebhookEndpointUpdate = args.into()?;
                json::respond(
                    self.webhooks()
                        .update_with_response(&endpoint_id, &body)
                        .await?,
                )
            }
            "deleteWebhookEndpoint" => {
                let endpoint_id = args.string("endpoint_id")?;
                args.done()?;
                json::respond(self.webhooks().delete_with_response(&endpoint_id).await?)
            }
            "rotateWebhookSecret" => {
                let endpoint_id = args.string("endpoint_id")?;
                args.done()?;
                json::respond(
                    self.webhooks()
                        .rotate_secret_with_response(&endpoint_id)
                        .await?,
                )
            }
            "listWebhookDeliveries" => {
                let endpoint_id = args.string("endpoint_id")?;
                let params: ListWebhookDeliveries = args.into()?;
                json::page(
                    self.webhooks()
                        .deliveries_page_with_response(&endpoint_id, &params)
                        .await?,
                )
            }
            _ => Err(json::unknown(operation, false)),
        }
    }

    /// Every item of list `operation`, page after page, as JSON; `args` as for
    /// [`Client::call_json`] (`page_token` starts from that page).
    pub fn stream_json(&self, operation: &str, args: Value) -> Result<PageStream<Value>, Error> {
        #[allow(unused_mut)]
        let mut args = Args::new(args)?;
        match operation {
            "listInvites" => {
                let params: ListInvites = args.into()?;
                Ok(json::items(self.invites().list(params)))
            }
            "listInviteRedemptions" => {
                let invite_id = args.string("invite_id")?;
                let params: ListRedemptions = args.into()?;
                Ok(json::items(self.invites().redemptions(&invite_id, params)))
            }
            "listInviteDeliveries" => {
                let invite_id = args.string("invite_id")?;
                let params: ListDeliveries = args.into()?;
                Ok(json::items(self.invites().deliveries(&invite_id, params)))
            }
            "listEvents" => {
                let params: ListEvents = args.into()?;
                Ok(json::items(self.events().list(params)))
            }
            "listMembers" => {
                let params: ListMembers = args.into()?;
                Ok(json::items(self.members().list(params)))
            }
            "listApiKeys" => {
                let params: ListApiKeys = args.into()?;
                Ok(json::items(self.api_keys().list(params)))
            }
            "listWebhookEndpoints" => {
                let params: ListWebhookEndpoints = args.into()?;
                Ok(json::items(self.webhooks().list(params)))
            }
            "listWebhookDeliveries" => {
                let endpoint_id = args.string("endpoint_id")?;
                let params: ListWebhookDeliveries = args.into()?;
                Ok(json::items(
                    self.webhooks().deliveries(&endpoint_id, params),
                ))
            }
            _ => Err(json::unknown(operation, true)),
        }
    }
}
