import type { Area, Insats } from '../../../../common/wire/index.ts';
import type { ReasonTemplate, ReasonTemplateList } from '../../../../common/wire/moderation.ts';
import { api } from '../../api.ts';
import { staffLanguage } from '../../i18n/index.ts';

/** What the queue offers to choose from: delområden, insatser, reason templates. */
export interface Lists {
  areas: readonly Area[];
  insatser: readonly Insats[];
  templates: readonly ReasonTemplate[];
}

export const NO_LISTS: Lists = { areas: [], insatser: [], templates: [] };

/** An insats's title in the staff language (Swedish when not translated), or its id when unknown. */
export function insatsTitle(lists: Lists, id: string): string {
  const insats = lists.insatser.find((i) => i.id === id);
  return insats ? insats.title[staffLanguage.value] || insats.title.sv : id;
}

/** A delområde's name, or its code when unknown. */
export function areaLabel(lists: Lists, code: string): string {
  return lists.areas.find((a) => a.code === code)?.name ?? code;
}

/** The question a short-text answer answers, in the staff language, or its id. */
export function questionText(lists: Lists, insatsId: string | null, questionId: string): string {
  const insats = insatsId ? lists.insatser.find((i) => i.id === insatsId) : undefined;
  const question = insats?.questions.find((q) => q.id === questionId);
  return question ? question.text[staffLanguage.value] || question.text.sv : questionId;
}

/** The lists the filters and corrections offer; each may fail alone (the queue works without). */
export async function loadLists(): Promise<Lists> {
  const [areas, insatser, templates] = await Promise.all([
    api<{ areas: Area[] }>('GET', '/api/areas').then(
      (r) => r.areas,
      () => [],
    ),
    api<{ insatser: Insats[] }>('GET', '/api/insatser').then(
      (r) => r.insatser,
      () => [],
    ),
    api<ReasonTemplateList>('GET', '/api/staff/reason-templates').then(
      (r) => r.templates,
      () => [],
    ),
  ]);
  const c = new Intl.Collator('sv');
  return {
    areas: [...areas].sort((a, b) => c.compare(a.name, b.name)),
    insatser,
    templates: [...templates].sort((a, b) => a.position - b.position),
  };
}
