import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiTarget = process.env.CONCERTO_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    // The offline shell (src/service-worker/sw.ts → dist/sw.js): precaches every built file, production builds only.
    // app/offline-shell.ts registers it (lazily, with workbox-window) and offers the reload when a new version waits.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/service-worker',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // A classic script: every browser with service workers runs it.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // Every chunk, the editor's included (about 0,6 MB before compression).
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  resolve: {
    // Shared libs are consumed from source (the same condition the server's tsconfig uses).
    conditions: ['@concerto/source', ...defaultClientConditions],
    alias: {
      '@concerto/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
      // The socket parser alone (every page's /events socket uses it), without the co-editing client and Yjs.
      '@concerto/collab/socket-parser': fileURLToPath(new URL('../../libs/collab/src/protocol/socket-parser.ts', import.meta.url)),
      '@concerto/collab': fileURLToPath(new URL('../../libs/collab/src/index.ts', import.meta.url)),
    },
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', '@tiptap/core'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: what each page loads, read by the first-page budget check (tests/support/page-weight.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Long-lived libraries in their own chunks, so a deployment of app code keeps them cached.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 3 },
            { name: 'libs', test: /node_modules[\\/](@tanstack|i18next|react-i18next|zod|html-parse-stringify|void-elements)[\\/]/, priority: 2 },
            // libs/domain has no group: it declares no side effects, so each page carries only the contracts it uses.
            // lib0's binary encoding (and what it imports) is shared by the socket parser of every signed-in page and by Yjs:
            // a small chunk of its own. The rest of lib0 serves Yjs alone and goes with the editor.
            { name: 'lib0', test: /node_modules[\\/]lib0[\\/](encoding|decoding|math|number|binary|string|array|set|error)\.js$/, priority: 2 },
            // socket.io: loaded once signed in (the /events socket) or by co-editing pages, never by the sign-in page.
            {
              name: 'socket',
              test: /node_modules[\\/](socket\.io-client|engine\.io-client|socket\.io-parser|engine\.io-parser|@socket\.io)[\\/]/,
              priority: 2,
            },
            // The rich-text editor is only loaded by pages that co-edit.
            {
              name: 'editor',
              test: /node_modules[\\/](@tiptap|prosemirror-[a-z-]+|yjs|y-protocols|y-indexeddb|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
});
