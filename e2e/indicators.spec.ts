import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import { BUILDS } from './support/global-setup.ts';
import { areaNames, INDICATORS, indicatorCsv } from './support/indicators.ts';
import { startServer, type TestServer } from './support/server.ts';
import { createStaffAccount, signInStaff } from './support/staff.ts';

/**
 * Indicators (issue 8) on a server of their own (imports change its data): an analyst imports
 * values from a CSV file with one bad row (flagged with its row number, the rest imported), finds
 * them in the value table, the chart and the map, and adds a 2030 target by hand; a moderator
 * reads the same screens without the means to change them; axe on every screen on the way.
 */

const ANALYST = {
  email: 'analytiker@malmo.example',
  password: 'Fyra-Gröna-Äpplen-På-Bordet',
  role: 'analyst',
} as const;
const MODERATOR = {
  email: 'moderator@malmo.example',
  password: 'Tre-Blå-Cyklar-Vid-Kanalen',
  role: 'moderator',
} as const;

async function staffContext(browser: Browser, server: TestServer): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.url, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

/** At 320 CSS px the page itself does not scroll sideways (tables scroll in their own box). */
async function expectReflowAt320(page: Page): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}

test('an analyst imports indicator values with a bad row, sees them in table, chart and map, adds a target; a moderator only reads', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = await startServer(BUILDS.a);
  const contexts: BrowserContext[] = [];
  try {
    await createStaffAccount(server, { ...ANALYST, name: 'Ana Lytiker' });
    await createStaffAccount(server, { ...MODERATOR, name: 'Mo Derator' });

    // --- The list: the presets are there and marked.
    contexts.push(await staffContext(browser, server));
    const page = await (contexts[0] as BrowserContext).newPage();
    await signInStaff(page, ANALYST.email, ANALYST.password, '/personal/indikatorer');
    await expect(heading(page, INDICATORS.listHeading)).toBeVisible();
    const list = page.getByTestId('indicator-list');
    for (const name of ['UVAS 16–24 år', 'UVAS 25–29 år', 'Trångboddhet', 'Ekonomiskt bistånd'])
      await expect(list.getByRole('row').filter({ hasText: name })).toContainText(INDICATORS.preset);
    // The seed's example values (EXAMPLE_CONTENT on) give UVAS 16–24 a latest value, with a decimal
    // comma, said to be an example.
    await expect(list.locator('[data-id="uvas-16-24"]')).toContainText('Exempel: 8,7 % (2024)');
    await expect(page.getByRole('link', { name: INDICATORS.newIndicator })).toBeVisible();
    await expectNoViolations(page, 'indicator list');
    await expectReflowAt320(page);

    // --- Import: one unknown delområde among good rows.
    const names = await areaNames(page);
    const [a, b] = ['11320', '11322'];
    const nameA = names.get(a) ?? a;
    await page.getByRole('link', { name: INDICATORS.importLink }).click();
    const file = page.getByLabel(INDICATORS.file, { exact: true });
    await file.setInputFiles({
      name: 'trangboddhet.csv',
      mimeType: 'text/csv',
      buffer: indicatorCsv([
        { indicator: 'trangboddhet', geoCode: a, kind: 'measurement', year: 2023, value: '28,5' },
        { indicator: 'trangboddhet', geoCode: a, kind: 'measurement', year: 2024, value: '27,25' },
        { indicator: 'trangboddhet', geoCode: '99999', kind: 'measurement', year: 2024, value: '30' },
        {
          indicator: 'trangboddhet',
          geoCode: b,
          kind: 'measurement',
          year: 2024,
          value: '33',
          note: 'Från SCB',
        },
      ]),
    });
    await page.getByRole('button', { name: INDICATORS.preview }).click();
    const result = page.getByTestId('indicator-import-result');
    await expect(result).toContainText('4 rader lästa: 3 kan importeras, 1 har fel.');
    await expect(result).toBeFocused();
    const errors = page.getByTestId('indicator-import-errors');
    await expect(errors.getByRole('listitem')).toHaveCount(1);
    await expect(errors.getByRole('listitem')).toContainText('Rad 4, kolumn geo_code:');
    await expect(errors.getByRole('listitem')).toContainText('99999');
    // The row error is tied to the file field.
    await expect(file).toHaveAttribute('aria-invalid', 'true');
    await expect(file).toHaveAccessibleDescription(/Rad 4, kolumn geo_code:.*99999/);
    const sample = page.getByTestId('indicator-import-sample');
    await expect(sample.locator('tbody tr')).toHaveCount(3);
    await expect(sample).toContainText('28,5');
    await expect(sample).not.toContainText('99999');
    await expectNoViolations(page, 'indicator import preview with a row error');
    await page.getByRole('button', { name: INDICATORS.commit(3) }).click();
    await expect(result).toContainText('3 rader är importerade.');
    await expect(list.locator('[data-id="trangboddhet"]')).toContainText('3 områden (2024)');

    // --- The detail: values in the table, the chart and the map.
    await list.getByRole('link', { name: 'Trångboddhet' }).click();
    await expect(heading(page, 'Trångboddhet')).toBeVisible();
    // A preset's unit and geography are fixed (the server refuses changes): the form says so.
    await expect(page.getByLabel('Enhet')).toBeDisabled();
    await expect(page.getByLabel('Geografi')).toBeDisabled();
    await expect(page.getByLabel('Namn på svenska')).toBeEditable();
    const values = page.getByTestId('indicator-values');
    const rowA2023 = values.getByRole('row').filter({ hasText: nameA }).filter({ hasText: '2023' });
    await expect(rowA2023).toContainText('Mätvärde');
    await expect(rowA2023).toContainText('28,5 %');
    await expect(values.getByRole('row').filter({ hasText: names.get(b) ?? b })).toContainText('Från SCB');

    await page.getByLabel(INDICATORS.chartPlace).selectOption({ label: nameA });
    const chart = page.getByTestId('indicator-chart');
    await expect(chart).toContainText(`Trångboddhet: ${nameA}`);
    await expect(page.getByTestId('indicator-direction')).toHaveText('Lägre värden är bättre.');
    const chartTable = page.getByTestId('indicator-chart-table');
    await expect(chartTable.getByRole('row', { name: /2023/ })).toContainText('28,5 %');
    await expect(chartTable.getByRole('row', { name: /2024/ })).toContainText('27,25 %');
    await expect(chart.getByRole('img')).toHaveAccessibleName(/Senaste mätvärde 27,25\s% \(2024\)/);

    // --- A 2030 target by hand, shown in the chart at once.
    await page.getByLabel(INDICATORS.place, { exact: true }).selectOption({ label: nameA });
    await page.getByLabel(INDICATORS.kind, { exact: true }).selectOption({ label: 'Mål' });
    await page.getByLabel(INDICATORS.year, { exact: true }).selectOption('2030');
    await page.getByRole('textbox', { name: INDICATORS.value('%') }).fill('20,5');
    await page.getByRole('button', { name: INDICATORS.saveValue }).click();
    await expect(page.getByTestId('indicator-values-status')).toHaveText('Sparat: Mål 2030, 20,5 %.');
    await expect(chartTable.getByRole('row', { name: /2030/ })).toContainText('Mål');
    await expect(chartTable.getByRole('row', { name: /2030/ })).toContainText('20,5 %');
    await expect(chart.getByRole('img')).toHaveAccessibleName(/Mål 2030: 20,5\s%/);

    // The map of the latest year: the imported values per delområde, in its table.
    const map = page.getByTestId('indicator-map');
    await expect(page.getByLabel(INDICATORS.mapYear)).toHaveValue('2024');
    await expect(map.getByRole('row').filter({ hasText: nameA })).toContainText('27,25 %');
    await expect(map.getByRole('row').filter({ hasText: names.get(b) ?? b })).toContainText('33 %');
    await expectNoViolations(page, 'indicator detail with chart and map');
    await expectReflowAt320(page);

    // --- An indicator of their own: refused without its required fields, then created.
    await page.goto('/personal/indikatorer/ny');
    await expect(heading(page, 'Ny indikator')).toBeVisible();
    await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
    const id = page.getByLabel('Kort namn (id)');
    await expect(id).toBeFocused();
    await expect(id).toHaveAccessibleDescription(/Skriv 1–64 små bokstäver/);
    await expect(page.getByLabel('Namn på svenska')).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(page, 'new indicator with errors');
    await id.fill('fritid-deltagande');
    await page.getByLabel('Namn på svenska').fill('Deltagande i fritidsaktiviteter');
    await page.getByLabel('Enhet').fill('%');
    await page.getByLabel('Högre är bättre').check();
    await page.getByLabel('Källa').fill('Malmö stad');
    await page.getByLabel('Geografi').selectOption({ label: 'Hela staden' });
    await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
    await expect(heading(page, 'Deltagande i fritidsaktiviteter')).toBeVisible();
    // A whole-city indicator: values without a place, a chart, no map.
    await page.getByRole('textbox', { name: 'År' }).fill('2025');
    await page.getByRole('textbox', { name: INDICATORS.value('%') }).fill('41,5');
    await page.getByRole('button', { name: INDICATORS.saveValue }).click();
    await expect(page.getByTestId('indicator-values-status')).toHaveText('Sparat: Mätvärde 2025, 41,5 %.');
    await expect(page.getByTestId('indicator-direction')).toHaveText('Högre värden är bättre.');
    await expect(page.getByTestId('indicator-chart-table')).toContainText('41,5 %');
    await expect(page.getByTestId('indicator-map')).toHaveCount(0);

    // --- The crosswalk: the example reporting area and its delområden.
    await page.goto('/personal/rapportomraden');
    await expect(heading(page, INDICATORS.reportingHeading)).toBeVisible();
    const exampleArea = page
      .getByTestId('reporting-row')
      .filter({ hasText: 'Exempel: Norra Sofielund-området' });
    await expect(exampleArea).toContainText(names.get('11319') ?? '11319');
    await expectNoViolations(page, 'reporting areas');

    // A new reporting area by hand: refused empty (errors beside the fields), then saved.
    await page.getByRole('button', { name: 'Nytt rapportområde' }).click();
    await page.getByRole('button', { name: 'Spara rapportområdet' }).click();
    const code = page.getByLabel('Kod', { exact: true });
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(code).toBeFocused();
    await expect(page.getByRole('group', { name: 'Delområden' })).toHaveAccessibleDescription(
      /Välj minst ett delområde\./,
    );
    await code.fill('test-ra');
    await page.getByLabel('Namn', { exact: true }).fill('Testområdet');
    await page.getByLabel(nameA, { exact: true }).check();
    await expectNoViolations(page, 'reporting area form');
    await page.getByRole('button', { name: 'Spara rapportområdet' }).click();
    await expect(page.getByTestId('reporting-status')).toHaveText('Testområdet är sparat.');
    await expect(page.getByTestId('reporting-row').filter({ hasText: 'Testområdet' })).toContainText(nameA);

    // The crosswalk from CSV (pasted): an area with an unknown delområde is left out, the other imported.
    await page
      .getByLabel('Eller klistra in texten (en vald fil visas här)')
      .fill(
        [
          'reporting_area;reporting_area_name;delomrade',
          `test-ra2;Andra testområdet;${a}`,
          `test-ra2;Andra testområdet;${b}`,
          'test-ra3;Tredje testområdet;99999',
        ].join('\n'),
      );
    await page.getByRole('button', { name: INDICATORS.preview }).click();
    await expect(page.getByTestId('reporting-import-result')).toContainText(
      '3 rader lästa: 2 kan importeras, 1 har fel.',
    );
    await expect(page.getByTestId('reporting-import-errors')).toContainText('Rad 4, kolumn delomrade:');
    await expect(page.getByTestId('reporting-import-sample')).toContainText('Andra testområdet');
    await expectNoViolations(page, 'crosswalk import preview with a row error');
    await page.getByRole('button', { name: INDICATORS.commit(2) }).click();
    await expect(page.getByTestId('reporting-import-result')).toContainText('2 rader är importerade.');
    await expect(page.getByTestId('reporting-row').filter({ hasText: 'Andra testområdet' })).toContainText(
      nameA,
    );
    await expect(page.getByTestId('reporting-row').filter({ hasText: 'Tredje testområdet' })).toHaveCount(0);

    // --- A moderator reads, and cannot change anything.
    contexts.push(await staffContext(browser, server));
    const moderator = await (contexts[1] as BrowserContext).newPage();
    await signInStaff(moderator, MODERATOR.email, MODERATOR.password, '/personal/indikatorer');
    await expect(heading(moderator, INDICATORS.listHeading)).toBeVisible();
    await expect(
      moderator.getByTestId('indicator-list').getByRole('row').filter({ hasText: 'UVAS 16–24 år' }),
    ).toContainText(INDICATORS.preset);
    await expect(moderator.getByRole('link', { name: INDICATORS.importLink })).toHaveCount(0);
    await expect(moderator.getByLabel(INDICATORS.file, { exact: true })).toHaveCount(0);
    await expect(moderator.getByRole('link', { name: INDICATORS.newIndicator })).toHaveCount(0);
    await moderator.getByRole('link', { name: 'Trångboddhet' }).click();
    await expect(heading(moderator, 'Trångboddhet')).toBeVisible();
    await expect(moderator.getByTestId('indicator-values')).toContainText('28,5 %');
    await expect(moderator.getByRole('button', { name: INDICATORS.saveValue })).toHaveCount(0);
    await expect(moderator.getByRole('button', { name: /^Ändra/ })).toHaveCount(0);
  } finally {
    for (const c of contexts) await c.close();
    await server.stop();
  }
});
