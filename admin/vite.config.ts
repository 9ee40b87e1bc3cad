import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The root package.json runs `vite build --config admin/vite.config.ts` from the repository
// root, so paths are anchored on this file rather than on the working directory.
const adminDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes `<file>.br` and `<file>.gz` beside every built asset worth compressing, once at build
 * time; the server sends them to browsers that accept them (serveStatic's `precompressed`).
 */
const precompress = (): Plugin => ({
    name: 'precompress',
    apply: 'build',
    closeBundle() {
        const walk = (dir: string): string[] =>
            readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
                e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
            );
        for (const file of walk(fileURLToPath(new URL('./dist', import.meta.url)))) {
            if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
            const data = readFileSync(file);
            if (data.length < 1024) continue;
            writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
            writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        }
    },
});

export default defineConfig({
    root: adminDir,
    base: '/',
    plugins: [react(), precompress()],
    build: {
        outDir: fileURLToPath(new URL('./dist', import.meta.url)),
        emptyOutDir: true,
        // the console's own chunk (react-admin + MUI) is large by nature; the sign-in page's is not
        chunkSizeWarningLimit: 2500,
    },
    server: {
        port: 5173,
        proxy: {
            '/api': 'http://localhost:3000',
        },
    },
});
