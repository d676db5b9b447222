import { readFileSync } from 'node:fs'
import { compileErrors, validate } from '@readme/openapi-parser'
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument, serializeDocument } from '../../openapi/document.ts'

const committedPath = new URL('../../openapi.json', import.meta.url)
const committed = readFileSync(committedPath, 'utf8')

describe('openapi.json', () => {
  it('is what the schemas generate today', () => {
    const generated = serializeDocument(buildOpenApiDocument())
    const stale =
      'packages/schemas/openapi.json differs from what @signoff/schemas generates: run `npx -y pnpm@12.21.0 run openapi` and commit the file'
    expect(committed, stale).toBe(generated)
  })

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(JSON.parse(committed) as never)
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true)
    expect(JSON.parse(committed)).toMatchObject({ openapi: expect.stringMatching(/^3\.1\./u) })
  })

  it('has no $id and no schema that accepts anything where an id belongs', () => {
    expect(committed).not.toContain('"$id"')
    const document = JSON.parse(committed) as ReturnType<typeof buildOpenApiDocument>
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item)) {
        for (const parameter of (operation as { parameters: { in?: string; schema?: object }[] }).parameters) {
          if (parameter.in === 'path' || parameter.in === 'query') {
            expect(Object.keys(parameter.schema ?? {}), `${path}: a parameter without a schema`).not.toHaveLength(0)
          }
        }
      }
    }
  })

  it('declares on every operation its errors, its path ids, and on every POST the Idempotency-Key', () => {
    interface OperationShape {
      operationId: string
      parameters: { $ref?: string; name?: string; in?: string }[]
      responses: Record<string, unknown>
    }
    const document = JSON.parse(committed) as { paths: Record<string, Record<string, OperationShape>>; webhooks: object }
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    )
    expect(operations.map(({ operation }) => operation.operationId).sort()).toEqual([
      'agents_create_version', 'agents_execute', 'agents_get', 'agents_list', 'approvals_decide', 'approvals_get',
      'approvals_list', 'executions_get', 'executions_list', 'executions_pending_approval',
    ])
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`
      expect(Object.keys(operation.responses), where).toEqual(expect.arrayContaining(['400', '401', '403', '404', '429', '4XX', '5XX']))
      const pathIds = [...path.matchAll(/\{(\w+)\}/gu)].map((found) => found[1])
      const declared = operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name)
      expect(declared, where).toEqual(pathIds)
      const idempotency = operation.parameters.some((parameter) => parameter.$ref === '#/components/parameters/IdempotencyKey')
      expect(idempotency, where).toBe(method === 'post')
    }
    expect(Object.keys(document.webhooks)).toEqual(['execution.awaiting_approval', 'approval.decided', 'approval.expired'])
  })

  it('points servers elsewhere when asked', () => {
    const document = buildOpenApiDocument({ serverUrl: 'http://127.0.0.1:4010/api/v1' })
    expect(document.servers).toEqual([{ url: 'http://127.0.0.1:4010/api/v1' }])
  })
})
