import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// The Api serves the build from its wwwroot; src/Api/Designer.targets runs this build before `dotnet build`.
export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic' },
  // GraphiQL 5 starts Monaco's language workers as ES module workers.
  worker: { format: 'es' },
  build: {
    outDir: resolve(root, '../Api/wwwroot'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Monaco (inside GraphiQL) is one large chunk by nature; it is only loaded by graphiql.html.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        main: resolve(root, 'index.html'),
        graphiql: resolve(root, 'graphiql.html'),
      },
      output: {
        // Both pages share React; give that chunk a name that says so.
        manualChunks(id) {
          return /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id) ? 'react' : undefined;
        },
      },
      onwarn(warning, warn) {
        // GraphiQL's dependencies carry "use client" / "use no memo" markers for React tooling; they do not apply to a bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /[\\/]node_modules[\\/]/.test(warning.id ?? '')) {
          return;
        }
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev` talks to a locally running Api (`dotnet run --project src/Api`).
    proxy: {
      '/graphql': { target: process.env['LOWCODE_API_URL'] ?? 'http://localhost:5000', ws: true },
      '/health': { target: process.env['LOWCODE_API_URL'] ?? 'http://localhost:5000' },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
