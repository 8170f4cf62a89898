#!/usr/bin/env node
// Fails (exit 1) when a spec operation or schema is not covered by the Node package:
// - every operationId has an entry in operations.mjs, a method on the client at run time, an
//   addon method of the same name (and a stream method for list operations), a declaration in
//   index.d.ts, and a call in the typed example (examples/typed.mts);
// - every schema of components.schemas has a type in index.d.ts (and index.d.mts);
// - index.d.ts and index.d.mts are what the spec generates today.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

import { OPERATIONS, RESOURCES } from './operations.mjs'
import { OUTPUTS, generate, loadSpec, specOperations } from './gen-dts.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const pkg = path.resolve(here, '..')
const require = createRequire(import.meta.url)

const spec = loadSpec()
const problems = []
const fail = (m) => problems.push(m)

const sdk = require(path.join(pkg, 'index.js'))
const { NativeClient } = require(path.join(pkg, 'native.js'))
const client = new sdk.Client({ baseUrl: 'http://127.0.0.1:9', apiKey: 'coverage-check' })
const dts = fs.readFileSync(path.join(pkg, 'index.d.ts'), 'utf8')
const typed = fs.readFileSync(path.join(pkg, 'examples', 'typed.mts'), 'utf8')

function declaredClass(text, cls) {
  const m = text.match(new RegExp(`export declare class ${cls} \\{([\\s\\S]*?)\\n\\}`))
  return m ? m[1] : null
}

const operations = specOperations(spec)
for (const o of operations) {
  const e = OPERATIONS.find((x) => x.op === o.id)
  const where = `${o.id} (${o.method} ${o.path})`
  if (!e) {
    fail(`${where}: no Node method (add it to scripts/operations.mjs and index.js)`)
    continue
  }
  const resource = client[e.resource]
  if (!resource || typeof resource[e.method] !== 'function') {
    fail(`${where}: client.${e.resource}.${e.method} is not a function`)
  }
  if (typeof NativeClient.prototype[e.op] !== 'function') {
    fail(`${where}: the addon has no ${e.op} method`)
  }
  if (e.stream && typeof NativeClient.prototype[e.stream] !== 'function') {
    fail(`${where}: the addon has no ${e.stream} stream method`)
  }
  const r = RESOURCES.find((x) => x.name === e.resource)
  const body = r && declaredClass(dts, r.cls)
  if (!body || !new RegExp(`\\n  ${e.method}\\(`).test(`\n${body}`)) {
    fail(`${where}: index.d.ts declares no ${r?.cls ?? e.resource}.${e.method}`)
  } else if (!body.includes(`operationId \`${o.id}\``)) {
    fail(`${where}: the declaration of ${e.method} does not carry the spec's docs`)
  }
  if (!typed.includes(`.${e.resource}.${e.method}(`)) {
    fail(`${where}: examples/typed.mts never calls client.${e.resource}.${e.method}`)
  }
}
for (const e of OPERATIONS) {
  if (!operations.some((o) => o.id === e.op)) fail(`operations.mjs names ${e.op}, which the spec lacks`)
}

for (const name of Object.keys(spec.components.schemas)) {
  if (!new RegExp(`export (interface|type) ${name}\\b`).test(dts)) {
    fail(`schema ${name}: no type in index.d.ts`)
  }
}

let expected = null
try {
  expected = generate(spec)
} catch (e) {
  fail(`index.d.ts cannot be generated: ${e.message}`)
}
for (const f of expected === null ? [] : OUTPUTS) {
  if (!fs.existsSync(f) || fs.readFileSync(f, 'utf8') !== expected) {
    fail(`${path.basename(f)} is stale: run \`npm run gen\``)
  }
}

if (problems.length) {
  console.error(`spec coverage: ${problems.length} problem(s)`)
  for (const p of problems) console.error(`  - ${p}`)
  process.exit(1)
}
console.log(
  `spec coverage: ${operations.length} operations and ${Object.keys(spec.components.schemas).length} schemas covered`,
)
