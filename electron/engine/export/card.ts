// The dataset card (README.md with a Hugging Face YAML header) and attribution.csv written beside the shards.
// Nothing here reads the clock: the card is as deterministic as the shards.
import type { ExportOptions, ExportPreview, ExportShard } from '../../../shared/contract/export';
import { combineLicenses, NOASSERTION, tryParseExpression, type SpdxNode } from '../../../shared/license';
import type { ExportSource, Gatekeeper } from './gate';

const HF_LICENSES: Record<string, string> = {
  'Apache-2.0': 'apache-2.0',
  MIT: 'mit',
  'CC0-1.0': 'cc0-1.0',
  'ODC-By-1.0': 'odc-by',
  'ODbL-1.0': 'odbl',
  'PDDL-1.0': 'pddl',
  'GPL-2.0-only': 'gpl-2.0',
  'GPL-2.0-or-later': 'gpl-2.0',
  'GPL-3.0-only': 'gpl-3.0',
  'GPL-3.0-or-later': 'gpl-3.0',
  'BSD-2-Clause': 'bsd-2-clause',
  'BSD-3-Clause': 'bsd-3-clause',
  'CDLA-Permissive-1.0': 'cdla-permissive-1.0',
  'CDLA-Permissive-2.0': 'cdla-permissive-2.0',
  'CDLA-Sharing-1.0': 'cdla-sharing-1.0',
  Unlicense: 'unlicense',
};

function licenseIds(node: SpdxNode, out: string[]): void {
  if ('license' in node) out.push(node.license);
  else {
    licenseIds(node.left, out);
    licenseIds(node.right, out);
  }
}

/** Hugging Face `license:` ids for an SPDX expression: `other` for anything HF has no id for, `unknown` without a licence. */
export function hfLicenses(expr: string): string[] {
  if (!expr || expr === NOASSERTION || expr === 'NONE') return ['unknown'];
  const node = tryParseExpression(expr);
  if (!node) return ['other'];
  const ids: string[] = [];
  licenseIds(node, ids);
  return ids.map((id) => HF_LICENSES[id] ?? (/^CC-/.test(id) ? id.toLowerCase() : 'other'));
}

const HF_LANG: Record<string, string> = { ind: 'id', jav: 'jv', sun: 'su', eng: 'en', zlm: 'ms', zsm: 'ms', msa: 'ms' };

/** ISO 639-1 where one exists (what the Hub filters on), else the ISO 639-3 code. */
export function hfLanguage(code: string): string | null {
  if (code === 'und') return null;
  return HF_LANG[code] ?? code;
}

export function sizeCategory(n: number): string {
  const steps: [number, string][] = [
    [1e3, 'n<1K'],
    [1e4, '1K<n<10K'],
    [1e5, '10K<n<100K'],
    [1e6, '100K<n<1M'],
    [1e7, '1M<n<10M'],
    [1e8, '10M<n<100M'],
    [1e9, '100M<n<1B'],
  ];
  for (const [limit, label] of steps) if (n < limit) return label;
  return 'n>1B';
}

const yamlStr = (s: string) => JSON.stringify(s);
const fmt = (n: number) => n.toLocaleString('en-US');
const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export interface CardInput {
  options: ExportOptions;
  preview: ExportPreview;
  shards: ExportShard[];
  gate: Gatekeeper;
  snapshotId: string;
  version: string;
}

/** Sources with exported documents whose licence asks for attribution (unknown licences do too). */
export function attributionSources(input: CardInput): { source: ExportSource; license: string; documents: number }[] {
  const out: { source: ExportSource; license: string; documents: number }[] = [];
  for (const s of input.gate.sources.values()) {
    const documents = input.preview.bySource[s.name]?.documents ?? 0;
    if (!documents) continue;
    const d = input.gate.forSource(s.id);
    if (d.decision.flags.attribution || !d.decision.flags.expression) out.push({ source: s, license: d.license, documents });
  }
  return out.sort((a, b) => a.source.name.localeCompare(b.source.name, 'en'));
}

