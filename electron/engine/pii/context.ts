/**
 * Context words decide what a bare number is: the same 16 digits can be a NIK, a KK number, an
 * NPWP, a card or an order number. The nearest cue before the number wins; a cue right after it
 * ("… (NIK)") counts when nothing precedes.
 */
export type ContextKind = 'NIK' | 'KK' | 'NPWP' | 'CARD' | 'BANK' | 'PHONE' | 'PASSPORT' | 'NEGATIVE';

const CUES: Record<ContextKind, string[]> = {
  NIK: ['nik', 'ktp', 'e-ktp', 'ektp', 'nomor induk kependudukan', 'no induk kependudukan', 'kependudukan', 'identitas', 'kitas'],
  KK: ['kk', 'kartu keluarga', 'no kk', 'nomor kk', 'no. kk', 'kepala keluarga'],
  NPWP: ['npwp', 'wajib pajak', 'nomor pokok wajib pajak', 'pajak', 'tax id'],
  CARD: [
    'kartu kredit', 'kartu debit', 'credit card', 'debit card', 'nomor kartu', 'no kartu', 'no. kartu', 'card number',
    'visa', 'mastercard', 'master card', 'amex', 'american express', 'jcb', 'cc', 'cvv', 'kartu atm',
  ],
  BANK: [
    'rekening', 'rek', 'no rek', 'no. rek', 'norek', 'nomor rekening', 'account', 'a/c', 'transfer ke', 'tf ke',
    'bca', 'bri', 'bni', 'mandiri', 'bsi', 'btn', 'cimb', 'cimb niaga', 'danamon', 'permata', 'ocbc', 'nisp', 'panin',
    'maybank', 'bank mega', 'bukopin', 'sinarmas', 'bank jago', 'jago', 'seabank', 'bjb', 'muamalat', 'bank dki',
    'bpd', 'bank', 'btpn', 'jenius', 'blu',
  ],
  PHONE: [
    'telp', 'telepon', 'tlp', 'telpon', 'hp', 'handphone', 'ponsel', 'wa', 'whatsapp', 'hubungi', 'kontak', 'sms',
    'nomor hp', 'no hp', 'no. hp', 'call', 'phone', 'fax', 'faks',
  ],
  PASSPORT: ['paspor', 'passport', 'no paspor', 'nomor paspor'],
  NEGATIVE: [
    'pesanan', 'order', 'invoice', 'faktur', 'resi', 'produk', 'sku', 'isbn', 'issn', 'kode', 'transaksi', 'trx',
    'ref', 'referensi', 'seri', 'serial', 'barcode', 'ean', 'imei', 'pelanggan', 'tracking', 'virtual account', 'va',
    'id transaksi', 'no transaksi', 'nomor transaksi', 'tagihan', 'token', 'meter', 'pln', 'voucher', 'kupon', 'tiket',
    'booking', 'nomor pesanan', 'no. pesanan', 'polis', 'kontrak', 'registrasi', 'nim', 'nip', 'nisn', 'nis', 'nomor induk',
    'doi', 'versi', 'version', 'tahun', 'rp', 'idr', 'harga', 'total', 'sebesar', 'senilai', 'rupiah',
  ],
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[\\s.:]*');
}

const CUE_RE: Array<[ContextKind, RegExp]> = (Object.keys(CUES) as ContextKind[]).map((kind) => [
  kind,
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${CUES[kind].map(escapeRe).join('|')})(?![\\p{L}])`, 'giu'),
]);

export interface Cue {
  kind: ContextKind;
  /** Characters between the cue and the number (0 = adjacent). */
  distance: number;
  after: boolean;
}

const BEFORE = 48;
const AFTER = 24;

// Several detectors look at the same span of the same text; remember the answers for the current text.
let cacheText = '';
const cache = new Map<number, Cue[]>();

/** All cues around [start, end), nearest first; the caller decides which kinds it cares about. */
export function cuesAround(text: string, start: number, end: number): Cue[] {
  if (text !== cacheText) {
    cacheText = text;
    cache.clear();
  }
  const key = start * 65536 + (end - start);
  const hit = cache.get(key);
  if (hit) return hit;
  const cues = findCues(text, start, end);
  cache.set(key, cues);
  return cues;
}

function findCues(text: string, start: number, end: number): Cue[] {
  const beforeFrom = Math.max(0, start - BEFORE);
  let before = text.slice(beforeFrom, start).toLowerCase();
  // Cues do not reach across a sentence end ("…pelanggan. Data pemohon: 3174…"); abbreviations like
  // "No." or "Telp." are short, so only a full stop after a word of five or more letters counts.
  const ends = [...before.matchAll(/(?:\p{L}{5,}[.]|[!?])\s+/gu)];
  const lastEnd = ends[ends.length - 1];
  if (lastEnd) before = ' '.repeat(lastEnd.index + lastEnd[0].length) + before.slice(lastEnd.index + lastEnd[0].length);
  const after = text.slice(end, Math.min(text.length, end + AFTER)).toLowerCase();
  const out: Cue[] = [];
  for (const [kind, re] of CUE_RE) {
    for (const m of before.matchAll(re)) {
      out.push({ kind, distance: before.length - (m.index + m[0].length), after: false });
    }
    for (const m of after.matchAll(re)) {
      out.push({ kind, distance: m.index, after: true });
    }
  }
  // A cue after the number is weaker: it often belongs to the next item of a list.
  out.sort((a, b) => a.distance + (a.after ? 16 : 0) - (b.distance + (b.after ? 16 : 0)));
  return out;
}

/** The nearest cue of one of `kinds`, or undefined. */
export function nearestCue(cues: Cue[], kinds: readonly ContextKind[]): Cue | undefined {
  return cues.find((c) => kinds.includes(c.kind));
}

export function hasCue(cues: Cue[], kind: ContextKind, maxDistance = Infinity): boolean {
  return cues.some((c) => c.kind === kind && c.distance <= maxDistance);
}
