/**
 * Splits one well-formed CSV record the way fast-csv would (quote `"`, doubled quote as escape, no trimming),
 * or returns null when the record has anything unusual — a quote inside an unquoted field, text after a closing
 * quote, an unclosed quote — so that fast-csv itself parses (or rejects) it. fast-csv builds an object per
 * character of a quoted field (~5–30k rows/s here); this keeps the common case at the speed of the rest of the
 * import. tests/unit/import/csv-split.test.ts checks it against fast-csv.
 */
export function splitSimpleRecord(rec: string, delimiter: number): string[] | null {
  const fields: string[] = [];
  const n = rec.length;
  let i = 0;
  for (;;) {
    if (i < n && rec.charCodeAt(i) === 34) {
      let out = '';
      let start = i + 1;
      let j = start;
      for (;;) {
        const q = rec.indexOf('"', j);
        if (q === -1) return null;
        if (rec.charCodeAt(q + 1) === 34) {
          out += rec.slice(start, q + 1);
          start = q + 2;
          j = start;
          continue;
        }
        out += rec.slice(start, q);
        i = q + 1;
        break;
      }
      fields.push(out);
      if (i === n) return fields;
      if (rec.charCodeAt(i) !== delimiter) return null;
      i++;
      continue;
    }
    let end = i;
    while (end < n) {
      const c = rec.charCodeAt(end);
      if (c === delimiter) break;
      if (c === 34) return null;
      end++;
    }
    // fast-csv treats blanks at the edges of an unquoted field specially; leave those fields to it.
    if (end > i && (isBlank(rec.charCodeAt(i)) || isBlank(rec.charCodeAt(end - 1)))) return null;
    fields.push(rec.slice(i, end));
    if (end === n) return fields;
    i = end + 1;
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 12 || c === 11;
}
