/**
 * Checks a schema-valid item against the catalogue: is the insats open, are the questions
 * its questions, does each value fit its question, is the chosen area a real delområde.
 */
import { DONT_KNOW, type FieldError, type SubmissionItem } from '../../../common/wire/index.ts';
import type { Catalogue, CatalogueQuestion } from '../../store/index.ts';
import { checkProposal } from './proposal.ts';

/** Field errors for everything in `item` the catalogue does not allow; empty when it fits. */
export function checkAgainstCatalogue(item: SubmissionItem, catalogue: Catalogue): FieldError[] {
  if (item.schemaVersion === 2) return checkProposal(item, catalogue);
  const errors: FieldError[] = [];
  const areaCode = item.location.areaCode;
  if (areaCode !== undefined && !catalogue.areaCodes.has(areaCode)) {
    errors.push({ path: 'location.areaCode', message: `${areaCode} is not a known delområde` });
  }
  const answers = item.answers ?? [];
  if (item.insatsId === undefined) {
    if (answers.length > 0) errors.push({ path: 'insatsId', message: 'answers need the insats they answer' });
    return errors;
  }
  const questions = catalogue.insatser.get(item.insatsId);
  if (questions === undefined) {
    errors.push({ path: 'insatsId', message: `${item.insatsId} is not a published insats` });
    return errors;
  }
  const answered = new Set<string>();
  answers.forEach((answer, i) => {
    const path = `answers.${i}`;
    if (answered.has(answer.questionId)) {
      errors.push({ path: `${path}.questionId`, message: 'this question is answered twice' });
      return;
    }
    answered.add(answer.questionId);
    const question = questions.get(`${answer.questionId}@${answer.questionVersion}`);
    if (question === undefined) {
      errors.push({
        path: `${path}.questionId`,
        message: `${answer.questionId} (version ${answer.questionVersion}) is not a question of this insats`,
      });
      return;
    }
    const problem = valueProblem(question, answer.value, item.schemaVersion);
    if (problem !== undefined) errors.push({ path: `${path}.value`, message: problem });
  });
  return errors;
}

/**
 * Why a value does not fit its question, or undefined when it does. "Don't know" is an answer
 * only from schema version 3 on, and only to a scale question version that offers it.
 */
function valueProblem(
  question: CatalogueQuestion,
  value: unknown,
  schemaVersion: number,
): string | undefined {
  const isOption = (v: unknown) => typeof v === 'string' && question.optionIds.includes(v);
  switch (question.kind) {
    case 'single':
      return isOption(value) ? undefined : 'must be one of the options of this question';
    case 'multiple':
      if (!Array.isArray(value) || !value.every(isOption))
        return 'must be a list of options of this question';
      return new Set(value).size === value.length ? undefined : 'must not name an option twice';
    case 'scale':
      if (value === DONT_KNOW && schemaVersion >= 3) {
        return question.dontKnow ? undefined : 'this version of the question does not offer "don\'t know"';
      }
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
        ? undefined
        : 'must be a whole number from 1 to 5';
    case 'text':
      // Length is already limited by the wire schema.
      return typeof value === 'string' ? undefined : 'must be text';
  }
}
