// The reviewer page end to end: the mock over real HTTP, the page served by Vite with its
// proxy, and a real Chromium clicking through it the way a reviewer would.
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { Signoff } from '@signoff/client'
import { startMockServer, type MockServer } from '@signoff/mock/node'
import { chromium, type Browser, type Page, type Request } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewerConfig } from '../src/server/config.ts'
import { seedDemo } from '../src/server/seed.ts'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const SCREENSHOT = fileURLToPath(new URL('../test-output/reviewer.png', import.meta.url))
const HOSTILE = 'Please ship <img src=x onerror="window.__injected = true"> today'
const QUESTIONS = ['Where is my order #1042?', 'Can I get a refund on a used item?', HOSTILE]

let mock: MockServer | undefined
/** The mock's state: what the page's decisions did. */
const store = () => {
  if (mock === undefined) throw new Error('the mock did not start')
  return mock.mock.store
}
let vite: ViteDevServer | undefined
let browser: Browser | undefined
let page: Page
let pageUrl: string
const requests: Request[] = []

/** The pending approval whose run was asked `question`. */
function approvalFor(question: string) {
  const found = store().listApprovals().find((approval) => {
    const payload = approval.payload as { input?: { message?: string } } | null | undefined
    return payload?.input?.message === question
  })
  if (found === undefined) throw new Error(`no approval for "${question}"`)
  return found
}

const card = (id: string) => page.locator(`article[data-approval-id="${id}"]`)

// Checked as the file loads, so a missing browser fails the run with this message rather than
// reporting the tests as skipped.
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `This test drives a real browser and needs Chromium, not found at ${CHROMIUM}. ` +
      'Install it (Debian/Ubuntu: `apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  )
}

beforeAll(async () => {
  mock = await startMockServer()
  await seedDemo(mock, QUESTIONS)
  vite = await createServer(reviewerConfig({ url: mock.url, apiKey: mock.mock.store.defaults.apiKey }, { port: 0 }))
  await vite.listen()
  const url = vite.resolvedUrls?.local[0]
  if (url === undefined) throw new Error('Vite did not report its address')
  pageUrl = url

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  page = await browser.newPage({ viewport: { width: 1000, height: 1400 } })
  page.setDefaultTimeout(8_000)
  page.on('request', (request) => requests.push(request))
  await page.goto(url)
  await page.locator('article[data-approval-id]').nth(2).waitFor()
}, 25_000)

afterAll(async () => {
  await browser?.close()
  await vite?.close()
  await mock?.close()
})

