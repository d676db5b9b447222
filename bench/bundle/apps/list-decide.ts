// (b) A reviewer's page: list pending approvals, decide the first.
import { Signoff } from '@signoff/client'

const client = new Signoff({ baseUrl: location.origin })
const page = await client.approvals.list({ status: 'pending' })
const first = page.data[0]
if (first !== undefined) console.log(await client.approvals.decide(first.id, { decision: 'approved', reason: 'ok' }))
