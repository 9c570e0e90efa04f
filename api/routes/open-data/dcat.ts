/**
 * The dataset description (DCAT-AP-SE 2, JSON-LD) for the national data portal
 * (dataportal.se harvests it): one catalogue, one dataset, a distribution per format.
 */
import { OPEN_DATA_LICENCE, type PublicationInfo } from '../../../common/wire/open-data.ts';

const EU = 'http://publications.europa.eu/resource/authority';
/** Malmö in GeoNames (the place DCAT-AP-SE suggests naming by URI). */
const MALMO_GEONAMES = 'https://sws.geonames.org/2692969/';
/** Malmö stad's general contact address. */
const CONTACT_EMAIL = 'mailto:malmo.stad@malmo.se';

const DISTRIBUTIONS = [
  {
    path: '/api/open-data/counts',
    format: 'JSON',
    mediaType: 'application/json',
    title: { sv: 'Antal per delområde och insats (JSON)', en: 'Counts per area and initiative (JSON)' },
    conformsTo: null,
  },
  {
    path: '/api/open-data/counts.csv',
    format: 'CSV',
    mediaType: 'text/csv',
    title: { sv: 'Antal per delområde och insats (CSV)', en: 'Counts per area and initiative (CSV)' },
    conformsTo: 'https://www.rfc-editor.org/rfc/rfc4180',
  },
  {
    path: '/api/open-data/areas.geojson',
    format: 'GEOJSON',
    mediaType: 'application/geo+json',
    title: { sv: 'Delområden med antal (GeoJSON)', en: 'Areas with counts (GeoJSON)' },
    conformsTo: 'https://www.rfc-editor.org/rfc/rfc7946',
  },
] as const;

const lang = (t: { sv: string; en: string }) => [
  { '@language': 'sv', '@value': t.sv },
  { '@language': 'en', '@value': t.en },
];

/** The JSON-LD document; `origin` is PUBLIC_URL (or the request's origin without one). */
export function datasetDescription(origin: string, info: PublicationInfo) {
  const dataset = `${origin}/api/open-data/dataset.jsonld#dataset`;
  const publisher = {
    '@id': `${origin}/api/open-data/dataset.jsonld#publisher`,
    '@type': 'foaf:Agent',
    'foaf:name': 'Malmö stad',
    'dct:type': { '@id': 'http://purl.org/adms/publishertype/LocalAuthority' },
  };
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      schema: 'http://schema.org/',
    },
    '@id': `${origin}/api/open-data/dataset.jsonld#catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': lang({ sv: 'Kraftsamla Malmö – öppna data', en: 'Kraftsamla Malmö – open data' }),
    'dct:description': lang({
      sv: 'Öppna data från Malmö stads medborgardialog Kraftsamla.',
      en: "Open data from the City of Malmö's citizen dialogue Kraftsamla.",
    }),
    'dct:publisher': publisher,
    'dct:license': { '@id': OPEN_DATA_LICENCE.url },
    'dct:conformsTo': { '@id': 'https://docs.dataportal.se/dcat/sv/' },
    'foaf:homepage': { '@id': origin },
    'dcat:dataset': {
      '@id': dataset,
      '@type': 'dcat:Dataset',
      'dct:identifier': dataset,
      'dct:title': lang({
        sv: 'Inkomna synpunkter per delområde och insats',
        en: 'Input received per area and initiative',
      }),
      'dct:description': lang({
        sv:
          'Antal synpunkter, förslag och svar som Malmöbor lämnat i Kraftsamla, per delområde och insats ' +
          '(samt utan insats), räknat efter inlämningens huvudsakliga delområde. Publiceras dagligen och ' +
          'omfattar det som lämnats fram till och med föregående dag. Skydd mot röjande: varje antal under 5 ' +
          'visas som "färre än 5", övriga avrundas nedåt till en multipel av 5, och alla summor är summor ' +
          'av de publicerade cellerna.',
        en:
          'Counts of comments, proposals and answers residents gave in Kraftsamla, per area (delområde) and ' +
          'initiative (and without one), by the primary area of each. Published daily, covering input made ' +
          'up to the end of the previous day. Disclosure control: every count under 5 is shown as "fewer ' +
          'than 5", others are rounded down to a multiple of 5, and every total is the sum of the published cells.',
      }),
      'dct:publisher': publisher,
      'dcat:contactPoint': {
        '@type': 'vcard:Organization',
        'vcard:fn': 'Malmö stad',
        'vcard:hasEmail': { '@id': CONTACT_EMAIL },
      },
      'dct:license': { '@id': OPEN_DATA_LICENCE.url },
      'dct:accessRights': { '@id': `${EU}/access-right/PUBLIC` },
      'dct:accrualPeriodicity': { '@id': `${EU}/frequency/DAILY` },
      'dct:spatial': { '@id': MALMO_GEONAMES },
      'dct:temporal': {
        '@type': 'dct:PeriodOfTime',
        'dcat:startDate': { '@type': 'xsd:date', '@value': info.period.from },
        'dcat:endDate': { '@type': 'xsd:date', '@value': info.period.to },
      },
      'dct:modified': { '@type': 'xsd:date', '@value': info.published },
      'dcat:theme': [
        { '@id': `${EU}/data-theme/SOCI` },
        { '@id': `${EU}/data-theme/GOVE` },
        { '@id': `${EU}/data-theme/REGI` },
      ],
      'dcat:keyword': [
        ...lang({ sv: 'medborgardialog', en: 'citizen dialogue' }),
        ...lang({ sv: 'delområden', en: 'areas' }),
        ...lang({ sv: 'Malmö', en: 'Malmö' }),
      ],
      'dct:language': { '@id': `${EU}/language/SWE` },
      'dcat:distribution': DISTRIBUTIONS.map((d) => ({
        '@id': `${origin}${d.path}#distribution`,
        '@type': 'dcat:Distribution',
        'dct:title': lang(d.title),
        'dcat:accessURL': { '@id': `${origin}${d.path}` },
        'dcat:downloadURL': { '@id': `${origin}${d.path}` },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${d.mediaType}` },
        'dct:format': { '@id': `${EU}/file-type/${d.format}` },
        'dct:license': { '@id': OPEN_DATA_LICENCE.url },
        ...(d.conformsTo ? { 'dct:conformsTo': { '@id': d.conformsTo } } : {}),
      })),
    },
  };
}
