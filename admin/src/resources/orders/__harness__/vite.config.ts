import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({
    root: __dirname,
    plugins: [react()],
    server: {
        port: 5399,
        strictPort: true,
        proxy: {
            '/api': {
                target: 'http://localhost:3400',
                changeOrigin: true,
                configure: proxy => proxy.on('proxyReq', req => req.getHeader('origin') && req.setHeader('origin', 'http://localhost:3400')),
            },
        },
    },
});
