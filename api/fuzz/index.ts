/**
 * Generators (fast-check) for requests a careless or hostile client could send: random and
 * near-valid bodies, huge strings, deep nesting, wrong types, bytes that are not UTF-8,
 * content types and Content-Length values that lie, odd methods and query strings.
 *
 * Near-valid bodies matter most: random JSON is refused at the envelope, while a real item
 * with one field mutated goes through validation, the catalogue, tagging and the store.
 */
import fc from 'fast-check';
import { answerItem, commentItem, TRYGGARE } from '../test/index.ts';

/** An endpoint as the app's route table lists it (`:id` style parameters). */
export interface Endpoint {
  method: string;
  path: string;
}

/** One generated request, ready for `app.request()`. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** The client's socket address (as @hono/node-server would give it). */
  remoteAddress: string;
}

/** Submission ids from a small pool, so generated items meet as duplicates and conflicts. */
const IDS = Array.from({ length: 8 }, (_, i) => `0190a6d2-7c4e-7${i}00-8000-00000000000${i}`);
const DEVICES = ['device-fuzz-aaaa', 'device-fuzz-bbbb', 'device-fuzz-cccc'];

/** Deep nesting: arrays or objects `depth` levels down. */
export const deepJson = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const hugeString = fc
  .tuple(fc.constantFrom('a', 'ö', '😀', '\u0000', '"', '\\'), fc.integer({ min: 4_990, max: 300_000 }))
  .map(([ch, n]) => ch.repeat(Math.ceil(n / ch.length)));

/** Values that sit on or just past an edge of the wire schema. */
const edgeValue = fc.constantFrom<unknown>(
  null,
  '',
  ' ',
  0,
  -1,
  1.5,
  6,
  1e308,
  Number.MAX_SAFE_INTEGER,
  true,
  [],
  {},
  [[]],
  'under13',
  '11319',
  '99999',
  '1131',
  'v1',
  'sv',
  'ar',
  'xx-Latn-toolong123',
  '2026-11-20T18:30:00.000Z',
  '2026-13-45T99:99:99Z',
  TRYGGARE.insatsId,
  'exempel-ung-i-sommar',
  '../../etc/passwd',
  'kalle@example.se',
  'not an e-mail',
  '+46 70 123 45 67',
  { lat: 55.5913, lon: 13.0081 },
  { lat: 91, lon: 0 },
  { lat: '55', lon: '13' },
  { email: 'kalle@example.se', consentVersion: 'v1' },
  { group: 'youth', ageBand: 'under13' },
  { areaCode: '11319' },
  { point: { lat: 55.6, lon: 13.0 } },
  '\ud800',
  'a\u0000b',
  '\u202e\u0644\u0639',
  '<script>alert(1)</script>',
  "'; DROP TABLE submissions; --",
);

/**
 * JSON text of a generated value. Deep nesting is generated as a placeholder and put in
 * here as text: building it as a value would overflow the stack of JSON.stringify itself.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"__DEEP_(\d+)__"/g, (_, d: string) => deepJson(Number(d), 'array'));
}

/** Any value: JSON of every shape, edge values, huge strings, deep nesting (see {@link toJson}). */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 6, arbitrary: edgeValue },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }).map((d) => `__DEEP_${d}__`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
);

const FIELD_PATHS: readonly (readonly (string | number)[])[] = [
  ['schemaVersion'],
  ['id'],
  ['kind'],
  ['insatsId'],
  ['answers'],
  ['answers', 0],
  ['answers', 0, 'value'],
  ['answers', 1, 'value'],
  ['answers', 2, 'value'],
  ['answers', 0, 'questionId'],
  ['answers', 0, 'questionVersion'],
  ['text'],
  ['title'],
  ['respondent'],
  ['respondent', 'group'],
  ['respondent', 'ageBand'],
  ['respondent', 'organisation'],
  ['contact'],
  ['contact', 'email'],
  ['contact', 'phone'],
  ['location'],
  ['location', 'areaCode'],
  ['location', 'point'],
  ['location', 'point', 'lat'],
  ['location', 'pointConsentVersion'],
  ['deviceId'],
  ['locale'],
  ['createdAt'],
  ['__proto__'],
  ['constructor'],
  ['extra'],
];

/** Sets (or with `undefined`, deletes) the value at `path`, creating objects on the way. */
function setPath(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path.at(-1) as string | number;
  if (value === undefined) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}

/** A valid item (answer, comment or proposal) with up to three fields changed or removed. */
export const nearValidItem: fc.Arbitrary<unknown> = fc
  .record({
    base: fc.constantFrom('answer', 'comment', 'proposal'),
    id: fc.oneof(fc.constantFrom(...IDS), fc.uuid()),
    deviceId: fc.oneof(fc.constantFrom(...DEVICES), fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)),
    mutations: fc.array(
      fc.tuple(fc.constantFrom(...FIELD_PATHS), fc.option(anyValue, { nil: undefined, freq: 4 })),
      // Often none: valid items must reach the store too, to fuzz what happens after validation.
      { maxLength: 3, size: 'xsmall' },
    ),
  })
  .map(({ base, id, deviceId, mutations }) => {
    const item: Record<string, unknown> =
      base === 'answer'
        ? { ...answerItem({ id, deviceId }) }
        : base === 'comment'
          ? { ...commentItem({ id, deviceId }) }
          : { ...commentItem({ id, deviceId }), kind: 'proposal', title: 'Ett förslag' };
    const copy = structuredClone(item);
    for (const [path, value] of mutations) setPath(copy, path, value);
    return copy;
  });

