// The reviewer's page, which also verifies a webhook message (as a service worker might).
import { Approvals, verifyWebhook } from '@signoff/client'

const approvals = new Approvals({ baseUrl: location.origin })
const page = await approvals.list({ status: 'pending' })
const first = page.data[0]
if (first !== undefined) console.log(await approvals.decide(first.id, { decision: 'approved', reason: 'ok' }))
const message = await fetch('/last-webhook')
console.log(await verifyWebhook(await message.text(), message.headers, { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }))
