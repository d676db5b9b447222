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

  it('points servers elsewhere when asked', () => {
    const document = buildOpenApiDocument({ serverUrl: 'http://127.0.0.1:4010/api/v1' })
    expect(document.servers).toEqual([{ url: 'http://127.0.0.1:4010/api/v1' }])
  })
})
