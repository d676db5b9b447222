// The reviewer app written with call functions over a Transport: list pending approvals and
// decide the first.
import { Transport, decideApproval, listApprovals } from '@signoff/client'

const api = new Transport({ baseUrl: location.origin })
const page = await listApprovals(api, { status: 'pending' })
const first = page.data[0]
if (first !== undefined) console.log(await decideApproval(api, first.id, { decision: 'approved', reason: 'ok' }))
