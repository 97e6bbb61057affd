// Bundles the BFF (and the workspace packages it imports, which ship TypeScript source) into
// dist/server.mjs. Every other package stays external and resolves from node_modules at run time,
// so each run-time dependency must be listed in apps/bff/package.json.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  plugins: [
    {
      name: 'externalise-third-party',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@cockpit/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['src/server.ts'], outfile: 'dist/server.mjs' });
// The embedded department-system simulator, started by the server as a child process.
await build({ ...common, entryPoints: ['../../mock-data/upstreams/main.ts'], outfile: 'dist/simulator.mjs' });
console.log('built apps/bff/dist/server.mjs and dist/simulator.mjs');
