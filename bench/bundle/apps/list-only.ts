// (a') The same page, importing only the approvals resource instead of the whole client.
import { Approvals } from '@signoff/client'

const approvals = new Approvals({ baseUrl: location.origin })
const page = await approvals.list({ status: 'pending' })
console.log(page.data.length)
