// The Invites JSON API, as the console uses it. The API key lives in sessionStorage only and
// travels in the Authorization header, never in a URL.

const KEY_STORAGE = "invites.console.apiKey";

/** An error response of the API, in its one envelope shape. */
export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(typeof e.message === "string" ? e.message : `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.type = typeof e.type === "string" ? e.type : "unknown";
    this.param = typeof e.param === "string" ? e.param : null;
    this.requestId = body && typeof body.request_id === "string" ? body.request_id : null;
  }
}

/** A random UUID v4 for the Idempotency-Key header (falls back where randomUUID is missing). */
export function newIdempotencyKey() {
  if (globalThis.crypto && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function storedKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

export function storeKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey() {
  try {
    sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    /* nothing stored */
  }
}

/**
 * One API call. `key` defaults to the stored key. Resolves with the parsed JSON body; rejects with
 * an ApiError for an error response, or a TypeError when the server cannot be reached.
 */
export async function call(method, path, { body, query, key } = {}) {
  const apiKey = key ?? storedKey();
  const headers = { Accept: "application/json" };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method === "POST") headers["Idempotency-Key"] = newIdempotencyKey();
  let url = path;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
    }
    const s = q.toString();
    if (s) url += `?${s}`;
  }
  const resp = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "omit",
    cache: "no-store",
    referrerPolicy: "no-referrer",
  });
  let data = null;
  const text = await resp.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!resp.ok) throw new ApiError(resp.status, data);
  return data;
}

const enc = encodeURIComponent;

export const api = {
  organization: (key) => call("GET", "/v1/organization", { key }),
  listInvites: (query) => call("GET", "/v1/invites", { query }),
  createInvite: (body) => call("POST", "/v1/invites", { body }),
  updateInvite: (id, body) => call("PATCH", `/v1/invites/${enc(id)}`, { body }),
  revokeInvite: (id) => call("DELETE", `/v1/invites/${enc(id)}`),
  rotateInvite: (id) => call("POST", `/v1/invites/${enc(id)}/rotate`),
  resendInvite: (id, body) => call("POST", `/v1/invites/${enc(id)}/resend`, { body }),
  listDeliveries: (id, query) => call("GET", `/v1/invites/${enc(id)}/deliveries`, { query }),
  listMembers: (query) => call("GET", "/v1/members", { query }),
  removeMember: (id) => call("DELETE", `/v1/members/${enc(id)}`),
  listApiKeys: (query) => call("GET", "/v1/api_keys", { query }),
  createApiKey: (body) => call("POST", "/v1/api_keys", { body }),
  revokeApiKey: (id) => call("DELETE", `/v1/api_keys/${enc(id)}`),
  listEvents: (query) => call("GET", "/v1/events", { query }),
  listWebhooks: (query) => call("GET", "/v1/webhook_endpoints", { query }),
  createWebhook: (body) => call("POST", "/v1/webhook_endpoints", { body }),
  updateWebhook: (id, body) => call("PATCH", `/v1/webhook_endpoints/${enc(id)}`, { body }),
  deleteWebhook: (id) => call("DELETE", `/v1/webhook_endpoints/${enc(id)}`),
  rotateWebhookSecret: (id) => call("POST", `/v1/webhook_endpoints/${enc(id)}/rotate_secret`),
  listWebhookDeliveries: (id, query) => call("GET", `/v1/webhook_endpoints/${enc(id)}/deliveries`, { query }),
};
