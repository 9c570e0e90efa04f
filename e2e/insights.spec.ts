import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { expectNoViolations } from './support/axe.ts';
import { BUILDS } from './support/global-setup.ts';
import { startServer } from './support/server.ts';
import { expect, test } from './support/fixtures.ts';
import { catalogue, DASHBOARD, pickAreas, type Seed, seedSubmissions } from './support/insights.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * The staff dashboard end to end (issue 8): submissions seeded through the API in two
 * stadsområden and two insatser; an analyst filters to one insats and one stadsområde in the
 * screen; the filters are in the address and survive a reload; the total, the map and its table
 * agree with each other and with what was seeded; the CSV zip and the GeoJSON download with the
 * same filters; axe is clean with no filter, filtered (with the insats's answer distributions)
 * and on an empty result.
 */

const ANALYST = {
  email: 'analys@malmo.example',
  password: 'Fyra-Gröna-Äpplen-På-Bordet',
  role: 'analyst',
} as const;

/** The number in an accessible name or a cell, as the screen writes it in Swedish ("1 234"). */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function mapAndTableAgree(page: Page, expected: ReadonlyMap<string, number>): Promise<void> {
  const rows = page.getByTestId('choropleth-table').locator('tbody tr');
  await expect(rows).toHaveCount(expected.size);
  for (const [code, count] of expected) {
    const cell = rows
      .and(page.locator(`[data-code="${code}"]`))
      .locator('td')
      .last();
    await expect(cell).toHaveText(String(count));
    const area = page.locator(`svg path[data-code="${code}"]`);
    expect(numberIn((await area.getAttribute('aria-label'))?.split(':').pop() ?? null), `map ${code}`).toBe(
      count,
    );
    // One name only: no <title> that a screen reader would read a second time.
    await expect(area.locator('title')).toHaveCount(0);
  }
}

test('an analyst filters the dashboard to one insats and one stadsområde; map, table, totals and exports agree', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // A server of its own: the counts are exactly what this test sends, whatever other specs sent.
  const server = await startServer(BUILDS.a);
  await createStaffAccount(server, { ...ANALYST, name: 'Ana Analytiker' });
  const { insatser, areas } = await catalogue(server);
  const { districtA, a1, a2, b1 } = pickAreas(areas);
  // I1 has a single-choice and a scale question (answer distributions); I2 is any other.
  const i1 = insatser.find(
    (i) => i.questions.some((q) => q.kind === 'scale') && i.questions.some((q) => q.kind === 'single'),
  );
  const i2 = insatser.find((i) => i.id !== i1?.id);
  if (!i1 || !i2) throw new Error('the example content needs two insatser, one with a scale question');
  const scale = i1.questions.find((q) => q.kind === 'scale');
  const single = i1.questions.find((q) => q.kind === 'single');
  const option = single?.options?.[0];
  if (!scale || !single || !option) throw new Error('no questions to answer');
  const answer = (value: number): Seed => ({
    kind: 'answer',
    insatsId: i1.id,
    areaCode: a1.code,
    answers: [
      { questionId: scale.id, questionVersion: scale.version, value },
      { questionId: single.id, questionVersion: single.version, value: option.id },
    ],
  });
  const seeds: Seed[] = [
    // In the filter (I1 × stadsområde A): a1 = 2 comments + 2 answers, a2 = 1 comment.
    { kind: 'comment', insatsId: i1.id, areaCode: a1.code },
    { kind: 'comment', insatsId: i1.id, areaCode: a1.code },
    answer(4),
    answer(5),
    { kind: 'comment', insatsId: i1.id, areaCode: a2.code },
    // Outside it: the other stadsområde, the other insats, no insats.
    { kind: 'comment', insatsId: i1.id, areaCode: b1.code },
    { kind: 'comment', insatsId: i1.id, areaCode: b1.code },
    { kind: 'comment', insatsId: i2.id, areaCode: a1.code },
    { kind: 'comment', areaCode: a2.code },
  ];
  const ids = await seedSubmissions(server, seeds);
  const inFilter = ids.slice(0, 5);
  const outside = ids.slice(5);

  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    acceptDownloads: true,
  });
  try {
    const page = await context.newPage();
    await signInStaff(page, ANALYST.email, ANALYST.password, DASHBOARD.path);
    await expect(page.getByRole('heading', { level: 1, name: DASHBOARD.heading })).toBeVisible();

    // --- No filter: everything seeded counts.
    await expect(page.getByTestId('dashboard-total')).toHaveText(String(seeds.length));
    await expect(page.getByTestId('choropleth-table')).toBeVisible();
    // Insatser by their names; this week (all was made now) holds everything, "v. N YYYY".
    await expect(page.getByTestId('chart-insats').locator(`tr[data-key="${i1.id}"] th`)).toHaveText(
      i1.title.sv,
    );
    const thisWeek = page.getByTestId('chart-weeks').locator('tbody tr').last();
    await expect(thisWeek.locator('th')).toHaveText(/^v\. \d{1,2} \d{4}$/);
    await expect(thisWeek.locator('td').last()).toHaveText(String(seeds.length));
    await expectNoViolations(page, 'the dashboard, no filter');

    // --- Filter to I1 and stadsområde A in the form.
    await page.getByLabel(DASHBOARD.insats, { exact: true }).selectOption(i1.id);
    await page.getByLabel(DASHBOARD.place, { exact: true }).selectOption(`d:${districtA}`);
    await page.getByRole('button', { name: DASHBOARD.apply, exact: true }).click();
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('insats') === i1.id && url.searchParams.get('district') === districtA,
    );
    await expect(page.getByTestId('dashboard-total')).toHaveText('5');

    const inA = areas.filter((a) => a.district === districtA);
    const expected = new Map(inA.map((a) => [a.code, 0]));
    expected.set(a1.code, 4);
    expected.set(a2.code, 1);
    await mapAndTableAgree(page, expected);
    // The map's values add up to the total (primary tag: each submission in one area).
    expect([...expected.values()].reduce((s, n) => s + n, 0)).toBe(5);
    await expect(page.getByTestId('chart-insats').locator(`tr[data-key="${i1.id}"] td`).first()).toHaveText(
      '5',
    );

    // The answer distributions of I1: the scale as numbers, 4 and 5 once each.
    await expect(page.getByRole('heading', { level: 2, name: DASHBOARD.answers })).toBeVisible();
    const scaleTable = page.getByTestId(`answers-${scale.id}-${scale.version}`);
    await expect(scaleTable.locator('tbody tr[data-key="4"] td').first()).toHaveText('1');
    await expect(scaleTable.locator('tbody tr[data-key="5"] td').first()).toHaveText('1');
    await expectNoViolations(page, 'the dashboard filtered to one insats and stadsområde, with answers');

    // 320 CSS pixels wide: the page reflows (tables scroll inside their own regions).
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 720 });

    // --- Reload: the address keeps the view.
    await page.reload();
    await expect(page.getByTestId('dashboard-total')).toHaveText('5');
    await expect(page.getByLabel(DASHBOARD.insats, { exact: true })).toHaveValue(i1.id);
    await expect(page.getByLabel(DASHBOARD.place, { exact: true })).toHaveValue(`d:${districtA}`);
    await mapAndTableAgree(page, expected);

    // --- The CSV zip, with the same filters: BOM, ';', a row per counted submission.
    const [zipDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: DASHBOARD.csv }).click(),
    ]);
    const files = unzipSync(new Uint8Array(readFileSync((await zipDownload.path()) as string)));
    const csvBytes = files['submissions.csv'];
    expect(csvBytes, 'submissions.csv in the zip').toBeDefined();
    expect([...(csvBytes as Uint8Array).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8((csvBytes as Uint8Array).slice(3));
    // `;` between cells (quoted or not), and one row per counted submission.
    expect(text.split(/\r?\n/)[0]).toMatch(/^"?id"?;"?kind"?;"?insats"?;/);
    const [header, ...rows] = parse(text, { delimiter: ';' }) as string[][];
    const col = (name: string) => (header as string[]).indexOf(name);
    const csvIds = rows.map((r) => r[col('id')]);
    expect([...csvIds].sort()).toEqual([...inFilter].sort());
    for (const id of outside) expect(csvIds).not.toContain(id);
    const first = rows.find((r) => r[col('id')] === inFilter[0]) as string[];
    expect(first[col('insats')]).toBe(i1.id);
    expect(first[col('area_code')]).toBe(a1.code);
    expect(first[col('district')]).toBe(districtA);

    // --- The GeoJSON, with the same filters.
    const [geoDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: DASHBOARD.geojson }).click(),
    ]);
    const geo = JSON.parse(readFileSync((await geoDownload.path()) as string, 'utf8')) as {
      type: string;
      features: { properties: { code: string; count: number } }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    const geoCount = (code: string) => geo.features.find((f) => f.properties.code === code)?.properties.count;
    expect(geoCount(a1.code)).toBe(4);
    expect(geoCount(a2.code)).toBe(1);
    expect(geoCount(b1.code)).toBe(0);

    // --- Back: the unfiltered view again, from the history.
    await page.goBack();
    await expect(page).toHaveURL((url) => url.search === '');
    await expect(page.getByTestId('dashboard-total')).toHaveText(String(seeds.length));

    // --- Counting every tagged delområde: said in words, kept in the address.
    await page.getByRole('radio', { name: /Räkna med alla delområden ett inlägg är taggat i/ }).check();
    await page.getByRole('button', { name: DASHBOARD.apply, exact: true }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('basis') === 'any');
    await expect(page.getByTestId('dashboard-total')).toHaveText(String(seeds.length));

    // --- Empty: nobody in the "business" group wrote anything.
    await page.goto(`${DASHBOARD.path}?group=business`);
    await expect(page.getByTestId('dashboard-empty')).toBeVisible();
    await expect(page.getByTestId('dashboard-total')).toHaveText('0');
    await expectNoViolations(page, 'the dashboard with nothing in the filter');
  } finally {
    await context.close();
    await server.stop();
  }
});
