// The full client: `new Signoff()` builds every resource, so its bundle carries all of them.
// List, decide, and verify a webhook message.
import { Signoff } from '@signoff/client'

const client = new Signoff({ baseUrl: location.origin, webhookSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
const page = await client.approvals.list({ status: 'pending' })
const first = page.data[0]
if (first !== undefined) console.log(await client.approvals.decide(first.id, { decision: 'approved', reason: 'ok' }))
const message = await fetch('/last-webhook')
console.log(await client.webhooks.verify(await message.text(), message.headers))
