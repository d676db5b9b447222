// A page that only lists pending approvals, with the approvals resource alone.
import { Approvals } from '@signoff/client'

const approvals = new Approvals({ baseUrl: location.origin })
const page = await approvals.list({ status: 'pending' })
console.log(page.data.length)
