import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles into out/: the Electron main process (ESM), the preload (CommonJS, because a
// sandboxed preload cannot load ES modules) and the renderer. Runtime packages listed under
// `dependencies` stay external to main and preload (electron-vite's default).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // sharp (the still-photo pipeline, electron/photos/picture.ts) loads libvips, a native addon
      // from its platform package: it is imported at run time from node_modules by index.js and
      // face-check-worker.js, never bundled, whatever package.json says.
      externalizeDeps: { include: ['sharp'] },
      // The face-check thread (electron/photos/face-check-pool.ts) is a file of its own beside index.js.
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), 'face-check-worker': resolve('electron/photos/face-check-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      // The face detector's weights, manifests and WASM are fetched at run time: keep them files on
      // our origin, never data: URLs (which the CSP's connect-src would refuse).
      assetsInlineLimit: (file: string) => (/\.(json|bin|wasm)$/.test(file) ? false : undefined),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
