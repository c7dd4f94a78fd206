/**
 * Fixed-height row virtualization with a capped scroll height. A million rows of 30 px would be a 30M-pixel
 * element: past what some engines can scroll (Firefox stops near 17.9M px, Chromium near 33.5M) and a 1M-entry
 * measurement table in a generic virtualizer. Rows all have the same height, so the row at any scroll position is
 * arithmetic; beyond `MAX_SCROLL_PX` the scrollbar is scaled (one real pixel stands for several row pixels).
 */
export const MAX_SCROLL_PX = 8_000_000;

export interface Viewport {
  /** The scroll element's scrollTop (real pixels). */
  scrollTop: number;
  /** Its visible height. */
  height: number;
}

export interface VirtualLayout {
  /** Height of the scrollable content (real pixels). */
  contentHeight: number;
  /** Real pixels per row pixel: 1 unless the rows are taller than MAX_SCROLL_PX. */
  scale: number;
  /** Row pixels scrolled past (the top of the view in row space). */
  virtualTop: number;
  /** First and last row in view (inclusive); -1 when there are no rows. */
  firstVisible: number;
  lastVisible: number;
  /** First and last row to draw (view plus overscan). */
  first: number;
  last: number;
  /** Where row `first` starts inside the content (real pixels). */
  windowTop: number;
}

export function virtualLayout(total: number, rowHeight: number, vp: Viewport, overscan = 6, maxPx = MAX_SCROLL_PX): VirtualLayout {
  const virtualHeight = total * rowHeight;
  const contentHeight = Math.min(virtualHeight, maxPx);
  const height = Math.max(0, vp.height);
  if (total <= 0) return { contentHeight: 0, scale: 1, virtualTop: 0, firstVisible: -1, lastVisible: -1, first: 0, last: -1, windowTop: 0 };
  const maxReal = Math.max(0, contentHeight - height);
  const maxVirtual = Math.max(0, virtualHeight - height);
  const scale = virtualHeight > maxPx && maxVirtual > 0 ? maxReal / maxVirtual : 1;
  const top = Math.min(Math.max(0, vp.scrollTop), maxReal);
  const virtualTop = scale === 1 ? top : Math.min(maxVirtual, top / scale);
  const firstVisible = Math.min(total - 1, Math.floor(virtualTop / rowHeight));
  const lastVisible = Math.min(total - 1, Math.max(firstVisible, Math.ceil((virtualTop + height) / rowHeight) - 1));
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(total - 1, lastVisible + overscan);
  return { contentHeight, scale, virtualTop, firstVisible, lastVisible, first, last, windowTop: top + first * rowHeight - virtualTop };
}

/** The scrollTop that shows `index` (align 'auto': only scrolls when the row is not fully in view). */
export function scrollTopFor(index: number, rowHeight: number, layout: VirtualLayout, viewHeight: number): number | null {
  const rowTop = index * rowHeight;
  let virtualTop: number;
  if (rowTop < layout.virtualTop) virtualTop = rowTop;
  else if (rowTop + rowHeight > layout.virtualTop + viewHeight) virtualTop = rowTop + rowHeight - viewHeight;
  else return null;
  return Math.max(0, virtualTop * layout.scale);
}
