import { describe, expect, it } from 'vitest';
import { isRetryable, withRetry } from './retry.ts';

const pgError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

/** A transaction that fails with the given errors first, then answers 'ok'. */
function failingFirst(...errors: Error[]) {
  let runs = 0;
  return {
    run: async () => {
      const err = errors[runs++];
      if (err) throw err;
      return 'ok';
    },
    runs: () => runs,
  };
}

describe('withRetry', () => {
  it('should run a transaction again after a serialization failure or a deadlock, then succeed', async () => {
    const tx = failingFirst(pgError('40001'), pgError('40P01'));
    await expect(withRetry(tx.run, { baseDelayMs: 0 })).resolves.toBe('ok');
    expect(tx.runs()).toBe(3);
  });

  it('should give up after the bounded number of attempts with the last error', async () => {
    const tx = failingFirst(...Array.from({ length: 10 }, () => pgError('40001')));
    await expect(withRetry(tx.run, { attempts: 3, baseDelayMs: 0 })).rejects.toThrow('40001');
    expect(tx.runs()).toBe(3);
  });

  it('should not retry other errors (a constraint violation is the input, not a collision)', async () => {
    const tx = failingFirst(pgError('23503'));
    await expect(withRetry(tx.run, { baseDelayMs: 0 })).rejects.toThrow('23503');
    expect(tx.runs()).toBe(1);
  });

  it('should only call 40001 and 40P01 retryable', () => {
    expect(isRetryable(pgError('40001'))).toBe(true);
    expect(isRetryable(pgError('40P01'))).toBe(true);
    expect(isRetryable(pgError('57014'))).toBe(false); // statement timeout: do not pile on
    expect(isRetryable(new Error('SQLITE_BUSY'))).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });
});
