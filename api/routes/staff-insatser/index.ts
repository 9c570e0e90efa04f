/**
 * Insatser and their questions managed by staff under /api/staff: every staff role reads,
 * moderators and admins write, admins add nämnder and make typo fixes. The store audits every
 * change. Questions are in ./questions.ts.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  IMAGE_TYPES,
  InsatsInput,
  InsatsPatch,
  MAX_IMAGE_BYTES,
  NamndInput,
} from '../../../common/wire/insatser-admin.ts';
import { type ImageType, reencodeImage } from '../../domain/insatser/image.ts';
import { jsonBody } from '../../http/json-body.ts';
import { problem } from '../../http/problem.ts';
import { insatsInScope, namnderProblem } from '../../http/scope.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { InsatsFields, InsatsTransition } from '../../store/index.ts';
import { auditActor } from '../staff-queue/filter.ts';
import { respond } from './outcome.ts';
import { questionRoutes } from './questions.ts';

export { spec } from './spec.ts';

const MAX_INSATS_BYTES = 128 * 1024;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The staff-insatser resource. */
export function staffInsatser(deps: ApiDeps) {
  const app = new Hono<AppEnv>()
    // Every route about one insats: outside a scoped caller's nämnder it is as if absent.
    .use('/insatser/:id', insatsInScope(deps))
    .use('/insatser/:id/*', insatsInScope(deps))
    .get('/insatser', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ insatser: await deps.store.listStaffInsatser(c.var.scope) });
    })
    .post('/insatser', jsonBody(InsatsInput, MAX_INSATS_BYTES), async (c) => {
      const { id, ...input } = c.var.body;
      const fields = input as InsatsFields;
      const refused = await namnderProblem(deps, c.var.scope, fields.namnder);
      if (refused) return problem(c, 403, `${refused}.`, { errors: [{ path: 'namnder', message: refused }] });
      const actor = auditActor(c, deps);
      let outcome = await deps.store.createInsats(id ?? slugOf(fields.title.sv), fields, actor);
      // A made-up id that is taken gets a random ending; one the caller chose is refused.
      if (id === undefined && outcome.status === 'invalid' && outcome.message.startsWith('id:')) {
        outcome = await deps.store.createInsats(
          `${slugOf(fields.title.sv).slice(0, 56)}-${randomBytes(3).toString('hex')}`,
          fields,
          actor,
        );
      }
      return respond(c, outcome, 201);
    })
    .get('/insatser/:id', async (c) => {
      const insats = await deps.store.getStaffInsats(c.req.param('id'));
      if (!insats) return problem(c, 404, 'There is no insats with this id.');
      c.header('Cache-Control', 'no-store');
      return c.json(insats);
    })
    .patch('/insatser/:id', jsonBody(InsatsPatch, MAX_INSATS_BYTES), async (c) => {
      // null removes an optional field: the store reads a key given as undefined that way.
      const change = Object.fromEntries(
        Object.entries(c.var.body).map(([k, value]) => [k, value === null ? undefined : value]),
      ) as Partial<InsatsFields>;
      if (Object.keys(change).length === 0) return problem(c, 400, 'Nothing to change.');
      const refused = await namnderProblem(deps, c.var.scope, change.namnder);
      if (refused) return problem(c, 403, `${refused}.`, { errors: [{ path: 'namnder', message: refused }] });
      return respond(c, await deps.store.updateInsats(c.req.param('id'), change, auditActor(c, deps)));
    });
  for (const transition of ['publish', 'unpublish', 'archive'] as const satisfies InsatsTransition[]) {
    app.post(`/insatser/:id/${transition}`, async (c) => {
      const outcome = await deps.store.transitionInsats(c.req.param('id'), transition, auditActor(c, deps));
      if (outcome.status === 'invalid') return problem(c, 409, `${outcome.message}.`);
      return respond(c, outcome);
    });
  }
  app
    .get('/insatser/:id/image', async (c) => {
      const image = await deps.store.getInsatsImage(c.req.param('id'), { publishedOnly: false });
      if (!image) return problem(c, 404, 'This insats has no image.');
      c.header('Cache-Control', 'private, no-cache');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(image.data as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': image.contentType });
    })
    .put(
      '/insatser/:id/image',
      bodyLimit({
        maxSize: MAX_IMAGE_BYTES,
        onError: (c) =>
          problem(c, 413, `The image is larger than ${MAX_IMAGE_BYTES} bytes; make it smaller.`),
      }),
      async (c) => {
        const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (!(IMAGE_TYPES as readonly string[]).includes(type)) {
          return problem(c, 415, `Send the image as ${IMAGE_TYPES.join(', ')}.`);
        }
        // Only the pixels are stored: decoded and encoded anew, never the bytes as they came.
        const stripped = await reencodeImage(type as ImageType, new Uint8Array(await c.req.arrayBuffer()));
        if (!stripped.ok) return problem(c, 400, `${capitalise(stripped.message)}.`);
        const id = c.req.param('id');
        const outcome = await deps.store.setInsatsImage(
          id,
          { contentType: type, data: stripped.data },
          auditActor(c, deps),
        );
        if (outcome.status === 'not-found') return problem(c, 404, 'There is no insats with this id.');
        return c.json({ image: (await deps.store.getStaffInsats(id))?.image ?? null });
      },
    )
    .delete('/insatser/:id/image', async (c) => {
      const outcome = await deps.store.setInsatsImage(c.req.param('id'), null, auditActor(c, deps));
      if (outcome.status === 'not-found') return problem(c, 404, 'There is no insats with this id.');
      return c.json({ image: null });
    })
    .get('/namnder', async (c) => c.json({ namnder: await deps.store.listNamnder() }))
    .post('/namnder', jsonBody(NamndInput, 4 * 1024), async (c) => {
      const outcome = await deps.store.addNamnd(c.var.body.name, auditActor(c, deps));
      if (outcome.status === 'invalid') return problem(c, 400, outcome.message);
      if (outcome.status === 'not-found') return problem(c, 404, 'Not found.');
      return c.json(outcome.status === 'saved' ? outcome.after : outcome.value);
    });
  questionRoutes(app, deps);
  return app;
}

/** An id from a Swedish title: lower case, å/ä → a, ö → o, other signs → '-'. */
export function slugOf(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  // 'none' means "without an insats" in filters (common/wire/insatser-admin.ts): never an id.
  return slug === '' || slug === 'none' ? `insats-${randomBytes(4).toString('hex')}` : slug;
}
