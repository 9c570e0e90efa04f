/** Test support for the moderation routes. Not used by the app. */
import { randomUUID } from 'node:crypto';
import type { SubmissionV1 } from '../../../common/wire/index.ts';
import { commentItem } from '../../test/index.ts';

/** A comment from a device of its own (one device repeating itself is flagged near-duplicate). */
export function ownComment(text: string, over: Partial<SubmissionV1> = {}): SubmissionV1 {
  return commentItem({ text, deviceId: `device-${randomUUID().slice(0, 12)}`, ...over });
}
