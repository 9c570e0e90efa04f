import type { ComponentChildren, Ref } from 'preact';

/**
 * A data table's scroll box: on a narrow screen a table keeps its columns and scrolls sideways
 * (WCAG 1.4.10 allows it for data tables). The box is a named region that takes keyboard focus,
 * so it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function TableRegion({
  labelledBy,
  children,
  regionRef,
}: {
  labelledBy: string;
  children: ComponentChildren;
  regionRef?: Ref<HTMLElement>;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section ref={regionRef} class="table-wrap" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
