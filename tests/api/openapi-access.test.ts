import { describe, expect, it } from 'vitest';
import { POLICY } from '../../server/auth/policy.js';
import { buildOpenApiDocument } from '../../server/openapi/openapi.js';
import { buildOgcOpenApiDocument, policyPathOf } from '../../server/ogc/ogc.openapi.js';

/** The OpenAPI document's 401/403 answers and success statuses, against the policy table the server enforces. */
type Operation = { responses: Record<string, { description: string; content?: Record<string, unknown> }> };
type Doc = { paths: Record<string, Record<string, Operation>> };
/** Both documents: /api/openapi.json and the OGC service-desc (/ogc/api, paths relative to /ogc). */
const documents: [Doc, (path: string) => string][] = [
  [buildOpenApiDocument() as Doc, (path) => path],
  [buildOgcOpenApiDocument() as Doc, policyPathOf],
];
const operations = documents.flatMap(([doc, fullPath]) => Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => {
  const path = fullPath(p);
  return { route: `${method.toUpperCase()} ${path}`, op, rule: POLICY.find((r) => r.method === method.toUpperCase() && r.path === path)! };
})));
const statusesOf = (route: string) => Object.keys(operations.find((o) => o.route === route)!.op.responses).sort();

/** Signed-in callers of any role pass the policy here, and a GET carries no CSRF check: no 403 is possible, so none is documented. */
const NO_FORBIDDEN = ['GET /api/auth/tokens'];

describe('OpenAPI: who may call each route', () => {
  it('has a policy row for every documented route', () => {
    expect(operations.filter((o) => !o.rule).map((o) => o.route)).toEqual([]);
  });

  it('lists 401 and 403 on every route that is not public', () => {
    const closed = operations.filter((o) => o.rule.allow !== 'everyone' && !o.rule.allow.includes('anonymous'));
    expect(closed.length).toBeGreaterThan(20);
    const missing = closed.flatMap((o) => [
      ...(o.op.responses[401] ? [] : [`${o.route}: 401`]),
      ...(o.op.responses[403] || NO_FORBIDDEN.includes(o.route) ? [] : [`${o.route}: 403`]),
    ]);
    expect(missing).toEqual([]);
    expect(operations.find((o) => o.route === NO_FORBIDDEN[0])!.op.responses[403]).toBeUndefined();
  });

  it('lists 401 on public routes (PUBLIC_READ=false closes them), and neither on health or who-am-I', () => {
    const open = operations.filter((o) => o.rule.allow !== 'everyone' && o.rule.allow.includes('anonymous'));
    expect(open.map((o) => o.route)).toContain('GET /api/uploads/templates/{lang}.{ext}');
    expect(open.filter((o) => !o.op.responses[401]?.description.includes('PUBLIC_READ=false')).map((o) => o.route)).toEqual([]);
    expect(statusesOf('GET /api/health')).toEqual(['200', '400', '404']);
    expect(statusesOf('GET /api/auth/me')).toEqual(['200', '400', '404']);
  });

  it('documents the OGC station features as closed (401, 403) and the OGC area collections as PUBLIC_READ', () => {
    expect(statusesOf('GET /ogc/collections/stations/items')).toEqual(['200', '400', '401', '403', '404']);
    expect(operations.find((o) => o.route === 'GET /ogc/collections/stations/items')!.op.responses[403]!.description).toMatch(/operator account bound to no operator/);
    expect(operations.find((o) => o.route === 'GET /ogc/collections/{collectionId}/items')!.op.responses[401]!.description).toMatch(/PUBLIC_READ=false/);
  });

  it('lists 403 on every write (the CSRF check) and names the roles a restricted route allows', () => {
    const writes = operations.filter((o) => o.rule.method !== 'GET');
    expect(writes.filter((o) => !o.op.responses[403]?.description.includes('X-CSRF-Token')).map((o) => o.route)).toEqual([]);
    expect(operations.find((o) => o.route === 'POST /api/uploads')!.op.responses[403]!.description)
      .toMatch(/allowed: admin, operator.*X-CSRF-Token.*An operator account uploading for another operator/);
    expect(operations.find((o) => o.route === 'GET /api/uploads/{id}/errors')!.op.responses[403]!.description)
      .toMatch(/limited to some areas.*another operator's upload/);
  });

  it('documents POST /api/uploads as 201 with the preview, and 200 as the NDJSON stream', () => {
    const { responses } = operations.find((o) => o.route === 'POST /api/uploads')!.op;
    expect(Object.keys(responses[201]!.content!)).toEqual(['application/json']);
    expect(Object.keys(responses[200]!.content!)).toEqual(['application/x-ndjson']);
    expect(statusesOf('POST /api/uploads')).toEqual(['200', '201', '400', '401', '403', '404', '413', '422']);
  });

  it('documents the routes that create something with the 201 they answer (res.status(201) in their routes), not 200', () => {
    for (const route of ['POST /api/auth/tokens', 'POST /api/admin/users', 'POST /api/planner/scenarios']) {
      const { responses } = operations.find((o) => o.route === route)!.op;
      expect(responses[201], route).toMatchObject({ description: 'Created', content: { 'application/json': expect.anything() } });
      expect(responses[200], route).toBeUndefined();
    }
  });
});
