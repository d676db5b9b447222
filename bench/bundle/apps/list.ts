// (a) A page that only lists pending approvals.
import { Signoff } from '@signoff/client'

const client = new Signoff({ baseUrl: location.origin })
const page = await client.approvals.list({ status: 'pending' })
console.log(page.data.length)
