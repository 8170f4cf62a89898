#!/usr/bin/env node
// Writes index.d.ts and index.d.mts from spec/invites.yaml: every schema as a camelCase model,
// every operation as a method (see operations.mjs), with the spec's descriptions as doc comments.
//
//   node scripts/gen-dts.mjs           rewrite both files
//   node scripts/gen-dts.mjs --check   exit 1 when they differ from what the spec gives
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import * as yaml from 'js-yaml'

import { OPERATIONS, RESOURCES, camel, errorClass } from './operations.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const pkg = path.resolve(here, '..')
export const SPEC = process.env.INVITES_SPEC ?? path.resolve(pkg, '..', '..', 'spec', 'invites.yaml')

export function loadSpec(file = SPEC) {
  return yaml.load(fs.readFileSync(file, 'utf8'))
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete']

/** Every operation of the spec: `{id, method, path, op, parameters}` (path-level params merged). */
export function specOperations(spec) {
  const out = []
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const m of METHODS) {
      const op = item[m]
      if (!op) continue
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x) =>
        resolve(spec, x),
      )
      out.push({ id: op.operationId, method: m.toUpperCase(), path: p, op, parameters })
    }
  }
  return out
}

function resolve(spec, x) {
  let v = x
  while (v && v.$ref) {
    const parts = v.$ref.replace(/^#\//, '').split('/')
    v = parts.reduce((o, k) => o[k], spec)
  }
  return v
}

function refName(ref) {
  return ref.split('/').pop()
}

// ---------------------------------------------------------------------------------------------
// Doc comments

/** Field names of the spec, so prose that quotes one (`expires_at`) can show it as Node spells it. */
let FIELDS = new Set()

function fieldNames(spec) {
  const names = new Set()
  for (const s of Object.values(spec.components.schemas)) {
    for (const p of Object.keys(s.properties ?? {})) names.add(p)
  }
  for (const p of Object.values(spec.components.parameters ?? {})) names.add(p.name)
  for (const o of specOperations(spec)) for (const p of o.parameters) names.add(p.name)
  return names
}

function prose(line) {
  return line.replace(/`([a-z][a-z0-9_]*)`/g, (m, name) =>
    FIELDS.has(name) && name.includes('_') ? `\`${camel(name)}\`` : m,
  )
}

function doc(lines, indent = '') {
  const text = lines
    .flatMap((l) => (l === undefined || l === null ? [] : String(l).trimEnd().split('\n')))
    .map((l) => prose(l).replace(/\*\//g, '*\\/'))
  while (text.length && text[text.length - 1].trim() === '') text.pop()
  if (text.length === 0) return ''
  if (text.length === 1) return `${indent}/** ${text[0]} */\n`
  return `${indent}/**\n${text.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`
}

function example(value) {
  return value === undefined ? [] : [`@example ${JSON.stringify(value)}`]
}

// ---------------------------------------------------------------------------------------------
// Types

/** The TypeScript type of a schema; `input` lets date-times be `Date`s too. */
function tsType(spec, schema, input) {
  let t
  if (schema.$ref) {
    t = refName(schema.$ref)
  } else if (schema.enum) {
    t = schema.enum.map((v) => JSON.stringify(v)).join(' | ')
  } else {
    switch (schema.type) {
      case 'string':
        t = schema.format === 'date-time' && input ? 'string | Date' : 'string'
        break
      case 'integer':
      case 'number':
        t = 'number'
        break
      case 'boolean':
        t = 'boolean'
        break
      case 'array': {
        const item = tsType(spec, schema.items, input)
        t = /[|&]/.test(item) ? `Array<${item}>` : `${item}[]`
        break
      }
      case 'object':
        t = schema.additionalProperties
          ? `{ [key: string]: ${tsType(spec, schema.additionalProperties, input)} }`
          : 'Record<string, unknown>'
        break
      default:
        throw new Error(`no TypeScript type for schema ${JSON.stringify(schema)}`)
    }
  }
  return schema.nullable ? `${t} | null` : t
}

/** Request-body schemas (and what they reference): their date-times also take `Date`. */
function inputSchemas(spec) {
  const names = new Set()
  const visit = (s) => {
    if (!s) return
    if (s.$ref) {
      const n = refName(s.$ref)
      if (names.has(n)) return
      names.add(n)
      visit(spec.components.schemas[n])
      return
    }
    for (const p of Object.values(s.properties ?? {})) visit(p)
    if (s.items) visit(s.items)
    if (typeof s.additionalProperties === 'object') visit(s.additionalProperties)
  }
  for (const o of specOperations(spec)) {
    visit(o.op.requestBody?.content?.['application/json']?.schema)
  }
  return names
}

function range(min, max, unit) {
  if (min !== undefined && max !== undefined) return `${min} to ${max} ${unit}`
  if (max !== undefined) return `at most ${max} ${unit}`
  return `at least ${min} ${unit}`
}

function constraints(s) {
  const c = []
  if (s.minLength !== undefined || s.maxLength !== undefined) {
    c.push(range(s.minLength, s.maxLength, 'characters'))
  }
  if (s.minItems !== undefined || s.maxItems !== undefined) {
    c.push(range(s.minItems, s.maxItems, 'items'))
  }
  if (s.minimum !== undefined || s.maximum !== undefined) {
    c.push(range(s.minimum, s.maximum, '(inclusive)').replace(' (inclusive)', ''))
  }
  if (s.pattern) c.push(`pattern \`${s.pattern}\``)
  if (s.format) c.push(`format \`${s.format}\``)
  return c.length ? [`Constraints: ${c.join('; ')}.`] : []
}

function model(spec, name, schema, inputs) {
  const input = inputs.has(name)
  const head = doc([
    schema.description,
    input ? '' : undefined,
    input ? 'A request body: the SDK checks its constraints before sending.' : undefined,
  ])
  if (schema.type === 'object' && schema.properties) {
    const required = new Set(schema.required ?? [])
    let out = `${head}export interface ${name} {\n`
    for (const [prop, s] of Object.entries(schema.properties)) {
      const target = s.$ref ? spec.components.schemas[refName(s.$ref)] : undefined
      out += doc(
        [
          s.description ?? target?.description,
          ...(input ? constraints(s) : []),
          ...example(s.example),
        ],
        '  ',
      )
      const opt = required.has(prop) ? '' : '?'
      out += `  ${camel(prop)}${opt}: ${tsType(spec, s, input)}\n`
    }
    return `${out}}\n`
  }
  const extra = input ? constraints(schema) : constraints(schema)
  return `${doc([schema.description, ...extra, ...example(schema.example)].filter((x, i) => i === 0 || x))}export type ${name} = ${tsType(spec, { ...schema, description: undefined }, input)}\n`
}

// ---------------------------------------------------------------------------------------------
// Methods

function listItem(spec, schemaName) {
  const s = spec.components.schemas[schemaName]
  const items = s?.properties?.data?.items
  if (!items?.$ref) throw new Error(`${schemaName} is not a {data, next_page_token} list`)
  return refName(items.$ref)
}

function operationParts(spec, entry) {
  const o = specOperations(spec).find((x) => x.id === entry.op)
  if (!o) throw new Error(`operations.mjs names ${entry.op}, which the spec does not have`)
  const args = []
  for (const p of o.parameters.filter((x) => x.in === 'path')) {
    args.push({ name: camel(p.name), type: 'string', doc: p.description })
  }
  const bodySchema = o.op.requestBody?.content?.['application/json']?.schema
  if (bodySchema) {
    const name = refName(bodySchema.$ref)
    if (entry.bodyField) {
      const field = spec.components.schemas[name].properties[entry.bodyField]
      args.push({ name: camel(entry.bodyField), type: 'string', doc: field.description })
    } else {
      if (!entry.body) throw new Error(`${entry.op} has a body: name it in operations.mjs`)
      args.push({ name: entry.body, type: name, doc: spec.components.schemas[name].description })
    }
  }
  const query = o.parameters.filter((x) => x.in === 'query')
  if (query.length) {
    if (!entry.params) throw new Error(`${entry.op} has query parameters: name them in operations.mjs`)
    args.push({ name: 'params', type: entry.params, optional: true, doc: 'Filters and paging.' })
  }
  args.push({
    name: 'options',
    type: 'RequestOptions',
    optional: true,
    doc: 'Per-call idempotency key, timeout and retries.',
  })
  const [status, response] = Object.entries(o.op.responses).find(([s]) => /^2/.test(s))
  const resultSchema = refName(response.content['application/json'].schema.$ref)
  const paged = query.some((q) => q.name === 'page_token')
  const returns = paged
    ? `PagePromise<${listItem(spec, resultSchema)}>`
    : `Promise<${resultSchema}>`
  const throws = []
  const seen = new Set()
  for (const [s, r] of Object.entries(o.op.responses)) {
    if (/^2/.test(s)) continue
    const cls = errorClass(Number(s))
    const resp = resolve(spec, r)
    const line = `@throws {${cls}} ${s}: ${resp.description}`
    if (!seen.has(line)) throws.push(line)
    seen.add(line)
  }
  throws.push('@throws {APIConnectionError} no answer (APITimeoutError: an attempt took too long).')
  throws.push('@throws {InvalidArgumentError} an argument refused before sending.')
  const lines = [
    o.op.summary,
    o.op.description,
    '',
    `\`${o.method} ${o.path}\` (operationId \`${o.id}\`).`,
    ...(paged
      ? [
          '',
          'Await it for the first page (`Page`, with `nextPageToken` and `getNextPage()`), or',
          'walk every item of every page with `for await`.',
        ]
      : []),
    '',
    ...args.map((a) => `@param ${a.name} ${(a.doc ?? '').trim().split('\n').join(' ')}`),
    `@returns ${status}: ${response.description}${paged ? ' (`data` items)' : ''}`,
    ...throws,
  ]
  const sig = args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`).join(', ')
  return { doc: doc(lines, '  '), sig: `  ${entry.method}(${sig}): ${returns}\n`, query, o }
}

function paramsInterface(spec, entry, query) {
  let out = doc([`Filters and paging for \`${entry.resource}.${entry.method}\` (\`${entry.op}\`).`])
  out += `export interface ${entry.params} {\n`
  for (const q of query) {
    out += doc([q.description, ...constraints(q.schema), ...example(q.example)], '  ')
    out += `  ${camel(q.name)}?: ${tsType(spec, q.schema, true)}\n`
  }
  return `${out}}\n`
}

// ---------------------------------------------------------------------------------------------
// The file

const ERRORS = `/** Base class of every error this package throws. */
export declare class InvitesError extends Error {
  /** HTTP status of the answer, when there was one. */
  readonly status: number | null
  /** The API's error type (\`not_found\`, \`invite_exhausted\`, …), when the server answered with one. */
  readonly type: ErrorType | (string & {}) | null
  /** The argument or request field at fault (camelCase), when known. */
  readonly param: string | null
  /** The server's request id (\`req_…\`) of the last attempt, when one was answered. */
  readonly requestId: string | null
}
/** The server answered with an error status. */
export declare class APIStatusError extends InvitesError {
  readonly status: number
  readonly type: ErrorType | (string & {})
  /** Seconds the server asked to wait (\`Retry-After\`), if it did. */
  readonly retryAfter: number | null
}
/** 400 \`invalid_request\`: the request is malformed; \`param\` names the field. */
export declare class BadRequestError extends APIStatusError {}
/** 401 \`unauthorized\`: the bearer token is missing or unknown. */
export declare class AuthenticationError extends APIStatusError {}
/** 403 \`invite_disabled\` or \`email_not_allowed\`. */
export declare class PermissionDeniedError extends APIStatusError {}
/** 404 \`not_found\`: no such resource in the caller's organization. */
export declare class NotFoundError extends APIStatusError {}
/** 409 \`conflict\`, \`already_member\` or \`invite_exhausted\`. */
export declare class ConflictError extends APIStatusError {}
/** 410 \`invite_expired\` or \`invite_revoked\`. */
export declare class GoneError extends APIStatusError {}
/** 413 \`payload_too_large\`: the body is over the server's limit. */
export declare class PayloadTooLargeError extends APIStatusError {}
/** 429 \`rate_limited\`: too many requests or failed attempts; see \`retryAfter\`. */
export declare class RateLimitError extends APIStatusError {}
/** 5xx \`internal\` or \`unavailable\`: the server failed (after the retries). */
export declare class InternalServerError extends APIStatusError {}
/** No answer: the connection was refused, reset or closed (after the retries). */
export declare class APIConnectionError extends InvitesError {}
/** An attempt took longer than the timeout (after the retries). */
export declare class APITimeoutError extends APIConnectionError {}
/** An argument was refused before anything was sent; \`param\` names it. */
export declare class InvalidArgumentError extends InvitesError {
  readonly param: string | null
}
`

const OPTIONS = `/** How to reach the API. Anything left out falls back to the environment, then to defaults. */
export interface ClientOptions {
  /** The server's base URL, e.g. \`http://127.0.0.1:8080\`. Default: \`INVITES_BASE_URL\`. */
  baseUrl?: string
  /** An organization API key (\`ik_…\`), or the admin token for \`organizations.create\`. Default: \`INVITES_API_KEY\`. */
  apiKey?: string
  /** Per-attempt timeout in milliseconds. Default: 60000. */
  timeout?: number
  /** Retries after a connection error, timeout, 408, 429 or 5xx, with backoff; 0 disables. Default: 2. */
  maxRetries?: number
  /** The \`User-Agent\` header. Default: \`invites-sdk-node/<version> (node <version>; <platform>)\`. */
  userAgent?: string
}

/** Options for one call. */
export interface RequestOptions {
  /** The \`Idempotency-Key\` of a POST (1 to 255 characters). Default: a fresh random key per call, reused by its retries. */
  idempotencyKey?: string
  /** Per-attempt timeout in milliseconds, instead of the client's. */
  timeout?: number
  /** Retries for this call, instead of the client's. */
  maxRetries?: number
}

/** One page of a list. */
export declare class Page<T> {
  /** The items on this page. */
  readonly data: T[]
  /** The token of the next page; \`null\` on the last page. */
  readonly nextPageToken: string | null
  /** Whether another page follows. */
  hasNextPage(): boolean
  /** The next page; rejects with \`InvitesError\` on the last page. */
  getNextPage(): Promise<Page<T>>
}

/**
 * What a list method returns. Awaited, it is the first page; with \`for await\` it yields every
 * item of every page, fetching pages as the loop goes. Nothing is sent before either is used.
 */
export declare class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  then<R1 = Page<T>, R2 = never>(
    onfulfilled?: ((value: Page<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2>
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R>
  finally(onfinally?: (() => void) | null): Promise<Page<T>>
  [Symbol.asyncIterator](): AsyncIterator<T>
}
`

export function generate(spec) {
  FIELDS = fieldNames(spec)
  const inputs = inputSchemas(spec)
  const ids = new Set(specOperations(spec).map((o) => o.id))
  for (const id of ids) {
    if (!OPERATIONS.some((e) => e.op === id)) {
      throw new Error(`spec operation ${id} has no Node method: add it to scripts/operations.mjs`)
    }
  }
  let out = `// @generated from spec/invites.yaml by \`node scripts/gen-dts.mjs\`. DO NOT EDIT.
// ${spec.info.title} ${spec.info.version}
//
${spec.info.description
  .trim()
  .split('\n')
  .map((l) => `// ${l}`.trimEnd())
  .join('\n')}

${OPTIONS}
${ERRORS}
// ---------------------------------------------------------------------------------------------
// Models (camelCase; the wire uses snake_case)

`
  for (const [name, schema] of Object.entries(spec.components.schemas)) {
    out += model(spec, name, schema, inputs) + '\n'
  }
  out += `// ---------------------------------------------------------------------------------------------
// List parameters

`
  const parts = new Map(OPERATIONS.map((e) => [e.op, operationParts(spec, e)]))
  for (const e of OPERATIONS) {
    if (e.params) out += paramsInterface(spec, e, parts.get(e.op).query) + '\n'
  }
  out += `// ---------------------------------------------------------------------------------------------
// Resources

`
  for (const r of RESOURCES) {
    out += doc([r.doc]) + `export declare class ${r.cls} {\n  private constructor()\n`
    for (const e of OPERATIONS.filter((x) => x.resource === r.name)) {
      const p = parts.get(e.op)
      out += p.doc + p.sig
    }
    out += '}\n\n'
  }
  out += `/**
 * A client for the Invites API. One client serves any number of concurrent calls; every method
 * returns a Promise and runs in the Rust SDK (retries, idempotency keys, timeouts, pagination).
 *
 * @example
 * const client = new Client({ baseUrl: 'http://127.0.0.1:8080', apiKey: process.env.INVITES_API_KEY })
 * const invite = await client.invites.create({ emails: ['ada@example.com'], roles: ['developer'] })
 */
export declare class Client {
  /**
   * @throws {InvalidArgumentError} a missing or malformed base URL or API key, or a bad option.
   */
  constructor(options?: ClientOptions)
  /** The base URL calls go to. */
  readonly baseUrl: string
${RESOURCES.map((r) => `${doc([r.doc], '  ')}  readonly ${r.name}: ${r.cls}\n`).join('')}}

/** The package version. */
export declare const VERSION: string

export default Client
`
  return out
}

export const OUTPUTS = ['index.d.ts', 'index.d.mts'].map((f) => path.join(pkg, f))

function main() {
  const text = generate(loadSpec())
  if (process.argv.includes('--check')) {
    const stale = OUTPUTS.filter((f) => !fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== text)
    if (stale.length) {
      console.error(
        `stale: ${stale.map((f) => path.basename(f)).join(', ')} differ from spec/invites.yaml; run \`npm run gen\``,
      )
      process.exit(1)
    }
    console.log('index.d.ts and index.d.mts match the spec')
    return
  }
  for (const f of OUTPUTS) fs.writeFileSync(f, text)
  console.log(`wrote ${OUTPUTS.map((f) => path.basename(f)).join(', ')}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