/** Request bodies as text, or as bytes that are not valid UTF-8. */
export const body: fc.Arbitrary<string | Uint8Array | undefined> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(nearValidItem, { minLength: 1, maxLength: 6 }).map((s) => toJson({ submissions: s })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(nearValidItem, { minLength: 0, maxLength: 120 })
      .map((s) => toJson({ submissions: s })),
  },
  // The same items twice in one batch: retries that meet themselves (duplicates in one commit).
  {
    weight: 1,
    arbitrary: fc
      .array(nearValidItem, { minLength: 1, maxLength: 3 })
      .map((s) => toJson({ submissions: [...s, ...s] })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{22}$/), anyValue), { maxLength: 110 })
      .map((receipts) => toJson({ receipts })),
  },
  { weight: 3, arbitrary: fc.jsonValue().map((j) => toJson(j)) },
  { weight: 2, arbitrary: anyValue.map((v) => toJson({ submissions: v, receipts: v })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 200_000 }).map((d) => `{"submissions":[${deepJson(d, 'array')}]}`),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((d) => deepJson(d, 'object')) },
  { weight: 1, arbitrary: hugeString.map((s) => toJson({ submissions: [s] })) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 900_000, max: 1_100_000 })
      .map((n) => `{"submissions":["${'x'.repeat(n)}"]}`),
  },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  {
    // Valid JSON around bytes that are not UTF-8 (a lone 0xff, a truncated sequence).
    weight: 2,
    arbitrary: fc
      .tuple(nearValidItem, fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf]))
      .map(([item, bad]) => {
        const text = toJson({ submissions: [{ ...(item as object), text: 'BAD' }] });
        const [head = '', tail = ''] = text.split('BAD');
        return new Uint8Array([...Buffer.from(head), ...bad, ...Buffer.from(tail)]);
      }),
  },
  { weight: 1, arbitrary: fc.string().map((s) => `{"submissions":[${s}`) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant('') },
);

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json;',
      'application/jsonx',
      'application/problem+json',
      'text/plain',
      'text/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      '',
      '*/*',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'abc/;= +*-json'), maxLength: 40 }) },
);

/** Header values fetch accepts: visible ASCII and spaces (no CR, LF or NUL). */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});

const headers = fc.record(
  {
    'Content-Type': contentType,
    // Lies: nothing, too large, not a number, negative; or absent (the true length is sent).
    'Content-Length': fc.constantFrom(
      '0',
      '1',
      '17',
      '999999',
      '1000001',
      '99999999999',
      '-1',
      'abc',
      '1e3',
      '',
    ),
    'Accept-Encoding': fc.constantFrom('gzip', 'deflate', 'br', 'gzip;q=0, identity', '*'),
    Authorization: fc.oneof(headerText, fc.constant('Bearer fuzz-metrics-token-0123456789abcdefghij')),
    'X-Forwarded-For': fc.oneof(
      headerText,
      fc.array(fc.ipV4(), { maxLength: 4 }).map((a) => a.join(', ')),
    ),
    'X-Request-Id': headerText,
    Accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/problem+json'),
  },
  // Content-Type is always sent (sometimes empty): without it nearly every POST stops at 415.
  { requiredKeys: ['Content-Type'] },
);

/** Methods `fetch` lets through (it refuses CONNECT, TRACE and TRACK itself). */
const otherMethod = fc.oneof(
  fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND'),
  fc.stringMatching(/^[A-Z]{1,12}$/).filter((m) => !['CONNECT', 'TRACE', 'TRACK'].includes(m)),
);

const pathParam = fc.oneof(
  fc.constantFrom(
    'exempel-tryggare-malmo',
    'exempel-ung-i-sommar',
    'nope',
    '..',
    '%2e%2e',
    '%00',
    'a'.repeat(5_000),
  ),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
);

const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), { maxKeys: 4 })
      .map((d) => `?${new URLSearchParams(d)}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('?%zz', '?a=%E0%A4%A', '?=&=&', `?q=${'x'.repeat(8_000)}`, '?__proto__[x]=1'),
  },
);

/** Requests against `endpoints` (mostly with their own method), plus paths no route has. */
export function requests(endpoints: readonly Endpoint[]): fc.Arbitrary<FuzzRequest> {
  // POST routes take bodies, where nearly everything can go wrong: they get most requests.
  const posts = endpoints.filter((e) => e.method === 'POST');
  const target = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...posts) },
    { weight: 4, arbitrary: fc.constantFrom(...endpoints) },
    {
      weight: 1,
      arbitrary: fc
        .string({ maxLength: 40 })
        .map((s) => ({ method: 'GET', path: `/api/${encodeURIComponent(s)}` })),
    },
  );
  return fc
    .record({
      endpoint: target,
      ownMethod: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
      method: otherMethod,
      param: pathParam,
      query,
      headers,
      body,
      remoteAddress: fc.ipV4(),
    })
    .map(({ endpoint, ownMethod, method, param, query, headers, body, remoteAddress }) => {
      const m = ownMethod ? endpoint.method : method;
      // fetch refuses a body on GET and HEAD before the app sees the request.
      const withBody = m !== 'GET' && m !== 'HEAD';
      const h = { ...headers };
      if (!withBody) delete h['Content-Length'];
      return {
        method: m,
        url: `http://localhost${endpoint.path.replace(/:\w+/g, param)}${query}`,
        headers: h,
        body: withBody ? body : undefined,
        remoteAddress,
      };
    });
}
