import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, scrollTopFor, virtualLayout } from '../../../renderer/src/components/DataTable/virtual';

describe('table virtualization (fixed row height, scaled scrollbar)', () => {
  it('maps scrollTop to rows one to one while the rows fit under the cap', () => {
    const l = virtualLayout(1000, 30, { scrollTop: 300, height: 600 }, 5);
    expect(l.scale).toBe(1);
    expect(l.contentHeight).toBe(30_000);
    expect([l.firstVisible, l.lastVisible, l.first, l.last]).toEqual([10, 29, 5, 34]);
    expect(l.windowTop).toBe(150);
  });

  it('caps the content height for a million rows and still reaches every row, first and last included', () => {
    const total = 1_000_000;
    const h = 600;
    const top = virtualLayout(total, 30, { scrollTop: 0, height: h });
    expect(top.contentHeight).toBe(MAX_SCROLL_PX);
    expect(top.scale).toBeLessThan(1);
    expect(top.firstVisible).toBe(0);
    const bottom = virtualLayout(total, 30, { scrollTop: MAX_SCROLL_PX - h, height: h });
    expect(bottom.lastVisible).toBe(total - 1);
    // The drawn window ends exactly at the end of the content (nothing drawn past the scrollable height).
    expect(bottom.windowTop + (bottom.last - bottom.first + 1) * 30).toBeCloseTo(MAX_SCROLL_PX, 6);
    // The row the bench jumps to: scrollTop = index × row height × scale puts it at the top.
    const jump = virtualLayout(total, 30, { scrollTop: 900_000 * 30 * top.scale, height: h });
    expect(jump.firstVisible).toBe(900_000);
    // The window is drawn where the view is, in real pixels.
    expect(jump.windowTop).toBeLessThanOrEqual(900_000 * 30 * top.scale);
    expect(jump.windowTop + (jump.last - jump.first + 1) * 30).toBeGreaterThan(900_000 * 30 * top.scale + h);
  });

  it('scrolls a row into view only when it is not fully visible', () => {
    const total = 1_000_000;
    const l = virtualLayout(total, 30, { scrollTop: 0, height: 600 });
    expect(scrollTopFor(5, 30, l, 600)).toBeNull();
    const down = scrollTopFor(25, 30, l, 600);
    expect(down).not.toBeNull();
    const after = virtualLayout(total, 30, { scrollTop: down ?? 0, height: 600 });
    expect(after.lastVisible).toBeGreaterThanOrEqual(25);
    expect(after.firstVisible).toBeLessThanOrEqual(25);
    const far = scrollTopFor(700_000, 30, l, 600) ?? 0;
    const there = virtualLayout(total, 30, { scrollTop: far, height: 600 });
    expect(there.firstVisible).toBeLessThanOrEqual(700_000);
    expect(there.lastVisible).toBeGreaterThanOrEqual(700_000);
  });

  it('draws nothing for an empty source', () => {
    const l = virtualLayout(0, 30, { scrollTop: 0, height: 600 });
    expect(l.last).toBeLessThan(l.first);
    expect(l.contentHeight).toBe(0);
  });
});
