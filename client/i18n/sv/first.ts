/**
 * Swedish, the part the start screen shows (header, footer, area picker, position, list of
 * insatser, banners): bundled with the first load. Everything else is in ./later.ts, loaded with
 * the first screen after it. first-screen.test.ts keeps this file to exactly what the start screen
 * can show.
 */
const first = {
  'app.skip': 'Hoppa till innehållet',
  'app.language': 'Språk (Language)',
  'app.loading': 'Laddar …',
  'app.loadError': 'Det gick inte att hämta. Kolla att du har internet och försök igen.',
  'app.retry': 'Försök igen',
  'app.offline': 'Du har inget internet just nu. Det du skickar sparas på telefonen.',
  'app.example': 'Exempel',

  'nav.label': 'Mer',
  'nav.privacy': 'Dina uppgifter',
  'nav.myInput': 'Mina svar',
  'nav.waiting': 'väntar: {n}',
  'nav.accessibility': 'Tillgänglighet',
  'nav.openData': 'Öppna data',

  'update.available': 'Det finns en ny version av appen.',
  'update.button': 'Uppdatera',
  'update.applied': 'Appen har uppdaterats.',
  'update.reload': 'Ladda om',

  'start.title': 'Var bor du eller är du ofta?',
  'start.intro': 'Välj ett område. Då ser du först det som händer just där.',
  'area.searchLabel': 'Sök område',
  'area.searchHint': 'Skriv en del av namnet, till exempel Sofielund.',
  'area.count': 'Områden som passar: {n}',
  'area.none': 'Inget område heter så. Prova ett annat namn.',
  'area.chosen': 'Ditt område: {name}',
  'area.change': 'Byt område',
  'area.listLabel': 'Områden',
  'area.listHint': 'Gå i listan med pilarna upp och ner.',
  'area.viewLabel': 'Visa områden som',
  'area.viewList': 'Lista',
  'area.viewMap': 'Karta',

  'position.button': 'Använd min position',
  'position.consentTitle': 'Får appen använda din position?',
  'position.consentText1': 'Telefonen tar reda på var du är just nu.',
  'position.consentText2':
    'Platsen skickas med ditt svar. Då vet staden vilket område svaret gäller. Sedan slängs den exakta platsen. Staden sparar bara området och ungefär var du var.',
  'position.allow': 'Ja, använd min position',
  'position.cancel': 'Nej tack',
  'position.locating': 'Letar efter din position …',
  'position.using': 'Appen använder din position.',
  'position.stop': 'Sluta använda min position',
  'position.denied': 'Appen fick inte din position. Välj ett område i listan i stället.',
  'position.unsupported': 'Den här telefonen kan inte visa position här. Välj ett område i listan.',

  'insatser.title': 'Det här händer',
  'insatser.inArea': 'I ditt område',
  'insatser.elsewhere': 'I andra delar av Malmö',
  'insatser.empty': 'Det finns inget att visa just nu.',
  'insatser.generalComment': 'Skriv om något annat i ditt område',

  'status.planned': 'Planeras',
  'status.ongoing': 'Pågår',
  'status.finished': 'Klar',

  'ideas.link': 'Idéer från föreningar och företag',

  'proposal.link': 'Förslag från förening, fastighetsägare eller företag',
} as const;

export default first;
