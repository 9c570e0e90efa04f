/**
 * Where a text selection lies inside one field of a queue item, as offsets into the field's text
 * as stored. The field's element holds the text (plain and in <mark>) and flag labels marked
 * `data-label`, which are not part of the text and are skipped when counting.
 */

/** Whether `node` is inside an element that is not part of the field's text. */
function isLabel(node: Node, root: Element): boolean {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement)
    if (el.hasAttribute('data-label')) return true;
  return false;
}

/** The offset in `root`'s own text of the boundary point (`node`, `offset`). */
function offsetOf(root: Element, node: Node, offset: number): number {
  const point = document.createRange();
  point.setStart(node, offset);
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const length = text.nodeValue?.length ?? 0;
    if (text === node) {
      if (!isLabel(text, root)) count += offset;
      break;
    }
    // Text nodes wholly before the point count; the first one after it ends the walk.
    if (point.comparePoint(text, length) > 0) break;
    if (!isLabel(text, root)) count += length;
  }
  return count;
}

/** A selection inside one field: its name and the span (`end` exclusive). */
export interface FieldSelection {
  field: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The current selection when it lies inside one `[data-field]` element within `container`
 * (an item); undefined when there is none, it is empty, or it spans fields.
 */
export function selectionIn(container: Element): FieldSelection | undefined {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const startEl =
    range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const endEl = range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement;
  const field = startEl?.closest('[data-field]');
  if (!field || !container.contains(field) || endEl?.closest('[data-field]') !== field) return undefined;
  const start = offsetOf(field, range.startContainer, range.startOffset);
  const end = offsetOf(field, range.endContainer, range.endOffset);
  const name = field.getAttribute('data-field');
  if (!name || end <= start) return undefined;
  const whole = field.getAttribute('data-text') ?? '';
  return { field: name, start, end, text: whole.slice(start, end) };
}
