/**
 * Notices items the browser deleted before they were sent. Under storage pressure Chromium and
 * Firefox delete an origin's IndexedDB but keep its localStorage, so the ids the device expects to
 * hold (saved, not yet sent) are also listed in localStorage. An id listed there but missing from
 * the outbox was thrown away by the browser; the person removing an item un-lists it first.
 *
 * Order matters for tabs saving at the same time: a save writes IndexedDB, then the list; a check
 * reads the list, then IndexedDB. So an id read from the list is always already in the outbox.
 */
const EXPECTED_KEY = 'kraftsamla-expected';
const LOST_KEY = 'kraftsamla-lost';

/** The part of `Storage` used here (this file is also type-checked for the service worker). */
interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Pages only: a service worker has no localStorage (and never removes items). */
function storage(): StorageLike | undefined {
  try {
    return (globalThis as { localStorage?: StorageLike }).localStorage;
  } catch {
    return undefined;
  }
}

export function readExpected(): string[] {
  try {
    const raw = storage()?.getItem(EXPECTED_KEY);
    const ids = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function writeExpected(ids: Iterable<string>): void {
  try {
    storage()?.setItem(EXPECTED_KEY, JSON.stringify([...ids]));
  } catch {
    // Full or blocked: the check is only a safety net.
  }
}

/** After an item is in the outbox. */
export function expectItem(id: string): void {
  const ids = new Set(readExpected());
  ids.add(id);
  writeExpected(ids);
}

/** Before the person removes an item (it is not lost). */
export function forgetItem(id: string): void {
  writeExpected(readExpected().filter((x) => x !== id));
}

/** How many items the browser has deleted so far on this device. */
export function lostCount(): number {
  const n = Number(storage()?.getItem(LOST_KEY) ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * Compares the list with the outbox (`read` runs after the list is read): adds the missing to the
 * lost count and lists what is still unsent. Returns the lost count.
 */
export async function reconcile(read: () => Promise<{ id: string; state: string }[]>): Promise<number> {
  const expected = readExpected();
  const records = await read();
  const held = new Set(records.map((r) => r.id));
  const missing = expected.filter((id) => !held.has(id)).length;
  const s = storage();
  if (missing > 0) s?.setItem(LOST_KEY, String(lostCount() + missing));
  const stillExpected = new Set(readExpected().filter((id) => held.has(id) || !expected.includes(id)));
  for (const r of records) if (r.state === 'sent') stillExpected.delete(r.id);
  writeExpected(stillExpected);
  return lostCount();
}

/** The person cleared the phone: nothing is expected any more. */
export function clearLedger(): void {
  try {
    storage()?.removeItem(EXPECTED_KEY);
    storage()?.removeItem(LOST_KEY);
  } catch {
    // Nothing to clear.
  }
}
