// @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the spec disagree.
// The client's resources (`client.<name>`), each with its methods: `operation` is the
// operationId the addon calls; a method takes the `args` in order (path parameters, or a
// body field passed as a plain string), then for `rest: "body"` the request body object
// or for `rest: "params"` the optional list parameters, then the per-call options. A
// `list` method returns a PagePromise. `local` methods call no endpoint: `index.js` takes
// them from the resource's hand-written mixin (`mixins.js`).
'use strict'

module.exports = [
  {
    name: "organizations",
    cls: "Organizations",
    doc: "The organization the API key belongs to, and creating new ones with the admin token.",
    methods: {
      create: { operation: "createOrganization", args: [], rest: "body", list: false },
      get: { operation: "getOrganization", args: [], rest: null, list: false },
    },
  },
  {
    name: "invites",
    cls: "Invites",
    doc: "Invites: create, list, get, update, revoke, rotate, look up, accept, batches, redemptions, resend, deliveries.",
    methods: {
      list: { operation: "listInvites", args: [], rest: "params", list: true },
      create: { operation: "createInvite", args: [], rest: "body", list: false },
      createBatch: { operation: "createInvites", args: [], rest: "body", list: false },
      lookup: { operation: "lookupInvite", args: ["code"], rest: null, list: false },
      accept: { operation: "acceptInvite", args: [], rest: "body", list: false },
      get: { operation: "getInvite", args: ["inviteId"], rest: null, list: false },
      update: { operation: "updateInvite", args: ["inviteId"], rest: "body", list: false },
      revoke: { operation: "revokeInvite", args: ["inviteId"], rest: null, list: false },
      rotate: { operation: "rotateInviteCode", args: ["inviteId"], rest: null, list: false },
      redemptions: { operation: "listInviteRedemptions", args: ["inviteId"], rest: "params", list: true },
      resend: { operation: "resendInvite", args: ["inviteId"], rest: "body", list: false },
      deliveries: { operation: "listInviteDeliveries", args: ["inviteId"], rest: "params", list: true },
    },
  },
  {
    name: "members",
    cls: "Members",
    doc: "Members of the caller's organization.",
    methods: {
      list: { operation: "listMembers", args: [], rest: "params", list: true },
      get: { operation: "getMember", args: ["memberId"], rest: null, list: false },
      remove: { operation: "removeMember", args: ["memberId"], rest: null, list: false },
    },
  },
  {
    name: "apiKeys",
    cls: "ApiKeys",
    doc: "The organization's API keys: create (the secret is shown once), list, revoke.",
    methods: {
      list: { operation: "listApiKeys", args: [], rest: "params", list: true },
      create: { operation: "createApiKey", args: [], rest: "body", list: false },
      revoke: { operation: "revokeApiKey", args: ["keyId"], rest: null, list: false },
    },
  },
  {
    name: "events",
    cls: "Events",
    doc: "The organization's audit log: every change, newest first.",
    methods: {
      list: { operation: "listEvents", args: [], rest: "params", list: true },
    },
  },
  {
    name: "webhooks",
    cls: "Webhooks",
    doc: "Webhook endpoints (create: the secret is shown once, list, get, update, delete, rotate the secret, deliveries), and unwrapping what they receive.",
    methods: {
      list: { operation: "listWebhookEndpoints", args: [], rest: "params", list: true },
      create: { operation: "createWebhookEndpoint", args: [], rest: "body", list: false },
      get: { operation: "getWebhookEndpoint", args: ["endpointId"], rest: null, list: false },
      update: { operation: "updateWebhookEndpoint", args: ["endpointId"], rest: "body", list: false },
      delete: { operation: "deleteWebhookEndpoint", args: ["endpointId"], rest: null, list: false },
      rotateSecret: { operation: "rotateWebhookSecret", args: ["endpointId"], rest: null, list: false },
      deliveries: { operation: "listWebhookDeliveries", args: ["endpointId"], rest: "params", list: true },
    },
    local: ["verify", "unwrap"],
  },
]
