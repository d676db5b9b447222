// A page that only lists: one call function over a Transport (what pays for itself alone).
import { Transport, listApprovals } from '@signoff/client'

const api = new Transport({ baseUrl: location.origin })
const page = await listApprovals(api, { status: 'pending' })
console.log(page.data.length)
