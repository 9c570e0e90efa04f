import { describe, expect, it } from 'vitest';
import { type KeyInput, shortcutFor } from './keys.ts';

const press = (key: string, target: KeyInput['target'] = { tagName: 'BODY' }, mods = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('queue keyboard shortcuts', () => {
  it('should map the letters shown on screen to their actions', () => {
    expect(['j', 'k', 'x', 'a', 'r', 'h'].map((k) => shortcutFor(press(k)))).toEqual([
      'next',
      'previous',
      'select',
      'approve',
      'reject',
      'hide',
    ]);
    expect(shortcutFor(press('q'))).toBeNull();
  });

  it('should not fire while typing in a field, a text area, a select or editable text', () => {
    expect(shortcutFor(press('a', { tagName: 'INPUT', type: 'text' }))).toBeNull();
    expect(shortcutFor(press('a', { tagName: 'INPUT', type: 'date' }))).toBeNull();
    expect(shortcutFor(press('a', { tagName: 'TEXTAREA' }))).toBeNull();
    expect(shortcutFor(press('j', { tagName: 'SELECT' }))).toBeNull();
    expect(shortcutFor(press('h', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
  });

  it('should still fire from a checkbox or a button, which take no typing', () => {
    expect(shortcutFor(press('x', { tagName: 'INPUT', type: 'checkbox' }))).toBe('select');
    expect(shortcutFor(press('j', { tagName: 'BUTTON' }))).toBe('next');
  });

  it('should leave Ctrl, Alt and Cmd combinations to the browser', () => {
    expect(shortcutFor(press('a', undefined, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('r', undefined, { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('h', undefined, { altKey: true }))).toBeNull();
  });

  it('should not fire for a key pressed outside the list of items', () => {
    expect(shortcutFor(press('a', { tagName: 'A' }), false)).toBeNull();
    expect(shortcutFor(press('a', { tagName: 'BODY' }), false)).toBeNull();
    expect(shortcutFor(press('a', { tagName: 'ARTICLE' }), true)).toBe('approve');
  });
});
