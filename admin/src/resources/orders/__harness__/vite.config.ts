import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({
    root: __dirname,
    plugins: [react()],
    server: { port: 5399, strictPort: true, proxy: { '/api': 'http://localhost:3400' } },
});
