// Bundles the BFF (and the workspace packages it imports, which ship TypeScript source) into
// dist/server.mjs. Every other package stays external and resolves from node_modules at run time,
// so each run-time dependency must be listed in apps/bff/package.json.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.mjs',
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
});
console.log('built apps/bff/dist/server.mjs');
