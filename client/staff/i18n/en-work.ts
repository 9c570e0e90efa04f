import type { svWork } from './sv-work.ts';

/** Staff texts in English of the start page's to-do counts, the audit log and the queue's keyboard switch. */
export const enWork: { readonly [K in keyof typeof svWork]: string } = {
  'home.todoTitle': 'To do',
  'home.todoIntro': 'What waits in the moderation queue. Each number opens the queue, already filtered.',
  'home.todoPending': 'Waiting for moderation',
  'home.todoFlagged': 'Flagged',
  'home.todoWaiting': 'Waiting longer than {n} days',
  'home.todoAnswers': 'Waiting for an answer',
  'home.todoAnswersHint':
    'The person left contact details to hear when the city answers, and no answer is given.',
  'home.todoOpen': 'Show in the queue',
  'home.todoDays': 'Count as waiting longer than (days)',
  'home.todoDaysApply': 'Count again',
  'home.todoFailed': 'The numbers could not be loaded.',
  'queue.filterWaitingDays': 'Waiting longer than (days)',
  'queue.awaitingAnswerOnly': 'Only those waiting for an answer',
  'audit.colWhat': 'What happened',
  'audit.colField': 'Field',
  'audit.colBefore': 'Before',
  'audit.colAfter': 'After',
  'audit.changesCaption': 'Changed fields, before and after',
  'audit.noChanges': 'No changed fields.',
  'audit.raw': 'Show raw data (JSON)',
  'keys.switch': 'Use keyboard shortcuts',
  'keys.switchHint':
    'The shortcuts work only while an item of the list has focus. The choice is kept in this browser.',
  'insats.textsTopic': 'Texts',
  'insats.altTopic': 'Image text',
  'questions.textsTopic': "The question's texts",
  'indicators.latestExample': 'Example: {text}',
  'keys.off': 'Keyboard shortcuts are off.',
};
