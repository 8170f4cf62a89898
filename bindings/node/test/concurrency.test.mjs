// 500 concurrent calls on one client, while a timer keeps firing: the calls run on the addon's
// tokio runtime, so the event loop stays free.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { email, startServer } from './helpers.mjs'

let server
let org
before(async () => {
  server = await startServer()
  org = await server.org()
})
after(() => server?.stop())

test('500 concurrent promises on one client complete; the event loop stays responsive', async () => {
  const N = 500
  const TICK = 5
  const ticks = []
  const timer = setInterval(() => ticks.push(performance.now()), TICK)
  const started = performance.now()
  // Starting the calls is this test's own synchronous loop; the event loop is measured from its end.
  const calls = Array.from({ length: N }, (_, i) =>
    i % 2 === 0
      ? org.client.invites.create({ emails: [email(`c${i}`)], roles: ['user'], metadata: { i: String(i) } })
      : org.client.organizations.get(),
  )
  const dispatched = performance.now()
  let results
  try {
    results = await Promise.all(calls)
  } finally {
    clearInterval(timer)
  }
  const finished = performance.now()
  const elapsed = finished - started
  assert.equal(results.length, N)
  const invites = results.filter((_, i) => i % 2 === 0)
  assert.equal(new Set(invites.map((r) => r.id)).size, N / 2, 'every create made its own invite')
  invites.forEach((inv, k) => assert.equal(inv.metadata.i, String(k * 2), 'answers reach their own caller'))
  for (const r of results.filter((_, i) => i % 2 === 1)) assert.equal(r.id, org.organization.id)

  // The timer kept firing all along: no gap between ticks near the length of the whole run.
  const marks = [dispatched, ...ticks.filter((t) => t > dispatched), finished]
  const gaps = marks.slice(1).map((t, i) => t - marks[i])
  const maxGap = Math.max(...gaps)
  const inFlight = finished - dispatched
  console.log(
    `# ${N} calls in ${elapsed.toFixed(0)} ms (dispatch ${(dispatched - started).toFixed(0)} ms); ` +
      `${marks.length - 2} ticks of a ${TICK} ms timer while in flight; longest gap ${maxGap.toFixed(1)} ms`,
  )
  // Calls that blocked the event loop would leave no ticks while in flight and one gap as long as
  // the run; the bounds leave room for a busy 2-core machine (other processes, parallel suites).
  const inFlightTicks = marks.length - 2
  assert.ok(
    inFlightTicks >= Math.max(Math.min(20, Math.floor(inFlight / TICK / 2)), Math.floor(inFlight / TICK / 5)),
    `only ${inFlightTicks} ticks in ${inFlight.toFixed(0)} ms in flight`,
  )
  assert.ok(maxGap < Math.max(300, inFlight / 3), `the event loop stalled for ${maxGap.toFixed(0)} ms`)

  // Everything created is really there.
  let count = 0
  for await (const _ of org.client.invites.list({ limit: 100 })) {
    void _
    count++
  }
  assert.equal(count, N / 2)
})
