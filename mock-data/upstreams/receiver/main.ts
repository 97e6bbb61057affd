/**
 * Standalone webhook receiver: `pnpm --filter @cockpit/mock-data receiver`.
 * Env: RECEIVER_PORT (8095), RECEIVER_HOST (127.0.0.1). Exits cleanly on SIGTERM / SIGINT.
 */
import { startReceiver } from './server';

const port = Number(process.env.RECEIVER_PORT ?? 8095);
const receiver = await startReceiver({ port, host: process.env.RECEIVER_HOST || '127.0.0.1' });
console.log(`[receiver] listening on ${receiver.url} (register a channel: PUT /admin/channels/<name>)`);
const stop = () => void receiver.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
