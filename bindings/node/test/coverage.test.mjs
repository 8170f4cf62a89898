// Every operation and schema of the spec reaches the Node package through what `cargo xtask
// regen` generated (operations.js, index.d.ts, index.mjs, conformance/operations.json): a method
// on the client at run time, a declaration carrying the spec's docs, a call in the typed
// example. The checker is run on the real spec, and on grown or renamed copies to show it fails.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'

const require = createRequire(import.meta.url)
const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repo = path.resolve(pkgDir, '..', '..')
const read = (...p) => fs.readFileSync(path.join(...p), 'utf8')

const spec = read(repo, 'spec', 'invites.yaml')
const table = require('../operations.js')
const calls = JSON.parse(read(repo, 'conformance', 'operations.json')).calls
const dts = read(pkgDir, 'index.d.ts')
const typed = read(pkgDir, 'examples', 'typed.mts')
const sdk = require('../index.js')
const esm = await import('../index.mjs')
const { NativeClient } = require('../native.js')

/** The operationIds and component schema names of spec text (no YAML parser needed). */
function specFacts(text) {
  const ops = [...text.matchAll(/^\s+operationId:\s*(\w+)\s*$/gm)].map((m) => m[1])
  const lines = text.split('\n')
  const start = lines.indexOf('  schemas:')
  const schemas = []
  for (const line of lines.slice(start + 1)) {
    if (/^ {0,2}\S/.test(line)) break
    const m = line.match(/^ {4}(\w+):\s*$/)
    if (m) schemas.push(m[1])
  }
  return { ops, schemas }
}

function declaredClass(cls) {
  // A class with hand-written methods extends its mixin (`Webhooks extends WebhooksMixin`).
  const m = dts.match(new RegExp(`export declare class ${cls}(?: extends \\w+)? \\{([\\s\\S]*?)\\n\\}`))
  return m ? m[1] : null
}

/** What the Node package lacks for `specText`, one line per problem. */
function problems(specText) {
  const { ops, schemas } = specFacts(specText)
  const out = []
  const client = new sdk.Client({ baseUrl: 'http://127.0.0.1:9', apiKey: 'coverage-check' })
  const entries = table.flatMap((r) => Object.entries(r.methods).map(([method, m]) => ({ r, method, m })))
  for (const id of ops) {
    const e = entries.find((x) => x.m.operation === id)
    if (!e) {
      out.push(`${id}: no Node method (run \`cargo xtask regen\`)`)
      continue
    }
    const { r, method } = e
    if (typeof client[r.name]?.[method] !== 'function') out.push(`${id}: client.${r.name}.${method} is not a function`)
    const body = declaredClass(r.cls)
    if (!body || !`\n${body}`.includes(`\n  ${method}(`)) out.push(`${id}: index.d.ts declares no ${r.cls}.${method}`)
    else if (!body.includes(`operationId \`${id}\``)) out.push(`${id}: ${r.cls}.${method} lacks the spec's docs`)
    if (!typed.includes(`.${r.name}.${method}(`)) out.push(`${id}: examples/typed.mts never calls ${r.name}.${method}`)
    const call = Object.values(calls).find((c) => c.operation === id)
    if (call?.node !== method) out.push(`${id}: conformance/operations.json disagrees (${call?.node})`)
  }
  for (const { m } of entries) {
    if (!ops.includes(m.operation)) out.push(`operations.js names ${m.operation}, which the spec lacks`)
  }
  for (const r of table) {
    if (!(client[r.name] instanceof sdk[r.cls])) out.push(`client.${r.name} is not an ${r.cls}`)
    if (esm[r.cls] !== sdk[r.cls]) out.push(`index.mjs does not export ${r.cls}`)
  }
  for (const name of schemas) {
    if (!new RegExp(`export (interface|type) ${name}\\b`).test(dts)) out.push(`schema ${name}: no type in index.d.ts`)
  }
  for (const f of ['call', 'stream']) {
    if (typeof NativeClient.prototype[f] !== 'function') out.push(`the addon has no ${f}`)
  }
  return { out, ops, schemas }
}

test('the real spec is fully covered', () => {
  const { out, ops, schemas } = problems(spec)
  assert.deepEqual(out, [])
  // The check saw the whole spec (it only grows).
  assert.ok(ops.length >= 18, `${ops.length} operations`)
  assert.ok(schemas.length >= 27, `${schemas.length} schemas`)
})

test('an operation with no Node method fails the check', () => {
  const grown = spec.replace(
    '  /v1/members:\n',
    '  /v1/members/export:\n    get:\n      operationId: exportMembers\n  /v1/members:\n',
  )
  assert.notEqual(grown, spec)
  assert.match(problems(grown).out.join('\n'), /exportMembers: no Node method/)
})

test('a schema with no type, or a renamed operation, fails the check', () => {
  const withSchema = spec.replace('  schemas:\n', '  schemas:\n    Team2:\n      type: string\n')
  assert.match(problems(withSchema).out.join('\n'), /schema Team2: no type in index\.d\.ts/)
  const renamed = problems(spec.replace('operationId: getMember\n', 'operationId: fetchMember\n')).out.join('\n')
  assert.match(renamed, /fetchMember: no Node method/)
  assert.match(renamed, /names getMember, which the spec lacks/)
})
