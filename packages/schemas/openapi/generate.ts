// Writes packages/schemas/openapi.json from the built schemas: `pnpm run openapi` at the root.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildOpenApiDocument, serializeDocument } from './document.ts'

const target = fileURLToPath(new URL('../openapi.json', import.meta.url))
writeFileSync(target, serializeDocument(buildOpenApiDocument()))
console.log(`wrote ${target}`)
