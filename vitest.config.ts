import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { msw } from 'msw/vite'
import { configDefaults, defineConfig } from 'vitest/config'
import { chromiumPath } from './scripts/chromium-path.ts'

const source = (pkg: string, entry = 'index') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}.ts`, import.meta.url))

const clientTest = (file: string) => fileURLToPath(new URL(`./packages/client/test/${file}`, import.meta.url))

// Tests run against the TypeScript sources, so a change is tested without a rebuild;
// the built packages are checked separately (publint, attw, the examples).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@signoff\/schemas$/, replacement: source('schemas') },
      { find: /^@signoff\/client$/, replacement: source('client') },
      { find: /^@signoff\/mock\/node$/, replacement: source('mock', 'node') },
      { find: /^@signoff\/mock\/msw$/, replacement: source('mock', 'msw') },
      { find: /^@signoff\/mock$/, replacement: source('mock') },
      { find: /^@signoff\/node$/, replacement: source('node') },
      { find: /^@signoff\/slack\/redis$/, replacement: source('slack', 'redis') },
      { find: /^@signoff\/slack\/testing$/, replacement: source('slack', 'testing') },
      { find: /^@signoff\/slack$/, replacement: source('slack') },
      { find: /^@signoff\/bullmq$/, replacement: source('bullmq') },
    ],
  },
  test: {
    testTimeout: 20_000,
    // The JSON report gives scripts/test.ts the count for its closing verdict line; one
    // report covers both projects.
    reporters: ['default', ['json', { outputFile: 'node_modules/.cache/vitest-report.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'packages/*/{src,test}/**/*.test.ts',
            'examples/*/test/**/*.test.ts',
            'bench/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          // Browser-only tests need a window and a document.
          exclude: [...configDefaults.exclude, 'packages/client/test/browser/**'],
          // A private redis-server (or $REDIS_URL) for the BullMQ and Slack tests and their example.
          globalSetup: ['scripts/redis.setup.ts'],
        },
      },
      {
        extends: true,
        // MSW's plugin serves its worker script at /mockServiceWorker.js from the installed
        // msw, so the script always matches the library and nothing is copied or committed.
        plugins: [msw({ mode: 'worker-only' })],
        resolve: {
          // The contract harness reaches the network through `./network.js`: msw/node's
          // setupServer in Node, MSW's service worker here.
          alias: [{ find: /^\.\/network\.js$/, replacement: clientTest('contract/network.browser.ts') }],
        },
        test: {
          name: 'browser',
          include: ['packages/client/test/{contract,browser}/**/*.test.ts'],
          // The mock's real HTTP server, for the cross-origin (CORS) tests.
          globalSetup: ['packages/client/test/browser/mock-server.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            instances: [{ browser: 'chromium' }],
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath(),
                // --no-sandbox: CI machines run as root, where Chromium's sandbox refuses to start.
                args: [
                  '--headless',
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-quic',
                  '--no-first-run',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                ],
              },
            }),
          },
        },
      },
    ],
  },
})
