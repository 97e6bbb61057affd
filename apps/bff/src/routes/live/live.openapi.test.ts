import { LiveDeltaEvent, LiveSnapshotEvent } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/create-test-app';

type Schema = { $ref?: string; anyOf?: Schema[]; oneOf?: Schema[] };

describe('the live stream in the OpenAPI document', () => {
  it('is documented as text/event-stream whose data is one of the contracts’ live event schemas', async () => {
    const app = createTestApp();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        { get?: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } }
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    const ok = doc.paths['/api/v1/live']?.get?.responses['200'];
    const stream = ok?.content?.['text/event-stream']?.schema;
    expect(stream).toBeDefined();
    const refs = (stream!.anyOf ?? stream!.oneOf ?? []).map((s) => s.$ref);
    expect(refs).toEqual(
      expect.arrayContaining([
        '#/components/schemas/LiveSnapshotEvent',
        '#/components/schemas/LiveDeltaEvent',
        '#/components/schemas/LiveResetEvent',
        '#/components/schemas/LiveDropEvent',
      ]),
    );
    // The documented schemas are the ones the web validates each event with (same fields, same required ones).
    for (const [id, schema] of [
      ['LiveSnapshotEvent', LiveSnapshotEvent],
      ['LiveDeltaEvent', LiveDeltaEvent],
    ] as const) {
      const documented = doc.components.schemas[id]!;
      expect(Object.keys(documented.properties ?? {}).sort()).toEqual(Object.keys(schema.shape).sort());
      expect(documented.required).toEqual(expect.arrayContaining(['topic', 'version', 'publishedAt']));
    }
    // Its errors are documented too (the shared error shape).
    expect(Object.keys(doc.paths['/api/v1/live']!.get!.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '429']),
    );
  });
});
