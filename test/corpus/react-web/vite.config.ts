// @ts-nocheck
import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  return {
    plugins: [react()],
    server: {
      port: 5173,
      proxy: {
        '/api': {
          target: env.API_PROXY_TARGET ?? 'http://localhost:8080',
          changeOrigin: true,
          headers: { 'x-dev-proxy-token': env.DEV_PROXY_TOKEN ?? '' },
        },
      },
    },
    build: { sourcemap: true, chunkSizeWarningLimit: 900 },
    define: { __BUILD_SHA__: JSON.stringify(env.GITHUB_SHA ?? 'local') },
  };
});
