// The loopback server of bench/overhead, run in a child process of its own so that serving does
// not share the measured client's event loop or CPU time: a fixed 100-approval page, the same
// bytes for every request.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Approvals on the served page. */
export const PAGE_SIZE = 100

/** The page every GET answers: a realistic list body, its shape as the API sends it. */
export function approvalPage(): string {
  const data = Array.from({ length: PAGE_SIZE }, (_, index) => ({
    id: `2Nz3qkGXBtBLqYuwKyWqu9B${String(index).padStart(4, '0')}`,
    execution_id: `2Nz3qkGXBtBLqYuwKyWqu9E${String(index).padStart(4, '0')}`,
    agent_id: '2Nz3qkGXBtBLqYuwKyWqu9AGENT',
    workspace_id: '2Nz3qkGXBtBLqYuwKyWqu9WSPCE',
    checkpoint_name: 'review_response',
    payload: { input: { message: `Where is order ${index}?` }, output: { text: 'It ships tomorrow.' } },
    status: 'pending',
    decided_by: null,
    decided_at: null,
    expires_at: null,
    reason: null,
    created_at: '2026-11-25T10:00:00.123456789Z',
  }))
  return JSON.stringify({ data, meta: { total: 1000, page: 1, limit: PAGE_SIZE, total_pages: 10 } })
}

if (process.send !== undefined) {
  const body = approvalPage()
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    response.end(body)
  })
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bytes: body.length })
  })
  // The parent's exit (or its disconnect) ends the server too.
  process.on('disconnect', () => server.close(() => process.exit(0)))
}
