/**
 * Settings (redaction mode, retention periods, the digest) as JSON by key, each change audited
 * with the value before and after; and the staff digest opt-in. A setting never saved reads as
 * its default, and a stored value from an older release is completed with the defaults of the
 * fields it lacks.
 */
import { namnderOf } from './staff.ts';
import { type Kysely, PostgresAdapter } from 'kysely';
import type { Role } from '../../../common/wire/staff.ts';
import type { Database } from '../schema.ts';
import type { Settings, Store } from '../types.ts';
import { auditRow, insertAudit } from './audit.ts';
import { withRetry } from './retry.ts';
import { writeFirst } from './write-lock.ts';

type SettingsStore = Pick<Store, 'getSettings' | 'saveSetting' | 'setDigestOptIn' | 'digestRecipients'>;

/** What every setting is until staff change it. */
export const DEFAULT_SETTINGS: Settings = {
  redaction: { mode: 'restricted' },
  retention: {
    contactMonths: 12,
    deviceIdDays: 30,
    mailDays: 30,
    submissionMonths: null,
    auditMonths: null,
    gallringsbeslut: null,
  },
  digest: { enabled: true, time: '07:00' },
};

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
const MAX_REFERENCE_CHARS = 200;

const isCount = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isReference = (v: unknown) =>
  typeof v === 'string' && v.trim() !== '' && v.length <= MAX_REFERENCE_CHARS;

/** Why `value` cannot be saved as `key`, or undefined when it can. */
export function settingProblem(key: string, value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return `${key} must be an object`;
  const v = value as Record<string, unknown>;
  switch (key) {
    case 'redaction':
      if (v.mode === 'restricted') return undefined;
      if (v.mode !== 'purge') return 'redaction.mode must be restricted or purge';
      return isReference(v.gallringsbeslut)
        ? undefined
        : 'purge needs the reference of the gallringsbeslut that allows destroying originals';
    case 'retention': {
      const months = (name: string, max: number) =>
        v[name] === null || isCount(v[name], 1, max)
          ? undefined
          : `retention.${name} must be null or 1–${max}`;
      const days = (name: string) =>
        isCount(v[name], 1, 3650) ? undefined : `retention.${name} must be 1–3650`;
      const problem =
        months('contactMonths', 120) ??
        days('deviceIdDays') ??
        days('mailDays') ??
        months('submissionMonths', 1200) ??
        months('auditMonths', 1200);
      if (problem) return problem;
      if (v.gallringsbeslut !== null && !isReference(v.gallringsbeslut))
        return `retention.gallringsbeslut must be null or 1–${MAX_REFERENCE_CHARS} characters`;
      // Submissions and the audit log are public records: only a recorded decision destroys them.
      if ((v.submissionMonths !== null || v.auditMonths !== null) && v.gallringsbeslut === null)
        return 'deleting submissions or audit rows needs the reference of a gallringsbeslut';
      return undefined;
    }
    case 'digest':
      if (typeof v.enabled !== 'boolean') return 'digest.enabled must be true or false';
      return typeof v.time === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)
        ? undefined
        : 'digest.time must be HH:MM';
    default:
      return `${key} is not a setting`;
  }
}

/** Only the fields a setting has, defaults for the missing ones (a value from an older release). */
function complete<K extends keyof Settings>(key: K, stored: unknown): Settings[K] {
  const base = DEFAULT_SETTINGS[key];
  if (stored === null || typeof stored !== 'object') return base;
  if (key === 'redaction') {
    const r = stored as Settings['redaction'];
    return (
      r.mode === 'purge' ? { mode: 'purge', gallringsbeslut: r.gallringsbeslut } : { mode: 'restricted' }
    ) as Settings[K];
  }
  const out: Record<string, unknown> = { ...base };
  for (const field of Object.keys(base)) {
    if (field in stored) out[field] = (stored as Record<string, unknown>)[field];
  }
  return out as Settings[K];
}

/** The settings half of the store. */
export function settingsStore(db: Kysely<Database>): SettingsStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const read = async (q: Kysely<Database>): Promise<Settings> => {
    const rows = await q.selectFrom('settings').select(['key', 'value']).execute();
    const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    const settings = { ...DEFAULT_SETTINGS };
    for (const key of SETTING_KEYS) {
      if (stored.has(key)) Object.assign(settings, { [key]: complete(key, stored.get(key)) });
    }
    return settings;
  };

  return {
    getSettings: () => read(db),

    saveSetting: (key, value, actor) =>
      withRetry(() =>
        db.transaction().execute(async (trx) => {
          const problem = settingProblem(key, value);
          if (problem) return { status: 'invalid' as const, message: problem };
          await writeFirst(trx, postgres);
          if (postgres) {
            await trx.selectFrom('settings').select('key').where('key', '=', key).forUpdate().execute();
          }
          const before = (await read(trx))[key];
          const after = complete(key, value);
          if (JSON.stringify(before) === JSON.stringify(after)) {
            return { status: 'unchanged' as const, value: before };
          }
          const row = { value: JSON.stringify(after), updated_at: actor.at, updated_by: actor.actorId };
          await trx
            .insertInto('settings')
            .values({ key, ...row })
            .onConflict((oc) => oc.column('key').doUpdateSet(row))
            .execute();
          await insertAudit(trx, [
            auditRow(actor, 'settings.update', { type: 'settings', id: key }, before, after),
          ]);
          return { status: 'saved' as const, before, after };
        }),
      ),

    setDigestOptIn: (userId, optIn, actor) =>
      withRetry(() =>
        db.transaction().execute(async (trx) => {
          const user = await trx
            .selectFrom('staff_users')
            .select('digest_opt_in')
            .where('id', '=', userId)
            .executeTakeFirst();
          if (!user) return { status: 'not-found' as const };
          const before = user.digest_opt_in === 1;
          if (before === optIn) return { status: 'unchanged' as const, value: before };
          await trx
            .updateTable('staff_users')
            .set({ digest_opt_in: optIn ? 1 : 0 })
            .where('id', '=', userId)
            .execute();
          await insertAudit(trx, [
            auditRow(
              actor,
              'user.digest',
              { type: 'user', id: userId },
              { digest: before },
              { digest: optIn },
            ),
          ]);
          return { status: 'saved' as const, before, after: optIn };
        }),
      ),

    async digestRecipients() {
      const rows = await db
        .selectFrom('staff_users')
        .select(['id', 'email', 'name', 'role', 'input_without_insats'])
        .where('active', '=', 1)
        .where('digest_opt_in', '=', 1)
        .where('role', 'in', ['admin', 'moderator'])
        .orderBy('email')
        .execute();
      const namnder = await namnderOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => {
        const own = r.role === 'admin' ? [] : (namnder.get(r.id) ?? []);
        return {
          id: r.id,
          email: r.email,
          name: r.name,
          role: r.role as Role,
          // The same rule as the route guard's (api/auth/policy scopeOf): counts of their nämnder only.
          ...(own.length > 0 ? { scope: { namnder: own, withoutInsats: r.input_without_insats === 1 } } : {}),
        };
      });
    },
  };
}
