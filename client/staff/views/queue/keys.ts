/**
 * Keyboard shortcuts of the queue: single letters, only while focus is in the list of items (an
 * item, or a control inside one; WCAG 2.1.4: active only when that component has focus), never
 * while typing (a field, a select, an editable area), never with Ctrl, Alt or Cmd (the browser's
 * and assistive technology's own), and not at all when the person has switched them off.
 */

export type Shortcut = 'next' | 'previous' | 'select' | 'approve' | 'reject' | 'hide';

/** The shortcuts, in the order the screen lists them. */
export const SHORTCUTS: readonly { key: string; action: Shortcut }[] = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'x', action: 'select' },
  { key: 'a', action: 'approve' },
  { key: 'r', action: 'reject' },
  { key: 'h', action: 'hide' },
];

/** The parts of a keyboard event (and its target) that decide; a plain object in tests. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Inputs that take no typing: a shortcut still works while one has focus. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Whether focus is somewhere a letter is typed rather than a command. */
export function isTyping(target: KeyInput['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase() ?? '';
  if (!TYPING.has(tag)) return false;
  return !(tag === 'INPUT' && NOT_TYPED.has((target.type ?? 'text').toLowerCase()));
}

/**
 * The shortcut an event means, or null. `inList`: whether the event's target is inside the
 * queue's list (the caller listens on the list, so a key pressed anywhere else never arrives).
 */
export function shortcutFor(e: KeyInput, inList = true): Shortcut | null {
  if (!inList || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return null;
  return SHORTCUTS.find((s) => s.key === e.key)?.action ?? null;
}

/**
 * Whether shortcuts are on for this staff user in this browser (on unless switched off). Kept in
 * localStorage, not on the server: it is how one person likes one keyboard to behave, needs no
 * account data or migration, and a browser without storage simply keeps the default.
 */
export function shortcutsOn(userId: string): boolean {
  try {
    return localStorage.getItem(shortcutsKey(userId)) !== 'off';
  } catch {
    return true;
  }
}

/** Remembers the switch for this staff user in this browser. */
export function setShortcutsOn(userId: string, on: boolean): void {
  try {
    if (on) localStorage.removeItem(shortcutsKey(userId));
    else localStorage.setItem(shortcutsKey(userId), 'off');
  } catch {
    // Private mode without storage: the choice lasts until the page is left.
  }
}

const shortcutsKey = (userId: string) => `kraftsamla.staff.shortcuts.${userId}`;
