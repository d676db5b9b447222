import { createClient } from '@hey-api/openapi-ts'

/**
 * Generates a TypeScript client (fetch-based, one function per operation) from an OpenAPI
 * document, a URL or a file, into `outputDir`. Imports carry `.ts`, so Node runs the output as is.
 */
export async function generateClient(input: string, outputDir: string): Promise<void> {
  await createClient({
    input,
    output: { path: outputDir, importFileExtension: '.ts' },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent', path: outputDir },
  })
}