/**
 * Where a source came from, as a published dataset may say it: a URL as it is, a local path only by its file or
 * folder name (the curator's folders and user name are nobody's business).
 */
export function publicOrigin(origin: string): string {
  // An import of several paths records them joined by ", ".
  const one = (o: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(o) ? o : (o.split(/[\\/]/).filter(Boolean).pop() ?? ''));
  return origin.split(', ').map(one).join(', ');
}

export function attributionRows(input: CardInput): string[][] {
  return [
    ['source', 'origin', 'license', 'terms_url', 'documents'],
    ...attributionSources(input).map((a) => [a.source.name, publicOrigin(a.source.origin), a.license, a.source.termsUrl ?? '', String(a.documents)]),
  ];
}

export function datasetCard(input: CardInput): string {
  const { options: o, preview: p, shards } = input;
  const licences = [...new Set(Object.keys(p.byLicense).flatMap(hfLicenses))].sort();
  const langs = [...new Set(Object.keys(p.byLanguage).map(hfLanguage).filter((l): l is string => !!l))].sort();
  const keys = [...new Set(shards.map((s) => s.shardKey))].sort();
  const ext = o.format;
  const y: string[] = ['---'];
  if (licences.length === 1) y.push(`license: ${licences[0]}`);
  else if (licences.length) y.push('license:', ...licences.map((l) => `- ${l}`));
  else y.push('license: unknown');
  if (langs.length) y.push('language:', ...langs.map((l) => `- ${l}`));
  y.push(`pretty_name: ${yamlStr(o.name)}`, 'size_categories:', `- ${sizeCategory(p.included.documents)}`);
  y.push('task_categories:', '- text-generation', 'configs:');
  keys.forEach((k, i) => {
    y.push(`- config_name: ${k}`, '  data_files:', '  - split: train', `    path: ${yamlStr(`data/${k}/*.${ext}`)}`);
    if (i === 0) y.push('  default: true');
  });
  if (!keys.length) y.pop();
  y.push('---', '');

  const L: string[] = [...y];
  L.push(`# ${o.name}`, '');
  L.push(
    `Exported with Kurasi ${input.version} from corpus snapshot \`${input.snapshotId}\`: ${fmt(p.included.documents)} documents, ` +
      `${fmt(p.included.characters)} characters, ${shards.length} shard(s) in ${o.format}. ` +
      'Every file is listed with its SHA-256 in `manifest.json`.',
    '',
  );
  L.push(
    'Records hold `id`, `text`, `source`, `lang` (ISO 639-3, `und` when unknown) and `license` (SPDX)' +
      (o.meta.length ? `, plus ${o.meta.map((m) => `\`${m}\``).join(', ')}.` : '.'),
    '',
  );

  L.push('## Subsets (one per licence family)', '');
  L.push('Documents whose licences differ in use class, share-alike family or no-derivatives terms are never mixed in one shard.', '');
  L.push('| config | documents | licence of the subset | use | attribution | share-alike | no derivatives |', '|---|---:|---|---|---|---|---|');
  for (const k of keys) {
    const ss = shards.filter((s) => s.shardKey === k);
    const docs = ss.reduce((a, s) => a + s.documents, 0);
    const f = combineLicenses(ss.map((s) => s.license), input.gate.refs);
    L.push(`| ${k} | ${fmt(docs)} | ${mdCell(f.expression)} | ${f.use} | ${f.attribution ? 'yes' : 'no'} | ${f.shareAlike ?? 'no'} | ${f.noDerivatives ? 'yes' : 'no'} |`);
  }
  L.push('');

  L.push('## Languages', '', '| language | documents | characters |', '|---|---:|---:|');
  for (const [lang, c] of Object.entries(p.byLanguage).sort(([a], [b]) => a.localeCompare(b, 'en'))) L.push(`| ${lang} | ${fmt(c.documents)} | ${fmt(c.characters)} |`);
  L.push('', '## Licences', '', '| licence (SPDX) | documents | characters |', '|---|---:|---:|');
  for (const [lic, c] of Object.entries(p.byLicense).sort(([a], [b]) => a.localeCompare(b, 'en'))) L.push(`| ${mdCell(lic)} | ${fmt(c.documents)} | ${fmt(c.characters)} |`);
  L.push('', '## Sources', '', '| source | documents | characters |', '|---|---:|---:|');
  for (const [src, c] of Object.entries(p.bySource).sort(([a], [b]) => a.localeCompare(b, 'en'))) L.push(`| ${mdCell(src)} | ${fmt(c.documents)} | ${fmt(c.characters)} |`);

  L.push('', '## Attribution', '');
  const attr = attributionSources(input);
  if (!attr.length) L.push('No exported source requires attribution.');
  else {
    L.push('These sources require attribution (also in `attribution.csv`):', '');
    for (const a of attr) {
      const where = [publicOrigin(a.source.origin), a.source.termsUrl].filter((x) => x && x.trim()).join(', ');
      L.push(`- **${mdCell(a.source.name)}**${where ? ` (${mdCell(where)})` : ''} — ${a.license}, ${fmt(a.documents)} documents`);
    }
  }

  L.push('', '## How this export was made', '');
  L.push(`- Licence gate: \`${o.license}\` (${o.license === 'commercial' ? 'cleared sources whose licence allows commercial use' : 'sources cleared in licence review'}).`);
  L.push(`- Duplicates: ${o.dedupe === 'keep-only' ? 'documents marked duplicate were left out' : 'kept'}.`);
  L.push(`- Languages: ${o.langs.length ? o.langs.join(', ') : 'all'}. Quality: ${o.quality === 'pass' ? 'only documents that passed the quality rules' : 'not filtered'}.`);
  if (o.labels.length) L.push(`- Labels: ${o.labels.map((l) => `${l.question}=${l.value}`).join(', ')}.`);
  const red = shards.reduce<Record<string, number>>((acc, s) => {
    for (const [k, v] of Object.entries(s.redactions ?? {})) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  const redList = Object.entries(red).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${fmt(v)} ${k}`);
  L.push(
    `- Personal data: ${
      o.redactPii
        ? `confirmed findings and findings of confidence ≥ 0.8 nobody dismissed were replaced with typed tokens such as \`<NIK>\`${redList.length ? ` (${redList.join(', ')})` : ' (none found)'}; no-derivatives documents left out`
        : 'not redacted'
    }.`,
  );
  const ex = Object.entries(p.excluded).sort(([a], [b]) => a.localeCompare(b, 'en'));
  if (ex.length) L.push(`- Left out: ${ex.map(([r, n]) => `${fmt(n)} ${r}`).join(', ')}.`);

  L.push('', '## Known limitations', '');
  if (p.overriddenSources.length) {
    L.push(`- Exported **without licence clearance** (override recorded in the audit log: "${mdCell(o.overrideReason ?? '')}"): ${p.overriddenSources.join(', ')}.`);
  }
  for (const w of p.warnings.filter((w) => !w.startsWith('exported without clearance'))) L.push(`- ${mdCell(w)}`);
  if (p.byLanguage.und) L.push(`- ${fmt(p.byLanguage.und.documents)} documents have no detected language (\`und\`).`);
  if (p.byLicense[NOASSERTION]) L.push(`- ${fmt(p.byLicense[NOASSERTION].documents)} documents have no concluded licence (NOASSERTION); treat them as not for commercial use.`);
  L.push('- Language labels come from automatic identification unless a curator overrode them; closely related languages (Indonesian and Malay, regional languages) are confused most.');
  L.push('- Near-duplicate removal and quality rules are heuristics; some duplicates and low-quality text remain.');
  if (!o.redactPii) L.push('- Personal data was not redacted in this export.');
  else L.push('- PII redaction is pattern-based (identity numbers, phones, e-mail, accounts); names and addresses are not redacted.');
  L.push('- Licence conclusions are the reviewers\' reading of the sources\' terms, not legal advice.', '');
  return L.join('\n');
}
