/**
 * Receipts: what a device keeps to ask later what happened to its input, without login.
 */
import { randomBytes } from 'node:crypto';

const RECEIPT_BYTES = 16;
// Random bytes are drawn 256 receipts at a time: one call into the CSPRNG per call
// cost more than the rest of making a receipt, and a batch needs up to 100.
const POOL_BYTES = RECEIPT_BYTES * 256;
let pool = Buffer.alloc(0);
let offset = 0;

/** 128 random bits, base64url: 22 characters, unrelated to the submission id. */
export function newReceipt(): string {
  if (offset + RECEIPT_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const receipt = pool.toString('base64url', offset, offset + RECEIPT_BYTES);
  // Each byte is used once; wipe it so the pool never holds receipts already issued.
  pool.fill(0, offset, offset + RECEIPT_BYTES);
  offset += RECEIPT_BYTES;
  return receipt;
}
