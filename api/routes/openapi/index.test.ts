import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/index.ts';

let t: TestApp;
let doc: { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
beforeAll(async () => {
  t = await testApp();
  doc = (await (await t.app.request('/api/openapi.json')).json()) as typeof doc;
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/openapi.json', () => {
  it('should be an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('should describe every route the app serves (the API and /healthz, /readyz, /metrics), with its method', () => {
    // Middleware for all paths (method ALL: the static client, not-found) is not an API route.
    const served = t.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served).toEqual(expect.arrayContaining(['get /healthz', 'get /readyz', 'get /metrics']));
    expect(served.length).toBeGreaterThanOrEqual(9);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(served));
  });

  it('should give the submission item schema, so client authors see every field', () => {
    const post = doc.paths['/api/submissions']?.post as {
      requestBody: { content: { 'application/json': { schema: Record<string, unknown> } } };
    };
    const schema = JSON.stringify(post.requestBody.content['application/json'].schema);
    for (const field of ['schemaVersion', 'insatsId', 'respondent', 'location', 'deviceId', 'createdAt']) {
      expect(schema).toContain(`"${field}"`);
    }
    expect(doc.paths['/api/insatser/{id}']?.get?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });

  it('should document errors as problem+json', () => {
    const responses = doc.paths['/api/submissions']?.post?.responses as Record<string, { content: object }>;
    expect(Object.keys(responses['415']?.content ?? {})).toEqual(['application/problem+json']);
  });
});
