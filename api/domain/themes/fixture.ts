/**
 * A fixed fixture of free texts in Swedish, English and Arabic for the themes test. In one
 * area (`ROSENGARD`, a code made up for the test) many write about the lighting and the
 * football pitch, twenty paste one and the same comment (and three more write about the same
 * artificial-turf pitch in their own words); the rest of the city writes about other things
 * (the library, bike lanes, the swimming hall, buses), with the odd mention of lighting.
 */
import type { ThemeText } from './index.ts';

/** The area the fixture's themes are about. */
export const ROSENGARD = '44010';
/** The insats most of Rosengård's texts are about. */
export const TRYGGARE = 'tryggare-malmo';

const SV_AREA = [
  'Belysningen vid fotbollsplanen är trasig och det är mörkt på kvällarna',
  'Vi vill ha bättre belysning vid fotbollsplanen',
  'Fotbollsplanen behöver ny belysning, lamporna är trasiga',
  'Det är mörkt och belysningen fungerar inte på vintern',
  'Laga belysningen i parken och vid fotbollsplanen',
];
const EN_AREA = [
  'The lighting by the football pitch is broken',
  'Please fix the lighting, it is too dark in the evening',
  'We need better lighting near the football pitch',
];
const AR_AREA = [
  'الإضاءة في الملعب سيئة جدا',
  'نحتاج إضاءة أفضل قرب الملعب',
  'الملعب مظلم في المساء والإضاءة مكسورة',
];
const SV_REST = [
  'Biblioteket borde ha öppet längre på helgerna',
  'Cykelbanan längs kanalen är full av hål',
  'Simhallen är för dyr för unga',
  'Fler bänkar i parken och mer grönska',
  'Bussarna går för sällan på kvällen',
  'Belysningen på torget är bra nu',
];
const EN_REST = [
  'The library should open longer on weekends',
  'The bike lane needs repair',
  'The buses are late every morning',
];
const AR_REST = ['المكتبة تحتاج ساعات أطول', 'الحافلات متأخرة دائما', 'نريد مسبحا أرخص للشباب'];
/** The comment twenty people pasted, with small differences of case and punctuation. */
export const PASTED = 'Bygg en konstgräsplan i Rosengård nu!';

const OTHER_AREAS = ['11319', '37302', '21120'];

function at(i: number): string {
  // Spread over 2026-03 … 2026-08, midday UTC (the same month in Malmö time).
  const month = 3 + (i % 6);
  const day = 1 + (i % 27);
  return `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00.000Z`;
}

/** The fixture: 123 texts in Rosengård (20 of them pasted copies) and 240 elsewhere. */
export function themeFixture(): ThemeText[] {
  const out: ThemeText[] = [];
  const add = (text: string, area: string, locale: string, insatsId: string | null) => {
    const i = out.length;
    out.push({
      id: `t${String(i).padStart(4, '0')}`,
      title: null,
      // A running number makes each template's uses distinct texts, not near-identical copies.
      text: `${text} (${i})`,
      area,
      insatsId,
      createdAt: at(i),
      locale,
    });
  };
  for (let i = 0; i < 50; i++) add(SV_AREA[i % SV_AREA.length] as string, ROSENGARD, 'sv', TRYGGARE);
  for (let i = 0; i < 25; i++) add(EN_AREA[i % EN_AREA.length] as string, ROSENGARD, 'en', TRYGGARE);
  for (let i = 0; i < 25; i++) add(AR_AREA[i % AR_AREA.length] as string, ROSENGARD, 'ar', null);
  for (let i = 0; i < 20; i++) {
    const copy = i % 2 === 0 ? PASTED : `  ${PASTED.toLowerCase().replace('!', '.')} `;
    out.push({
      id: `p${String(i).padStart(4, '0')}`,
      title: null,
      text: copy,
      area: ROSENGARD,
      insatsId: TRYGGARE,
      createdAt: at(i),
      locale: 'sv',
    });
  }
  for (let i = 0; i < 3; i++) add('En konstgräsplan skulle göra stor skillnad', ROSENGARD, 'sv', TRYGGARE);
  for (let i = 0; i < 120; i++) {
    add(SV_REST[i % SV_REST.length] as string, OTHER_AREAS[i % 3] as string, 'sv', i % 2 ? TRYGGARE : null);
  }
  for (let i = 0; i < 60; i++)
    add(EN_REST[i % EN_REST.length] as string, OTHER_AREAS[i % 3] as string, 'en', null);
  for (let i = 0; i < 60; i++)
    add(AR_REST[i % AR_REST.length] as string, OTHER_AREAS[i % 3] as string, 'ar', null);
  return out;
}
