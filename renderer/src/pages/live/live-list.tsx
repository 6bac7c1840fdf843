import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { windowRange } from '../../stores/live-feed.ts';

/** How far below its last place the anchor row is looked for before the whole list is searched. */
const NEAR = 500;

/** The index of `key`, looked for from `from` on first (rows put in above it push it down). */
function indexNear<T>(items: readonly T[], itemKey: (item: T) => string, key: string, from: number): number {
  for (let i = Math.max(0, from), end = Math.min(items.length, from + NEAR); i < end; i++) if (itemKey(items[i]!) === key) return i;
  return items.findIndex((item) => itemKey(item) === key);
}

/**
 * A list that draws only the rows in view (plus a few): fixed row height, any number of items.
 * `onTop` says whether the guard is at the top (new rows then go straight in). When the guard has
 * scrolled down and rows are put in above the one at the top of the view (a late event placed by its
 * time), the list scrolls by as much, so what the guard reads stays where it was.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  itemKey,
  renderRow,
  onTop,
  scrollRef,
  testId,
}: {
  items: readonly T[];
  rowHeight: number;
  height: number;
  itemKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  onTop: (atTop: boolean) => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  testId: string;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const anchor = useRef<{ key: string; index: number } | null>(null);
  const range = windowRange(scrollTop, height, rowHeight, items.length);

  const remember = (top: number) => {
    const first = Math.floor(top / rowHeight);
    const item = items[first];
    anchor.current = item === undefined ? null : { key: itemKey(item), index: first };
  };

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const held = anchor.current;
    if (held && element.scrollTop > 0) {
      const index = indexNear(items, itemKey, held.key, held.index);
      if (index >= 0 && index !== held.index) {
        element.scrollTop += (index - held.index) * rowHeight;
        setScrollTop(element.scrollTop);
      }
    }
    remember(element.scrollTop);
    // Only when the rows change: scrolling keeps the anchor itself (onScroll).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);

  return (
    <div
      ref={scrollRef}
      className="live-scroll"
      style={{ height }}
      data-testid={testId}
      data-count={items.length}
      role="list"
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        setScrollTop(top);
        remember(top);
        onTop(top < rowHeight / 2);
      }}
    >
      <div style={{ height: range.total, position: 'relative' }}>
        <div style={{ position: 'absolute', top: range.offset, left: 0, right: 0 }}>
          {items.slice(range.start, range.end).map((item) => (
            <div key={itemKey(item)} role="listitem" style={{ height: rowHeight }} className="live-row-slot">
              {renderRow(item)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
