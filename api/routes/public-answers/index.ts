/**
 * GET /api/public/answers/:insatsId: the answers to a published insats's questions, per
 * question version and option, under the open-data protection rule (docs/open-data.md), for
 * the public "what we heard" page. Published daily like the open data.
 */
import { Hono } from 'hono';
import type { PublicAnswerSummary } from '../../../common/wire/open-data.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import { notModified, publicationHeaders } from '../open-data/index.ts';
import { computeAnswers, publications } from '../open-data/publication.ts';
import { publicRead } from '../../http/public-read/index.ts';

const INSATS_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/public/answers',
  tag: 'public answer summaries',
  routes: [
    {
      method: 'get',
      path: '/:insatsId',
      access: 'public',
      summary: 'Answer counts of a published insats',
      description:
        'Per question version (short-text questions left out) and option: "fewer than 5" (null) or a ' +
        'multiple of 5 rounded down. Covers input made up to the end of the previous day. CC0 1.0.',
      responses: {
        200: { description: 'The protected answer counts' },
        304: { description: 'Not modified' },
        404: { description: 'No published insats with this id', problem: true },
      },
    },
  ],
};

/** The public answer summaries resource. */
export function publicAnswers(deps: ApiDeps): Hono<AppEnv> {
  const publication = publications(deps);
  return new Hono<AppEnv>().use(publicRead()).get('/:insatsId', async (c) => {
    const id = c.req.param('insatsId');
    const insats = INSATS_ID.test(id)
      ? (await deps.store.listPublishedInsatser()).find((i) => i.id === id)
      : undefined;
    if (!insats) return problem(c, 404, 'There is no published insats with this id.');
    const { info, doc } = await publication<PublicAnswerSummary>(`answers.${id}`, (i) =>
      computeAnswers(deps, i, insats),
    );
    const headers = publicationHeaders(info, deps.now(), `answers-${id}`, 'application/json; charset=utf-8');
    return notModified(c, headers) ?? c.body(JSON.stringify(doc), 200, headers);
  });
}
