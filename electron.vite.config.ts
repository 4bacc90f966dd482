import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const alias = { '@shared': resolve(__dirname, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // Dependencies stay external (loaded from node_modules) except ESM-only ones, which are
      // bundled: the main process is CommonJS (see package.json), and require() of an ES
      // module is not something every Node and Electron we run on can be relied on to do.
      externalizeDeps: { exclude: ['p-limit'] },
      rollupOptions: {
        input: {
          // The Electron entry point.
          index: resolve(__dirname, 'src/main/index.ts'),
          // The HTTP host behind `npm run serve` (and the end-to-end tests): no Electron.
          serve: resolve(__dirname, 'src/main/web/serve.ts'),
          // The search indexer's worker thread, loaded by path from out/main (see IndexerClient).
          searchWorker: resolve(__dirname, 'src/main/notebook/search/searchWorker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      // Minified (electron-vite leaves the renderer readable by default): the page parses and
      // compiles its first chunk before anything shows, and that is most of the first render
      // (issue #15: the glossary's first row within 300 ms).
      minify: true,
      // Fonts (KaTeX's) are files, never data: URLs, which the CSP's `font-src 'self'` refuses.
      assetsInlineLimit: (file: string) => (/\.(?:woff2?|ttf|otf)$/i.test(file) ? false : undefined),
    },
  },
});
