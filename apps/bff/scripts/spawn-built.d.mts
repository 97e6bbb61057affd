import type { ChildProcess } from 'node:child_process';
export const SPAWNED_ADMIN_PASSWORD: string;
/** Starts the built BFF (or `entry`, e.g. ['--import', 'tsx', 'src/server.ts']) with a fresh DATA_DIR. */
export function spawnBuiltBff(
  env?: Record<string, string>,
  entry?: string[],
): Promise<{ url: string; stop: () => Promise<void>; child: ChildProcess; output: () => string }>;
