/**
 * The indicators the city's decision names (seed/002, BRIEF §1): UVAS and the four parts of
 * stadskontoret's complementary index. Created on every start when missing, with no values:
 * the figures come from the publishers (SCB, Skolverket, Malmö stad) by CSV import or by hand.
 * Staff may edit their texts but not what the values mean (see PRESET_FIXED_FIELDS).
 */
import type { IndicatorInput } from '../../../common/wire/insights.ts';

/** Fields of a preset that cannot change: its values would mean something else. */
export const PRESET_FIXED_FIELDS = ['unit', 'direction', 'geography', 'insatsId'] as const;

/** The preset indicators, in the order the decision names them. */
export const PRESET_INDICATORS: readonly IndicatorInput[] = [
  {
    id: 'uvas-16-24',
    name: {
      sv: 'UVAS 16–24 år',
      en: 'NEET aged 16–24 (UVAS)',
    },
    description: {
      sv: 'Andel unga 16–24 år som varken arbetar eller studerar (UVAS) enligt den nationella definitionen. Publiceras för större områden än delområden: värdena anges per redovisningsområde.',
      en: 'Share of young people aged 16–24 neither working nor studying (UVAS), per the national definition. Published for areas larger than delområden: values are given per reporting area.',
    },
    unit: '%',
    direction: 'lower',
    source: 'SCB / Malmö stad',
    geography: 'reporting_area',
  },
  {
    id: 'uvas-25-29',
    name: {
      sv: 'UVAS 25–29 år',
      en: 'NEET aged 25–29 (UVAS)',
    },
    description: {
      sv: 'Andel unga 25–29 år som varken arbetar eller studerar (UVAS) enligt den nationella definitionen. Publiceras för större områden än delområden: värdena anges per redovisningsområde.',
      en: 'Share of young people aged 25–29 neither working nor studying (UVAS), per the national definition. Published for areas larger than delområden: values are given per reporting area.',
    },
    unit: '%',
    direction: 'lower',
    source: 'SCB / Malmö stad',
    geography: 'reporting_area',
  },
  {
    id: 'behorighet-yrkesprogram',
    name: {
      sv: 'Behörighet till yrkesprogram',
      en: 'Eligibility for vocational programmes',
    },
    description: {
      sv: 'Andel elever som efter årskurs 9 är behöriga till gymnasieskolans yrkesprogram. Del av stadskontorets kompletterande index till UVAS.',
      en: 'Share of pupils eligible for upper-secondary vocational programmes after year 9. Part of the city office’s complementary index to UVAS.',
    },
    unit: '%',
    direction: 'higher',
    source: 'Skolverket',
    geography: 'delomrade',
  },
  {
    id: 'trangboddhet',
    name: { sv: 'Trångboddhet', en: 'Overcrowding' },
    description: {
      sv: 'Andel invånare som bor trångt enligt SCB:s definition av trångboddhet. Del av stadskontorets kompletterande index till UVAS.',
      en: 'Share of residents living in overcrowded homes, per SCB’s definition. Part of the city office’s complementary index to UVAS.',
    },
    unit: '%',
    direction: 'lower',
    source: 'SCB',
    geography: 'delomrade',
  },
  {
    id: 'ekonomiskt-bistand',
    name: { sv: 'Ekonomiskt bistånd', en: 'Social assistance' },
    description: {
      sv: 'Andel invånare med ekonomiskt bistånd, enligt Malmö stads statistik. Del av stadskontorets kompletterande index till UVAS.',
      en: 'Share of residents receiving social assistance (ekonomiskt bistånd), per Malmö stad’s statistics. Part of the city office’s complementary index to UVAS.',
    },
    unit: '%',
    direction: 'lower',
    source: 'Malmö stad',
    geography: 'delomrade',
  },
  {
    id: 'lag-inkomststandard',
    name: { sv: 'Låg inkomststandard', en: 'Low income standard' },
    description: {
      sv: 'Andel invånare med låg inkomststandard enligt SCB. Del av stadskontorets kompletterande index till UVAS.',
      en: 'Share of residents with a low income standard, per SCB. Part of the city office’s complementary index to UVAS.',
    },
    unit: '%',
    direction: 'lower',
    source: 'SCB',
    geography: 'delomrade',
  },
];
