import type { Hono } from 'hono';

/** Compiles the app's route table into matchers so a 404 can tell "wrong method" from "no such path". */
export function allowedMethodsLookup(app: Pick<Hono, 'routes'>) {
  let compiled: { method: string; pattern: RegExp }[] | undefined;
  return (path: string): string[] => {
    compiled ??= app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => ({
        method: r.method,
        pattern: new RegExp(
          `^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+(\{[^}]*\})?/g, '[^/]+')}/?$`,
        ),
      }));
    return [...new Set(compiled.filter((r) => r.pattern.test(path)).map((r) => r.method))];
  };
}
