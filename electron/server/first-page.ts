import { dispatch } from '../engine/api/dispatch';
import type { Engine } from '../engine/engine';

/** The element the renderer reads its first page from (renderer/src/features/browser/prefetch.ts). */
export const FIRST_PAGE_ELEMENT_ID = 'kurasi-first-page';

/**
 * The corpus browser's first page, written into the page itself as a JSON data block (never executed, so the
 * strict script policy is unaffected): the first rows are drawn as soon as the script has started, without
 * a request that could only leave after the whole bundle has been evaluated. Null when the corpus cannot answer
 * (the page then asks as usual).
 */
export async function firstPageBlock(engine: Engine, timing: boolean): Promise<string | null> {
  const started = performance.now();
  const result = await dispatch(engine, 'documents.list', { offset: 0, limit: 100 });
  if (timing) process.stderr.write(`kurasi-timing documents.list ${(performance.now() - started).toFixed(2)}\n`);
  if (!result.ok) return null;
  // "<" escaped: the JSON can then never close the element or open a comment, whatever the documents contain.
  const json = JSON.stringify(result.value).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">${json}</script>`;
}

/**
 * index.html with the block at the end of the body, after the stylesheet and the module script the parser must
 * find first (a module script runs after the whole document is parsed, so the block is there when it starts).
 * Unchanged when there is no block or no body.
 */
export function withFirstPage(html: string, block: string | null): string {
  if (!block) return html;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html : html.slice(0, at) + block + html.slice(at);
}
