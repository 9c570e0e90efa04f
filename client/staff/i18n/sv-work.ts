/**
 * Staff texts in Swedish of the start page's to-do counts (`home.todo*`), the readable audit
 * log (`audit.*`) and the queue's keyboard switch (`keys.*`). Spread into sv.ts.
 */
export const svWork = {
  'home.todoTitle': 'Att göra',
  'home.todoIntro': 'Det som väntar i granskningskön. Varje siffra leder till kön, redan filtrerad.',
  'home.todoPending': 'Väntar på granskning',
  'home.todoFlagged': 'Flaggade',
  'home.todoWaiting': 'Har väntat längre än {n} dagar',
  'home.todoAnswers': 'Väntar på svar',
  'home.todoAnswersHint':
    'Personen har lämnat kontaktuppgifter för att få veta när staden svarar, och inget svar är givet.',
  'home.todoOpen': 'Visa i kön',
  'home.todoDays': 'Räkna som väntat längre än (dagar)',
  'home.todoDaysApply': 'Räkna om',
  'home.todoFailed': 'Siffrorna gick inte att hämta.',
  'queue.filterWaitingDays': 'Har väntat längre än (dagar)',
  'queue.awaitingAnswerOnly': 'Bara de som väntar på svar',
  'audit.colWhat': 'Vad hände',
  'audit.colField': 'Fält',
  'audit.colBefore': 'Före',
  'audit.colAfter': 'Efter',
  'audit.changesCaption': 'Ändrade fält, före och efter',
  'audit.noChanges': 'Inga ändrade fält.',
  'audit.raw': 'Visa rådata (JSON)',
  'keys.switch': 'Använd kortkommandon',
  'keys.switchHint':
    'Kortkommandona fungerar bara när ett inlägg i listan har fokus. Valet sparas i den här webbläsaren.',
  'insats.textsTopic': 'Texter',
  'insats.altTopic': 'Bildtext',
  'questions.textsTopic': 'Frågans texter',
  'indicators.latestExample': 'Exempel: {text}',
  'keys.off': 'Kortkommandona är avstängda.',
} as const;
