// The one table that ties each spec operation to its Node method. `gen-dts.mjs` writes the
// method declarations from it; `check-coverage.mjs` fails when a spec operationId is missing here,
// on the client, on the addon, in index.d.ts or in the typed example.
//
// Every addon method is named after its operationId; list operations also have a
// `stream<Rest>` addon method (`listInvites` → `streamInvites`) behind `for await`.

/**
 * @typedef {object} Operation
 * @property {string} op        the spec's operationId (and the addon method)
 * @property {string} resource  the client property: invites | members | organizations
 * @property {string} method    the method on that resource
 * @property {string} [body]    the name of the request-body argument
 * @property {string} [bodyField] pass this one body field as a string argument instead
 * @property {string} [params]  the name of the generated list-parameters interface
 * @property {string} [stream]  the addon's page-stream method of a list operation
 */

/** @type {Operation[]} */
export const OPERATIONS = [
  { op: 'createOrganization', resource: 'organizations', method: 'create', body: 'organization' },
  { op: 'getOrganization', resource: 'organizations', method: 'get' },
  { op: 'createInvite', resource: 'invites', method: 'create', body: 'invite' },
  { op: 'createInvites', resource: 'invites', method: 'createBatch', body: 'batch' },
  {
    op: 'listInvites',
    resource: 'invites',
    method: 'list',
    params: 'ListInvitesParams',
    stream: 'streamInvites',
  },
  { op: 'getInvite', resource: 'invites', method: 'get' },
  { op: 'updateInvite', resource: 'invites', method: 'update', body: 'changes' },
  { op: 'revokeInvite', resource: 'invites', method: 'revoke' },
  { op: 'rotateInviteCode', resource: 'invites', method: 'rotate' },
  { op: 'lookupInvite', resource: 'invites', method: 'lookup', bodyField: 'code' },
  { op: 'acceptInvite', resource: 'invites', method: 'accept', body: 'acceptance' },
  {
    op: 'listInviteRedemptions',
    resource: 'invites',
    method: 'redemptions',
    params: 'ListRedemptionsParams',
    stream: 'streamInviteRedemptions',
  },
  {
    op: 'listMembers',
    resource: 'members',
    method: 'list',
    params: 'ListMembersParams',
    stream: 'streamMembers',
  },
  { op: 'getMember', resource: 'members', method: 'get' },
  { op: 'removeMember', resource: 'members', method: 'remove' },
]

/** The resources in the order the client declares them, with their class names. */
export const RESOURCES = [
  {
    name: 'invites',
    cls: 'Invites',
    doc: 'Invites: create, list, get, update, revoke, rotate, lookup, accept, batches, redemptions.',
  },
  { name: 'members', cls: 'Members', doc: "Members of the caller's organization." },
  {
    name: 'organizations',
    cls: 'Organizations',
    doc: "Organizations: the caller's, and creating new ones with the admin token.",
  },
]

/** HTTP status → the error class a Node caller catches. */
export function errorClass(status) {
  const byStatus = {
    400: 'BadRequestError',
    401: 'AuthenticationError',
    403: 'PermissionDeniedError',
    404: 'NotFoundError',
    409: 'ConflictError',
    410: 'GoneError',
    413: 'PayloadTooLargeError',
    429: 'RateLimitError',
  }
  return byStatus[status] ?? (status >= 500 ? 'InternalServerError' : 'APIStatusError')
}

/** `page_token` → `pageToken`. */
export function camel(s) {
  return s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())
}
