import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const bff = process.env.BFF_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: bff, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Big, rarely-changing libraries get their own long-cached chunks.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/].*maplibre-gl/ },
            {
              name: 'deckgl',
              test: /node_modules[\\/].*(@deck\.gl|@luma\.gl|@loaders\.gl|@math\.gl|mjolnir)/,
            },
            { name: 'echarts', test: /node_modules[\\/].*(echarts|zrender)/ },
            { name: 'react', test: /node_modules[\\/].*(react|react-dom|scheduler|react-router)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    // Two files at a time even on 2 cores (Vitest's default there is one): setting up happy-dom dominates.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    environment: 'happy-dom',
    // Files share their worker's modules and DOM (`isolate: false`): a fresh happy-dom and module graph per
    // file took most of the suite (51 s → 10 s on two cores beside another job; files shuffled with four seeds
    // all pass). Tests that stub globals or fake timers restore them in afterEach/finally; keep it that way.
    isolate: false,
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
