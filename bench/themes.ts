/**
 * `npm run bench`, themes part: the staff themes (api/domain/themes) over 100,000 free texts in
 * Swedish, English and Arabic, in one process, against a plain scan of the same texts in the
 * same run (lower-casing every text and splitting it on white space, counting the words: the
 * least any reading of every text costs).
 *
 * Cases: the themes of one delområde (Rosengård's 3,000 texts against the rest of the city),
 * and of one insats that has texts in every area (about a third of the city against the other
 * two thirds), and of the whole city: every delområde's top five at once, each against the
 * rest (api/domain/themes/city.ts). All read every text of the city, as the route does: the
 * rest of the city is the comparison. Texts are made by a seeded generator from phrase lists (a tenth pasted
 * copies); each case runs RUNS times after one warm-up, and the median is printed with the
 * ratio to the scan's median and the load average (the machine is shared).
 *
 * BENCH_THEMES_TEXTS changes the 100,000.
 */
import { loadavg } from 'node:os';
import { computeAreaThemes } from '../api/domain/themes/city.ts';
import { computeThemes, type ThemeText } from '../api/domain/themes/index.ts';

const TEXTS = Number(process.env.BENCH_THEMES_TEXTS ?? 100_000);
const RUNS = 5;
const ROSENGARD = '44010';
const AREAS = Array.from({ length: 136 }, (_, i) => String(10_000 + i * 257).padStart(5, '0'));

const PHRASES: Record<string, string[]> = {
  sv: [
    'belysningen vid fotbollsplanen är trasig',
    'biblioteket borde ha öppet längre på helgerna',
    'cykelbanan längs kanalen är full av hål',
    'simhallen är för dyr för oss unga',
    'fler bänkar i parken och mer grönska',
    'bussarna går för sällan på kvällen',
    'vi vill ha en fritidsgård som är öppen sent',
    'det behövs sommarjobb för alla som går i nian',
  ],
  en: [
    'the lighting by the football pitch is broken',
    'the library should open longer on weekends',
    'we need summer jobs for young people',
    'the buses are late every morning',
  ],
  ar: [
    'الإضاءة في الملعب سيئة',
    'المكتبة تحتاج ساعات أطول',
    'نحتاج عمل صيفي للشباب',
    'الحافلات متأخرة دائما',
  ],
};

/** A small seeded generator (mulberry32): the same texts every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function texts(n: number): ThemeText[] {
  const r = random(20261208);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const out: ThemeText[] = [];
  for (let i = 0; i < n; i++) {
    const locale = r() < 0.7 ? 'sv' : r() < 0.5 ? 'en' : 'ar';
    const phrases = PHRASES[locale] as string[];
    const area = i % 33 === 0 ? ROSENGARD : pick(AREAS);
    // A tenth are one pasted campaign text; the rest two phrases and a running number.
    const text = r() < 0.1 ? 'Bygg en konstgräsplan nu!' : `${pick(phrases)}, ${pick(phrases)}. Förslag ${i}`;
    const month = 1 + Math.floor(r() * 12);
    out.push({
      id: `t${i}`,
      title: null,
      text,
      area,
      insatsId: r() < 0.33 ? 'ung-i-sommar' : pick(['tryggare-malmo', 'prao', null]),
      createdAt: `2026-${String(month).padStart(2, '0')}-15T12:00:00.000Z`,
      locale,
    });
  }
  return out;
}

/** The plain scan: lower-case and split every text, counting the words. */
function scan(docs: readonly ThemeText[]): number {
  let words = 0;
  for (const d of docs) words += (d.text ?? '').toLowerCase().split(/\s+/).length;
  return words;
}

function median(ms: number[]): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(run: () => unknown): number {
  run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const docs = texts(TEXTS);
const inArea = docs.filter((d) => d.area === ROSENGARD).length;
const inInsats = docs.filter((d) => d.insatsId === 'ung-i-sommar').length;
const scanMs = time(() => scan(docs));
const areaMs = time(() => computeThemes(docs, { area: ROSENGARD }));
const insatsMs = time(() => computeThemes(docs, { insatsId: 'ung-i-sommar' }));
const cityMs = time(() => computeAreaThemes(docs, 5));
const top = computeThemes(docs, { area: ROSENGARD }, 3).themes.map((t) => `${t.term} (${t.count})`);

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
console.log(
  `themes: ${fmt(TEXTS)} texts, median of ${RUNS} runs, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('');
console.log('| case | texts in scope | ms | ÷ plain scan |');
console.log('|---|---:|---:|---:|');
console.log(`| plain scan (lower-case, split, count) | ${fmt(TEXTS)} | ${scanMs.toFixed(1)} | 1.00 |`);
console.log(
  `| themes of one delområde | ${fmt(inArea)} | ${fmt(areaMs)} | ${(areaMs / scanMs).toFixed(1)} |`,
);
console.log(
  `| themes of one insats across the city | ${fmt(inInsats)} | ${fmt(insatsMs)} | ${(insatsMs / scanMs).toFixed(1)} |`,
);
console.log(
  `| themes of every delområde (the whole city) | ${fmt(TEXTS)} | ${fmt(cityMs)} | ${(cityMs / scanMs).toFixed(1)} |`,
);
console.log('');
console.log(`Rosengård's top three: ${top.join(', ')}`);
