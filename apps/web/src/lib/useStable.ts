import { useRef } from 'react';

/**
 * The same value as long as its key is the same. Live snapshots re-create equal arrays on every push; a map
 * layer keyed on the stable value is rebuilt (and the wall's software GL redraws) only when what it draws
 * changed.
 */
export function useStable<T>(value: T | undefined, key: (v: T) => string): T | undefined {
  const ref = useRef<{ key: string; value: T } | null>(null);
  if (value === undefined) return undefined;
  const k = key(value);
  if (!ref.current || ref.current.key !== k) ref.current = { key: k, value };
  return ref.current.value;
}
