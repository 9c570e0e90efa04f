/**
 * Passwords of local staff accounts: hashing with scrypt (memory-hard, in node:crypto) and the
 * policy a new password must meet.
 *
 * A hash is self-describing, `scrypt$N=32768,r=8,p=3$<salt>$<key>` (base64url), so the cost
 * can be raised later: old hashes still verify with the parameters they were made with, and
 * {@link needsRehash} says when to replace one at the next sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from '../../../common/wire/staff.ts';

/** scrypt cost: N (memory and CPU, a power of two), r (block size), p (parallelism). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt recommendation in its 32 MiB form (N=2^15, r=8, p=3, as strong as
 * N=2^17, p=1 with a quarter of the memory): about 0.3 s of one core per hash, and a small
 * server can run several at once without running out of memory.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Bounds on stored parameters: a corrupt or hostile hash string must not exhaust memory. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

const HASH_FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** The same text typed on different devices (å composed or not) is the same password. */
function normalize(password: string): string {
  return password.normalize('NFKC');
}

function derive(password: string, salt: Buffer, params: ScryptParams, bytes: number): Promise<Buffer> {
  // Memory is 128·N·r bytes (plus a little); maxmem must allow it, node's default is 32 MiB.
  const maxmem = 256 * params.N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalize(password), salt, bytes, { ...params, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh salt; `params` only for tests that need cheap hashes. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** The parts of a stored hash, or undefined when it is not one this module could have made. */
function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const m = HASH_FORMAT.exec(stored);
  if (!m) return undefined;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const powerOfTwo = params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N || params.r < 1 || params.r > MAX_R || params.p < 1 || params.p > MAX_P)
    return undefined;
  const salt = Buffer.from(m[4] as string, 'base64url');
  const key = Buffer.from(m[5] as string, 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return undefined;
  return { params, salt, key };
}

/**
 * Whether `password` matches `stored`. With no stored hash (an unknown account, or one that
 * signs in through the identity provider only) it still spends one scrypt run at the default
 * cost and answers false, so the time taken does not tell whether an account exists.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = stored ? parse(stored) : undefined;
  if (!parsed) {
    await derive(password, randomBytes(SALT_BYTES), DEFAULT_SCRYPT, KEY_BYTES);
    return false;
  }
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** Whether a (verified) hash was made with other parameters than today's: hash it again. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return (
    N !== DEFAULT_SCRYPT.N ||
    r !== DEFAULT_SCRYPT.r ||
    p !== DEFAULT_SCRYPT.p ||
    parsed.key.length !== KEY_BYTES ||
    parsed.salt.length !== SALT_BYTES
  );
}

let zxcvbn: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

/** Built on first use: the dictionaries take a moment, and the server may never need them. */
function strength(): { zxcvbn: ZxcvbnFactory; common: Set<string> } {
  zxcvbn ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  commonPasswords ??= new Set(common.dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return { zxcvbn, common: commonPasswords };
}

/** Words anyone would try first against a Kraftsamla account. */
const CONTEXT_WORDS = ['kraftsamla', 'malmo', 'malmö', 'malmostad', 'malmöstad'];

/**
 * Checks a new password; resolves with a plain-language reason it is refused, or null when it
 * is fine. At least {@link MIN_PASSWORD_CHARS} characters, at most {@link MAX_PASSWORD_CHARS},
 * not a common password, not built on the account's e-mail address, and not easy to guess
 * (zxcvbn score 3 or more: a few unrelated words pass, `Password2024!` does not).
 */
export function passwordProblem(password: string, email?: string): string | null {
  const chars = [...normalize(password)].length;
  if (chars < MIN_PASSWORD_CHARS) return `Use at least ${MIN_PASSWORD_CHARS} characters.`;
  if (chars > MAX_PASSWORD_CHARS) return `Use at most ${MAX_PASSWORD_CHARS} characters.`;
  const { zxcvbn, common } = strength();
  const lower = normalize(password).toLowerCase();
  if (common.has(lower)) return 'This password is on a list of common passwords. Choose another.';
  const local = email?.split('@')[0]?.toLowerCase() ?? '';
  // Two-letter local parts (`jo@…`) would forbid half the alphabet's pairs: from three up.
  if (local.length >= 3 && lower.includes(local)) {
    return 'The password must not contain the e-mail address. Choose another.';
  }
  const inputs = [...CONTEXT_WORDS, ...(email ? [email.toLowerCase(), local] : [])];
  if (zxcvbn.check(password, inputs).score < 3) {
    return 'This password is too easy to guess. Several unrelated words together are easy to remember and hard to guess.';
  }
  return null;
}
