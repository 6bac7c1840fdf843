import { useState, type ReactNode, type RefObject } from 'react';
import { windowRange } from '../../stores/live-feed.ts';

/**
 * A list that draws only the rows in view (plus a few): fixed row height, any number of items.
 * `onTop` says whether the guard is at the top (new rows then go straight in).
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
  const range = windowRange(scrollTop, height, rowHeight, items.length);
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