describe('the reviewer page', () => {
  it('lists every pending approval with its agent, checkpoint, times and readable payload', async () => {
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^3 pending · updated /)
    const first = card(approvalFor(QUESTIONS[0] ?? '').id)
    const text = await first.innerText()
    expect(text).toContain('Support replies')
    expect(text).toContain('review_response')
    expect(text).toMatch(/Created\s+(now|\d+ seconds? ago)/)
    expect(text).toMatch(/Expires\s+in (59 minutes|60 minutes|1 hour)/)
    // The payload reads as labelled fields, not as one line of JSON.
    expect(text).toMatch(/Input\s+message\s+Where is my order #1042\?/)
    expect(text).toMatch(/Output\s+text\s+Draft reply: Where is my order #1042\?/)
    expect(text).not.toContain('{"')
  })

  it('shows payload text as text: markup in it is never run', async () => {
    const hostile = card(approvalFor(HOSTILE).id)
    await expect(hostile.innerText()).resolves.toContain('<img src=x onerror="window.__injected = true">')
    await expect(hostile.locator('img').count()).resolves.toBe(0)
    await expect(page.evaluate(() => 'injected' in window ? 'ran' : 'inert')).resolves.toBe('inert')
  })

  it('approves an approval, then the list no longer shows it', async () => {
    const approval = approvalFor(QUESTIONS[0] ?? '')
    await card(approval.id).getByRole('button', { name: 'Approve' }).click()
    await card(approval.id).waitFor({ state: 'detached' })
    await expect(page.locator('#notice').textContent()).resolves.toBe(`Approved …${approval.id.slice(-8)}.`)
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^2 pending/)
    expect(store().getApproval(approval.id)).toMatchObject({ status: 'approved' })
  })

  it('refuses to reject without a reason, with a visible message, and sends nothing', async () => {
    const approval = approvalFor(QUESTIONS[1] ?? '')
    const decides = () => requests.filter((request) => request.url().endsWith('/decide')).length
    const before = decides()
    await card(approval.id).getByLabel('Reason').fill('   ')
    await card(approval.id).getByRole('button', { name: 'Reject' }).click()
    await expect(card(approval.id).getByRole('alert').textContent()).resolves.toMatch(/^A reason is required to reject/)
    await expect(card(approval.id).getByRole('alert').isVisible()).resolves.toBe(true)
    expect(decides()).toBe(before)
    expect(store().getApproval(approval.id)).toMatchObject({ status: 'pending' })
  })

  it('rejects with a reason, and the mock holds the decision and the reason', async () => {
    const approval = approvalFor(QUESTIONS[1] ?? '')
    await card(approval.id).getByLabel('Reason').fill('Refund policy misquoted: used items are not refundable')
    await card(approval.id).getByRole('button', { name: 'Reject' }).click()
    await card(approval.id).waitFor({ state: 'detached' })
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^1 pending/)
    expect(store().getApproval(approval.id)).toMatchObject({
      status: 'rejected',
      reason: 'Refund policy misquoted: used items are not refundable',
    })
    expect(store().getApproval(approvalFor(QUESTIONS[0] ?? '').id)).toMatchObject({ status: 'approved' })
    expect(store().listApprovals({ status: 'pending' })).toHaveLength(1)
  })

  it('shows approvals that arrived since, on Refresh', async () => {
    const question = 'Is the blue model back in stock?'
    if (mock === undefined) throw new Error('the mock did not start')
    await seedDemo(mock, [question])
    await page.getByRole('button', { name: 'Refresh' }).click()
    await card(approvalFor(question).id).waitFor()
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^2 pending/)
  })

  it('says so when someone else decided first, and drops the approval from the list', async () => {
    const approval = approvalFor('Is the blue model back in stock?')
    if (mock === undefined) throw new Error('the mock did not start')
    const colleague = new Signoff({ apiKey: store().defaults.apiKey, baseUrl: mock.url })
    await colleague.approvals.decide(approval.id, { decision: 'rejected', reason: 'Stock data is stale' })
    await card(approval.id).getByRole('button', { name: 'Approve' }).click()
    await card(approval.id).waitFor({ state: 'detached' })
    await expect(page.locator('#notice').textContent()).resolves.toBe(`…${approval.id.slice(-8)} was already decided (rejected).`)
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^1 pending/)
    expect(store().getApproval(approval.id)).toMatchObject({ status: 'rejected', reason: 'Stock data is stale' })
  })

  it('keeps every character of a reason typed while the list refreshes, and updates the rest', async () => {
    if (mock === undefined || browser === undefined) throw new Error('the test servers did not start')
    const server = mock
    const editing = approvalFor(HOSTILE)
    await seedDemo(server, ['Is gift wrapping free?'])
    const leaving = approvalFor('Is gift wrapping free?')
    // A second tab refreshing every 0.2 s, so a reason typed over a few seconds meets many refreshes.
    const tab = await browser.newPage()
    tab.setDefaultTimeout(8_000)
    const refreshes = { count: 0 }
    tab.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/v1/approvals') refreshes.count += 1
    })
    await tab.goto(new URL('/?refresh=0.2', pageUrl).href)
    const reasonBox = tab.locator(`article[data-approval-id="${editing.id}"]`).getByLabel('Reason')
    await reasonBox.click()

    const reason = 'Wrong order number: #1042 shipped on Monday, so say it is on its way and add the tracking links.'
    const before = refreshes.count
    // While the reason is typed, one approval arrives (above the card being edited) and one is
    // decided elsewhere: the list must show both changes without disturbing the reason box.
    const colleague = new Signoff({ apiKey: store().defaults.apiKey, baseUrl: server.url })
    const elsewhere = (async () => {
      for (let waited = 0; refreshes.count < before + 3; waited += 50) {
        if (waited >= 10_000) throw new Error(`the page refreshed ${refreshes.count - before} times in 10 s, not 3`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      await seedDemo(server, ['Can I change the delivery address?'])
      await colleague.approvals.decide(leaving.id, { decision: 'approved' })
    })()
    await tab.keyboard.type(reason, { delay: 30 })
    const typedDuring = refreshes.count - before
    await elsewhere

    const arrived = approvalFor('Can I change the delivery address?')
    await tab.locator(`article[data-approval-id="${arrived.id}"]`).waitFor()
    await tab.locator(`article[data-approval-id="${leaving.id}"]`).waitFor({ state: 'detached' })
    const box = await reasonBox.evaluate((element: HTMLTextAreaElement) => ({
      value: element.value,
      focused: document.activeElement === element,
      caret: [element.selectionStart, element.selectionEnd],
    }))
    await tab.close()
    expect(reason).toHaveLength(96)
    expect(typedDuring).toBeGreaterThanOrEqual(5)
    expect(box).toEqual({ value: reason, focused: true, caret: [96, 96] })
  })

  it('never gives the browser the API key: the proxy adds it', async () => {
    const apiCalls = requests.filter((request) => new URL(request.url()).pathname.startsWith('/api/v1/'))
    expect(apiCalls.length).toBeGreaterThan(3)
    for (const request of apiCalls) expect(await request.allHeaders()).not.toHaveProperty('x-api-key')
    expect(await page.content()).not.toContain(store().defaults.apiKey)
  })

  it('forwards only the calls a reviewer needs: running an agent from the page is refused', async () => {
    const agentId = approvalFor(QUESTIONS[0] ?? '').agent_id
    const executions = store().listExecutions().length
    const status = await page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/agents/${id}/execute`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: { message: 'hi' } }),
      })
      return response.status
    }, agentId)
    expect(status).toBe(404)
    expect(store().listExecutions()).toHaveLength(executions)
  })

  it('saves a screenshot of the page', async () => {
    await rm(SCREENSHOT, { force: true })
    await mkdir(fileURLToPath(new URL('.', `file://${SCREENSHOT}`)), { recursive: true })
    await page.screenshot({ path: SCREENSHOT, fullPage: true })
    const png = await readFile(SCREENSHOT)
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  })
})
