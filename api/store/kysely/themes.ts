/** The texts the staff themes are computed from: one read of the moderated comments and proposals. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Store } from '../types.ts';
import { inScope, type ResolvedScope, resolveScope } from './scope.ts';
import { moderated } from './submission-parts.ts';

/** The themes half of the store. */
export function themeStore(db: Kysely<Database>): Pick<Store, 'listThemeTexts'> {
  return {
    async listThemeTexts({ statuses, scope }) {
      if (statuses.length === 0) return [];
      const resolved = await resolveScope(db, scope);
      const rows = await db
        .selectFrom('submissions')
        .select(['id', 'title', 'text', 'primary_area', 'insats_id', 'created_at', 'locale'])
        .where('kind', 'in', ['comment', 'proposal'])
        .where(moderated())
        .where('moderation_status', 'in', [...statuses])
        .$if(resolved !== undefined, (q) =>
          q.where((eb) => inScope(eb, 'insats_id', resolved as ResolvedScope)),
        )
        .where((eb) => eb.or([eb('text', 'is not', null), eb('title', 'is not', null)]))
        .orderBy('received_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        text: r.text,
        area: r.primary_area,
        insatsId: r.insats_id,
        createdAt: r.created_at,
        locale: r.locale,
      }));
    },
  };
}
