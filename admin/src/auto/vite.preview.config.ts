// TEMPORARY preview scaffolding (deleted before hand-over).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const adminDir = fileURLToPath(new URL('../..', import.meta.url));
const preview = fileURLToPath(new URL('./AppPreview.tsx', import.meta.url));

export default defineConfig({
    root: adminDir,
    plugins: [
        react(),
        {
            name: 'auto-preview-app',
            enforce: 'pre',
            resolveId(source, importer) {
                if (source === './App' && importer?.endsWith('/src/main.tsx')) return preview;
                return null;
            },
        },
    ],
    server: { port: 5199, strictPort: true, proxy: {
            '/api': {
                target: 'http://localhost:3200',
                changeOrigin: true,
                configure: proxy => proxy.on('proxyReq', req => req.setHeader('origin', 'http://localhost:3200')),
            },
        } },
});
