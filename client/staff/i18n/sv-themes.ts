/** Staff texts of the themes section and the queue's text filter, in Swedish; en-themes.ts has the same keys. */
export const svThemes = {
  'themes.title': 'Teman i fritext',
  'themes.intro':
    'Ord och fraser som är utmärkande för det valda området eller den valda insatsen jämfört med resten av staden, i kommentarer och förslag oavsett status. Exakta antal, även små. Nästan likadana texter räknas en gång. Tidsfiltret gäller inte här.',
  'themes.choose': 'Välj ett delområde eller en insats för att se teman i fritexten.',
  'themes.none': 'Inga ord förekommer i minst två texter i urvalet.',
  'themes.summary':
    '{texts} texter i urvalet ({distinct} efter att nästan likadana slagits ihop), {rest} i resten av staden.',
  'themes.caption': 'Utmärkande ord och fraser, mest utmärkande först',
  'themes.term': 'Ord eller fras',
  'themes.count': 'Texter',
  'themes.nearIdentical': 'Nästan likadana',
  'themes.rest': 'Resten av staden',
  'themes.z': 'z-värde',
  'themes.months': 'Per månad',
  'themes.open': 'Visa i granskningskön',
  'themes.openLabel': 'Visa texterna med ”{term}” i granskningskön',
  'queue.text': 'Ord i texten',
  'queue.textHelp': 'Ett eller flera ord eller fraser, åtskilda med komma. Skiftläge spelar ingen roll.',
} as const;
