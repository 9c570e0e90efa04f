import { expect, test } from './support/fixtures.ts';
import { answerFirstInsats, chooseArea, leaveComment, openMyInput, openStart } from './support/journeys.ts';

test('a young person online answers an insats and comments, and both reach the server tagged to the chosen delområde', async ({
  page,
  server,
}) => {
  await openStart(page);
  await chooseArea(page, 'Södra Sofielund');
  const answerId = await answerFirstInsats(page);
  const commentId = await leaveComment(page, 'Vi behöver fler platser att vara på efter skolan.');

  await openMyInput(page);
  await expect(page.getByTestId('sent-list').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('waiting-list')).toHaveCount(0);

  const rows = server.query<{ id: string; kind: string; area_code: string; source: string }>(
    'SELECT s.id, s.kind, t.area_code, t.source FROM submissions s JOIN tags t ON t.submission_id = s.id WHERE t.is_primary = 1 ORDER BY s.kind',
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(byId.get(answerId)).toMatchObject({ kind: 'answer', area_code: '11319', source: 'chosen' });
  expect(byId.get(commentId)).toMatchObject({ kind: 'comment', area_code: '11319', source: 'chosen' });
});
