import { describe, expect, it } from 'vitest';
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from '../../../common/wire/staff.ts';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, passwordProblem, verifyPassword } from './index.ts';

const CHEAP = { N: 1024, r: 8, p: 1 };
const GOOD = 'lila-kanot-hoppar-sju-gånger';

describe('hashPassword and verifyPassword', () => {
  it('should store scrypt with its parameters, and verify with the stored ones', async () => {
    const hash = await hashPassword(GOOD, CHEAP);
    expect(hash).toMatch(/^scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain(GOOD);
    expect(await verifyPassword(GOOD, hash)).toBe(true);
    expect(await verifyPassword(`${GOOD}x`, hash)).toBe(false);
  });

  it('should salt every hash, so the same password never gives the same string', async () => {
    expect(await hashPassword(GOOD, CHEAP)).not.toBe(await hashPassword(GOOD, CHEAP));
  });

  it('should hash with the default cost unless told otherwise', async () => {
    const hash = await hashPassword(GOOD);
    expect(hash.startsWith(`scrypt$N=${DEFAULT_SCRYPT.N},r=${DEFAULT_SCRYPT.r},p=${DEFAULT_SCRYPT.p}$`)).toBe(
      true,
    );
    expect(DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r * 128).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash(await hashPassword(GOOD, CHEAP))).toBe(true);
  });

  it('should treat a password typed with composed or decomposed å as the same password', async () => {
    const hash = await hashPassword('blå-kanot-hoppar-sju', CHEAP);
    expect(await verifyPassword('bla\u030a-kanot-hoppar-sju', hash)).toBe(true);
  });

  it('should refuse (not crash on) stored strings it did not make, and hostile parameters', async () => {
    for (const stored of [
      '',
      'plaintext',
      'scrypt$N=1000,r=8,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
      `scrypt$N=${2 ** 30},r=8,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5`,
      'bcrypt$2b$10$abc',
    ]) {
      expect(await verifyPassword(GOOD, stored)).toBe(false);
    }
  });

  it('should spend a full-cost scrypt run for an account without a hash (no enumeration by timing)', async () => {
    const real = await hashPassword(GOOD);
    const time = async (stored: string | null) => {
      const started = performance.now();
      await verifyPassword('some-guess-at-it', stored);
      return performance.now() - started;
    };
    // Warm up, then compare: an unknown account must cost about what a known one does.
    await time(real);
    const known = await time(real);
    const unknown = await time(null);
    expect(unknown).toBeGreaterThan(known * 0.5);
    expect(await verifyPassword('some-guess-at-it', null)).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('should accept a long pass phrase', () => {
    expect(passwordProblem(GOOD, 'anna.svensson@malmo.se')).toBeNull();
    expect(passwordProblem('Tr0ub4dor&3-korrekt-häst')).toBeNull();
  });

  it(`should refuse fewer than ${MIN_PASSWORD_CHARS} and more than ${MAX_PASSWORD_CHARS} characters`, () => {
    expect(passwordProblem('kW9#xq!2vL')).toBe(`Use at least ${MIN_PASSWORD_CHARS} characters.`);
    expect(passwordProblem('kW9#xq!2vLpT')).toBeNull();
    expect(passwordProblem(`${'kW9#xq!2vL-'.repeat(30)}`)).toBe(
      `Use at most ${MAX_PASSWORD_CHARS} characters.`,
    );
  });

  it('should count characters, not bytes or UTF-16 units', () => {
    // Eleven characters of which several take two UTF-16 units: still too short.
    expect(passwordProblem('🦊🐻🦉🐺🦔🐿🦦🦫🦡🦘🦥')).toBe(`Use at least ${MIN_PASSWORD_CHARS} characters.`);
  });

  it('should refuse a password from the common-password list, in any letter case', () => {
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/list of common passwords/);
    expect(passwordProblem('QWERTY123456')).toMatch(/list of common passwords/);
  });

  it("should refuse a password built on the account's e-mail address", () => {
    expect(passwordProblem('anna.svensson-2026-kanot', 'Anna.Svensson@malmo.se')).toMatch(/e-mail address/);
    // A two-letter local part forbids nothing.
    expect(passwordProblem('lila-jo-kanot-hoppar-sju', 'jo@malmo.se')).toBeNull();
  });

  it('should refuse a password that is long enough but easy to guess', () => {
    expect(passwordProblem('Password2024!')).toMatch(/too easy to guess/);
    expect(passwordProblem('kraftsamla2026')).toMatch(/too easy to guess/);
    expect(passwordProblem('abcdefgh1234')).toMatch(/too easy to guess/);
  });
});
