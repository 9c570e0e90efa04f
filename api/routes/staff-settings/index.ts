/**
 * Staff settings under /api/staff: moderation reason templates (moderators read the active ones,
 * admins edit them), the data-protection settings (redaction mode, retention, digest; admins),
 * and each staff member's own digest opt-in. Every change is audited by the store.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import {
  DigestOptIn,
  ReasonTemplate,
  ReasonTemplateInput,
  ReasonTemplateList,
  Settings,
  SettingsPatch,
} from '../../../common/wire/moderation.ts';
import { ADMINS, MODERATORS } from '../../auth/policy/index.ts';
import { jsonBody } from '../../http/json-body.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv, StaffPrincipal } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import { type Settings as StoreSettings, settingProblem } from '../../store/index.ts';
import { auditActor } from '../staff-queue/filter.ts';

const MAX_TEMPLATE_BYTES = 32 * 1024;
const MAX_SETTINGS_BYTES = 4 * 1024;
const MAX_ID_CHARS = 100;

const auth = { 401: { description: 'Not signed in', problem: true } } as const;
const admin403 = { 403: { description: 'Not an admin, or missing X-CSRF-Token', problem: true } } as const;
const bodyErrors = {
  413: { description: 'Body too large', problem: true },
  415: { description: 'Not application/json', problem: true },
} as const;

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff',
  tag: 'moderation settings',
  routes: [
    {
      method: 'get',
      path: '/reason-templates',
      access: MODERATORS,
      summary: 'Reason templates',
      description: 'Active templates by position; `all=1` lists inactive ones too.',
      responses: {
        200: { description: 'The templates', schema: ReasonTemplateList },
        400: { description: 'Malformed query', problem: true },
        ...auth,
        403: { description: 'Not a moderator or admin', problem: true },
      },
    },
    {
      method: 'post',
      path: '/reason-templates',
      access: ADMINS,
      summary: 'Create or replace a reason template',
      description:
        'Without `id`: a new template. With one: it is created or replaced. `label` and `text` need Swedish ' +
        '(`sv`). Audited. Needs X-CSRF-Token.',
      body: ReasonTemplateInput,
      responses: {
        200: { description: 'The template as saved', schema: ReasonTemplate },
        400: { description: 'Malformed or refused template', problem: true },
        ...auth,
        ...admin403,
        ...bodyErrors,
      },
    },
    {
      method: 'delete',
      path: '/reason-templates/:id',
      access: ADMINS,
      summary: 'Delete a reason template',
      description: 'Reasons already sent keep their text. Audited. Needs X-CSRF-Token.',
      responses: {
        204: { description: 'Deleted' },
        ...auth,
        ...admin403,
        404: { description: 'No such template', problem: true },
      },
    },
    {
      method: 'get',
      path: '/settings',
      access: ADMINS,
      summary: 'Moderation and data-protection settings',
      responses: {
        200: { description: 'Every setting, defaults filled in', schema: Settings },
        ...auth,
        403: { description: 'Not an admin', problem: true },
      },
    },
    {
      method: 'patch',
      path: '/settings',
      access: ADMINS,
      summary: 'Change settings',
      description:
        'Any of `redaction`, `retention`, `digest`, each replaced whole. Purging originals, or deleting ' +
        'submissions or audit rows, needs the reference of a recorded gallringsbeslut. Audited. Needs X-CSRF-Token.',
      body: SettingsPatch,
      responses: {
        200: { description: 'Every setting after the change', schema: Settings },
        400: { description: 'Malformed body, or a setting the rules refuse (see detail)', problem: true },
        ...auth,
        ...admin403,
        ...bodyErrors,
      },
    },
    {
      method: 'get',
      path: '/me/digest',
      access: MODERATORS,
      summary: 'Whether you get the daily digest',
      description: 'For the signed-in staff member: the current choice made with POST /me/digest.',
      responses: {
        200: { description: 'Whether the digest is sent to you now', schema: DigestOptIn },
        ...auth,
        403: { description: 'Not a moderator or admin', problem: true },
      },
    },
    {
      method: 'post',
      path: '/me/digest',
      access: MODERATORS,
      summary: 'Get the daily digest, or stop it',
      description:
        'For the signed-in staff member: flagged items and new proposals, once a day. Needs X-CSRF-Token.',
      body: DigestOptIn,
      responses: {
        200: { description: 'Whether the digest is sent to you now', schema: DigestOptIn },
        400: { description: 'Malformed body', problem: true },
        ...auth,
        403: { description: 'Not a moderator or admin, or missing X-CSRF-Token', problem: true },
        ...bodyErrors,
      },
    },
  ],
};

const SETTING_KEYS = ['redaction', 'retention', 'digest'] as const;

/** The staff-settings resource. */
export function staffSettings(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get('/reason-templates', async (c) => {
      const all = c.req.query('all');
      if (all !== undefined && all !== '1' && all !== '0') {
        return problem(c, 400, 'all must be 1 or 0.', {
          errors: [{ path: 'all', message: 'must be 1 or 0' }],
        });
      }
      c.header('Cache-Control', 'no-store');
      const templates = await deps.store.listReasonTemplates({ includeInactive: all === '1' });
      return c.json({ templates } satisfies ReasonTemplateList);
    })
    .post('/reason-templates', jsonBody(ReasonTemplateInput, MAX_TEMPLATE_BYTES), async (c) => {
      const { id, ...rest } = c.var.body;
      const outcome = await deps.store.saveReasonTemplate(
        { id: id ?? randomUUID(), ...rest },
        auditActor(c, deps),
      );
      if (outcome.status === 'invalid') {
        // Said beside its field in the editor, as valibot's refusals are (path `label.sv`, …).
        return problem(c, 400, outcome.message, {
          errors: [{ path: templateErrorPath(outcome.message), message: outcome.message }],
        });
      }
      if (outcome.status === 'not-found') return problem(c, 404, 'There is no reason template with this id.');
      return c.json((outcome.status === 'saved' ? outcome.after : outcome.value) satisfies ReasonTemplate);
    })
    .delete('/reason-templates/:id', async (c) => {
      const id = c.req.param('id');
      const deleted =
        id.length <= MAX_ID_CHARS && (await deps.store.deleteReasonTemplate(id, auditActor(c, deps)));
      if (!deleted) return problem(c, 404, 'There is no reason template with this id.');
      return c.body(null, 204);
    })
    .get('/settings', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json((await deps.store.getSettings()) satisfies Settings);
    })
    .patch('/settings', jsonBody(SettingsPatch, MAX_SETTINGS_BYTES), async (c) => {
      const body = c.var.body as Partial<StoreSettings>;
      const keys = SETTING_KEYS.filter((k) => body[k] !== undefined);
      if (keys.length === 0) {
        return problem(c, 400, 'Nothing to change: send at least one of redaction, retention, digest.');
      }
      // Every one checked before any is saved: a refused change leaves all settings as they were.
      const errors = keys.flatMap((key) => {
        const message = settingProblem(key, body[key]);
        return message === undefined ? [] : [{ path: key, message }];
      });
      if (errors.length > 0)
        return problem(c, 400, errors.map((e) => `${e.path}: ${e.message}`).join(' '), { errors });
      const actor = auditActor(c, deps);
      for (const key of keys) {
        const outcome = await saveOne(deps, key, body, actor);
        if (outcome.status === 'invalid') {
          return problem(c, 400, outcome.message, { errors: [{ path: key, message: outcome.message }] });
        }
      }
      c.header('Cache-Control', 'no-store');
      return c.json((await deps.store.getSettings()) satisfies Settings);
    })
    .get('/me/digest', async (c) => {
      const { user } = c.var.staff as StaffPrincipal;
      // The recipients are the staff who opted in (and may still moderate): no separate lookup.
      const optIn = (await deps.store.digestRecipients()).some((r) => r.id === user.id);
      c.header('Cache-Control', 'no-store');
      return c.json({ optIn } satisfies DigestOptIn);
    })
    .post('/me/digest', jsonBody(DigestOptIn, 1024), async (c) => {
      const { user } = c.var.staff as StaffPrincipal;
      const outcome = await deps.store.setDigestOptIn(user.id, c.var.body.optIn, auditActor(c, deps));
      if (outcome.status === 'invalid') return problem(c, 400, outcome.message);
      if (outcome.status === 'not-found') return problem(c, 404, 'Your staff account no longer exists.');
      return c.json({
        optIn: outcome.status === 'saved' ? outcome.after : outcome.value,
      } satisfies DigestOptIn);
    });
}

/**
 * The field a store refusal of a template is about, from its message ("label.en must be text of
 * at most 80 characters" → `label.en`, "text needs Swedish (sv)" → `text.sv`); '' when unclear.
 */
export function templateErrorPath(message: string): string {
  const text = /^(label|text)(?:\.([a-z]{2,3})\b| needs Swedish)/.exec(message);
  if (text) return `${text[1]}.${text[2] ?? 'sv'}`;
  return /^(id|position|label|text)\b/.exec(message)?.[1] ?? '';
}

function saveOne(
  deps: ApiDeps,
  key: (typeof SETTING_KEYS)[number],
  body: Partial<StoreSettings>,
  actor: ReturnType<typeof auditActor>,
) {
  switch (key) {
    case 'redaction':
      return deps.store.saveSetting('redaction', body.redaction as StoreSettings['redaction'], actor);
    case 'retention':
      return deps.store.saveSetting('retention', body.retention as StoreSettings['retention'], actor);
    case 'digest':
      return deps.store.saveSetting('digest', body.digest as StoreSettings['digest'], actor);
  }
}
