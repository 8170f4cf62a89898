// The spec-coverage check passes on the real spec and fails when the spec grows an operation or
// a schema the Node package does not have.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const spec = fs.readFileSync(path.resolve(pkgDir, '..', '..', 'spec', 'invites.yaml'), 'utf8')

function check(specText) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'invites-spec-'))
  try {
    const file = path.join(dir, 'invites.yaml')
    fs.writeFileSync(file, specText)
    return spawnSync(process.execPath, ['scripts/check-coverage.mjs'], {
      cwd: pkgDir,
      env: { ...process.env, INVITES_SPEC: file },
      encoding: 'utf8',
    })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

test('the real spec is fully covered', () => {
  const r = check(spec)
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, /15 operations and 23 schemas covered/)
})

test('an operation with no Node method fails the check', () => {
  const grown = spec.replace(
    '  /v1/members:\n',
    [
      '  /v1/members/export:',
      '    get:',
      '      operationId: exportMembers',
      '      summary: Every member as CSV.',
      '      responses:',
      '        "200":',
      '          description: The export.',
      '          content:',
      '            application/json:',
      '              schema:',
      '                $ref: "#/components/schemas/MemberList"',
      '  /v1/members:',
      '',
    ].join('\n'),
  )
  assert.notEqual(grown, spec)
  const r = check(grown)
  assert.equal(r.status, 1)
  assert.match(r.stderr, /exportMembers .*no Node method/)
})

test('a schema with no type, or a renamed operation, fails the check', () => {
  const withSchema = spec.replace(
    '  schemas:\n',
    '  schemas:\n    Team2:\n      type: string\n      description: Another team name.\n',
  )
  const r1 = check(withSchema)
  assert.equal(r1.status, 1)
  assert.match(r1.stderr, /schema Team2: no type in index\.d\.ts/)
  const r2 = check(spec.replace('operationId: getMember\n', 'operationId: fetchMember\n'))
  assert.equal(r2.status, 1)
  assert.match(r2.stderr, /fetchMember/)
  assert.match(r2.stderr, /names getMember, which the spec lacks/)
})
