// Build of the built-in room-management pages (server/manage/web → out/manage), served by
// server/manage/manage-routes.ts at /manage. Separate from electron-vite's renderer build: these
// pages are a plain web app with their own entry and a stricter CSP (no inline scripts).
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const repoRoot = resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: resolve(import.meta.dirname, 'web'),
  base: '/manage/',
  plugins: [react()],
  build: {
    outDir: resolve(repoRoot, 'out/manage'),
    emptyOutDir: true,
  },
});
