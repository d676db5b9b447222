// A reviewer's page: list pending approvals and decide the first, with the approvals
// resource alone (what a page that only reviews needs).
import { Approvals } from '@signoff/client'

const approvals = new Approvals({ baseUrl: location.origin })
const page = await approvals.list({ status: 'pending' })
const first = page.data[0]
if (first !== undefined) console.log(await approvals.decide(first.id, { decision: 'approved', reason: 'ok' }))
