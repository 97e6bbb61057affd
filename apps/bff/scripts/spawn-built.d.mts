import type { ChildProcess } from 'node:child_process';
export function spawnBuiltBff(
  env?: Record<string, string>,
): Promise<{ url: string; stop: () => Promise<void>; child: ChildProcess }>;
