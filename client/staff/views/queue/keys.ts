/**
 * Keyboard shortcuts of the queue: single letters, never while typing (a field, a select, an
 * editable area) and never with Ctrl, Alt or Cmd (the browser's and assistive technology's own).
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

/** The shortcut an event means, or null. */
export function shortcutFor(e: KeyInput): Shortcut | null {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return null;
  return SHORTCUTS.find((s) => s.key === e.key)?.action ?? null;
}
