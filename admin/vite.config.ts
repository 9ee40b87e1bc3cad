import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The root package.json runs `vite build --config admin/vite.config.ts` from the repository
// root, so paths are anchored on this file rather than on the working directory.
const adminDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
    root: adminDir,
    base: '/',
    plugins: [react()],
    build: {
        outDir: fileURLToPath(new URL('./dist', import.meta.url)),
        emptyOutDir: true,
        // react-admin + MUI make one large chunk; that is expected for a back-office app.
        chunkSizeWarningLimit: 2500,
    },
    server: {
        port: 5173,
        proxy: {
            '/api': 'http://localhost:3000',
        },
    },
});
