// (d) The baseline: the same calls as (c) written by hand with fetch and Web Crypto. No
// validation, no retries, no typed errors: what an app pays for nothing but the requests.
const api = `${location.origin}/api/v1`
const listed = await fetch(`${api}/approvals?status=pending`)
if (!listed.ok) throw new Error(`list failed: ${listed.status}`)
const page = (await listed.json()) as { data: { id: string }[] }
const first = page.data[0]
if (first !== undefined) {
  const decided = await fetch(`${api}/approvals/${encodeURIComponent(first.id)}/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ decision: 'approved', reason: 'ok' }),
  })
  if (!decided.ok) throw new Error(`decide failed: ${decided.status}`)
  console.log(await decided.json())
}

// Standard Webhooks: HMAC-SHA256 of "id.timestamp.body", keyed with the secret after "whsec_".
const message = await fetch('/last-webhook')
const body = await message.text()
const signed = `${message.headers.get('webhook-id')}.${message.headers.get('webhook-timestamp')}.${body}`
const secret = Uint8Array.from(atob('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'), (char) => char.charCodeAt(0))
const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(signed)))
const expected = `v1,${btoa(String.fromCharCode(...mac))}`
const valid = (message.headers.get('webhook-signature') ?? '').split(' ').includes(expected)
console.log(valid ? body : 'invalid signature')
