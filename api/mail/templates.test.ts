import { describe, expect, it } from 'vitest';
import { answerMail, digestMail, publicLink } from './templates.ts';

const input = {
  insatsTitle: 'Tryggare Malmö',
  answer: 'Vi sätter upp fler lampor i vår.',
  myInputUrl: 'https://delta.example.se/mina-svar',
};

describe('answerMail', () => {
  it.each([
    ['sv', 'Svar på ditt inspel: Tryggare Malmö', 'Svaret är offentligt'],
    ['en', 'Answer to your input: Tryggare Malmö', 'The answer is public'],
    ['ar', 'ردّ على مشاركتك: Tryggare Malmö', 'الردّ علني'],
    ['ar-SE', 'ردّ على مشاركتك: Tryggare Malmö', 'الردّ علني'],
    ['so', 'Svar på ditt inspel: Tryggare Malmö', 'Svaret är offentligt'],
  ])(
    'should write in the submission language %s (Swedish otherwise), with the answer and the link',
    (locale, subject, pub) => {
      const mail = answerMail({ ...input, locale });
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(input.answer);
      expect(mail.text).toContain(pub);
      expect(mail.text).toContain('https://delta.example.se/mina-svar');
      expect(mail.html).toBeNull();
    },
  );

  it('should keep the subject on one line, and do without an insats', () => {
    expect(answerMail({ ...input, locale: 'sv', insatsTitle: 'Rad ett\r\nBcc: x@example.org' }).subject).toBe(
      'Svar på ditt inspel: Rad ett Bcc: x@example.org',
    );
    expect(answerMail({ ...input, locale: 'en', insatsTitle: null }).subject).toBe(
      'The City of Malmö has answered your input',
    );
  });
});

describe('digestMail', () => {
  it('should give the counts and the link to the queue', () => {
    const mail = digestMail({
      counts: { flaggedPending: 3, pending: 10, newProposals: 2 },
      date: '2026-11-24',
      reviewUrl: publicLink('https://delta.example.se/', '/personal/granska'),
    });
    expect(mail.subject).toBe('Kraftsamla: 3 flaggade, 10 väntar, 2 nya förslag');
    expect(mail.text).toContain('Flaggade inspel som väntar på granskning: 3');
    expect(mail.text).toContain('New proposals since the last digest: 2');
    expect(mail.text).toContain('https://delta.example.se/personal/granska');
  });
});
