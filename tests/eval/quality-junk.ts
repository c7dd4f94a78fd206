// Generators of web junk for the quality evaluation: the kinds of text Gopher/C4/FineWeb-style filters exist to drop.
import { seededRandom } from './pii-quality-data';

type Rng = ReturnType<typeof seededRandom>;

const MENU = ['Beranda', 'Berita', 'Nasional', 'Internasional', 'Ekonomi', 'Bisnis', 'Olahraga', 'Sepak Bola', 'Teknologi', 'Otomotif',
  'Gaya Hidup', 'Hiburan', 'Kesehatan', 'Travel', 'Kuliner', 'Video', 'Foto', 'Indeks', 'Kontak', 'Tentang Kami', 'Karier',
  'Pedoman Media Siber', 'Redaksi', 'Iklan', 'Login', 'Daftar', 'Kategori', 'Promo', 'Produk', 'Keranjang', 'Bantuan'];
const PRODUCTS = ['sepatu', 'tas', 'baju', 'hp', 'laptop', 'jam tangan', 'kaos', 'hijab', 'skincare', 'madu'];
const PLACES = ['jakarta', 'bandung', 'surabaya', 'medan', 'semarang', 'makassar', 'bali', 'jogja'];
const ADJ = ['murah', 'terbaik', 'original', 'terlaris', 'promo', 'diskon', 'grosir', 'termurah'];
const LOREM = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat'.split(' ');
const SENTENCES = [
  'Dapatkan penawaran terbaik hanya hari ini.',
  'Klik di sini untuk informasi lebih lanjut.',
  'Produk ini tersedia dalam berbagai ukuran.',
  'Baca juga artikel menarik lainnya.',
  'Jangan lupa follow akun media sosial kami.',
  'Stok terbatas, segera pesan sekarang!',
];
const EN_BOILER = [
  'All rights reserved.', 'Terms of Service', 'Privacy Policy', 'This website uses cookies to ensure you get the best experience on our website.',
  'Please enable JavaScript in your browser to continue.', 'Sign in to your account', 'Forgot your password?', 'Subscribe to our newsletter for the latest updates.',
  'By continuing to use this site, you agree to our use of cookies.', 'Copyright 2024 PT Contoh Media. All rights reserved.', 'Click here to read more.',
  'Share this article on Facebook, Twitter and WhatsApp.', 'The page you are looking for could not be found.', 'Back to top',
  'Powered by WordPress', 'Your cart is empty.', 'Continue shopping', 'Download our app from the App Store and Google Play.',
  'We use cookies and similar technologies to personalise content and ads, and to analyse our traffic.', 'Accept all', 'Manage preferences',
  'Sign up for free and get access to all of our content.', 'You must be logged in to post a comment.', 'Leave a reply', 'Cancel reply',
];

function shuffle<T>(r: Rng, a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function menu(r: Rng): string {
  const items = shuffle(r, [...MENU]).slice(0, r.int(8, 20));
  switch (r.int(0, 3)) {
    case 0:
      return items.join('\n');
    case 1:
      return items.join(' | ');
    case 2:
      return items.join(' » ');
    default:
      return items.map((i) => `• ${i}`).join('\n') + `\n© ${r.int(2015, 2025)} Portal Berita`;
  }
}

function repeatedLines(r: Rng, carrier: string): string {
  const lines = r.rand() < 0.5 ? [carrier] : shuffle(r, [...SENTENCES]).slice(0, r.int(1, 3));
  const out: string[] = [];
  const n = r.int(4, 12);
  for (let i = 0; i < n; i++) out.push(lines[i % lines.length]!);
  if (r.rand() < 0.5) out.splice(r.int(0, out.length), 0, carrier);
  return out.join('\n');
}

function seo(r: Rng): string {
  const p = r.pick(PRODUCTS);
  const place = r.pick(PLACES);
  const words: string[] = [];
  const n = r.int(30, 90);
  while (words.length < n) {
    const k = r.int(0, 5);
    if (k === 0) words.push('jual', p, r.pick(ADJ), place);
    else if (k === 1) words.push(p, r.pick(ADJ));
    else if (k === 2) words.push('harga', p, r.pick(ADJ), 'di', place);
    else if (k === 3) words.push(p, r.pick(ADJ), place);
    else if (k === 4) words.push('toko', p, 'online', r.pick(ADJ));
    else words.push(...r.pick(SENTENCES).toLowerCase().replace(/[.!]/g, '').split(' '));
  }
  const text = words.join(' ');
  return r.rand() < 0.5 ? text : text.replace(/( \S+ \S+ \S+ \S+ \S+ \S+ \S+)/g, '$1,');
}

function numberTable(r: Rng): string {
  const rows: string[] = [];
  const cols = r.int(3, 7);
  const sep = r.pick([' | ', '\t', '  ', ';']);
  if (r.rand() < 0.6) rows.push(['No', 'Tahun', 'Jumlah', 'Persen', 'Nilai', 'Total', 'Rata-rata'].slice(0, cols).join(sep));
  const n = r.int(5, 25);
  for (let i = 1; i <= n; i++) {
    const cells = [String(i)];
    for (let c = 1; c < cols; c++) {
      const kind = r.int(0, 3);
      cells.push(kind === 0 ? String(r.int(1990, 2025)) : kind === 1 ? `${r.int(1, 999)}.${String(r.int(0, 999)).padStart(3, '0')}` : kind === 2 ? `${r.int(0, 99)},${r.int(0, 9)}%` : String(r.int(0, 99999)));
    }
    rows.push(cells.join(sep));
  }
  return rows.join('\n');
}

function cookieBanner(r: Rng): string {
  const id = [
    'Kami menggunakan cookie untuk meningkatkan pengalaman Anda di situs ini.',
    'Dengan melanjutkan, Anda menyetujui penggunaan cookie sesuai Kebijakan Privasi kami.',
    'Situs ini menggunakan cookie untuk analitik dan iklan yang dipersonalisasi.',
    'Baca Kebijakan Privasi dan Syarat dan Ketentuan kami untuk informasi lebih lanjut.',
    'Terima semua',
    'Atur preferensi cookie',
    'Tolak',
    'Saya setuju',
  ];
  const pool = r.rand() < 0.6 ? id : [...id, ...EN_BOILER.filter((s) => /cookie|privacy|accept|preferences/i.test(s))];
  return shuffle(r, [...pool]).slice(0, r.int(3, 6)).join(r.rand() < 0.5 ? '\n' : ' ');
}

function loremIpsum(r: Rng): string {
  const n = r.int(20, 120);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(LOREM[(i + r.int(0, 3)) % LOREM.length]!);
  words[0] = 'Lorem';
  words[1] = 'ipsum';
  return words.join(' ') + '.';
}

function englishBoilerplate(r: Rng, carrier: string): string {
  const lines = shuffle(r, [...EN_BOILER]).slice(0, r.int(4, 10));
  if (r.rand() < 0.3) lines.splice(r.int(0, lines.length), 0, carrier);
  return lines.join(r.rand() < 0.5 ? '\n' : ' ');
}

export const JUNK_KINDS = ['navigation menu', 'repeated lines', 'keyword-stuffed SEO', 'table of numbers', 'cookie banner', 'lorem ipsum', 'mostly-English boilerplate'] as const;
export type JunkKind = (typeof JUNK_KINDS)[number];

export function makeJunk(r: Rng, kind: JunkKind, carrier: string): string {
  switch (kind) {
    case 'navigation menu':
      return menu(r);
    case 'repeated lines':
      return repeatedLines(r, carrier);
    case 'keyword-stuffed SEO':
      return seo(r);
    case 'table of numbers':
      return numberTable(r);
    case 'cookie banner':
      return cookieBanner(r);
    case 'lorem ipsum':
      return loremIpsum(r);
    case 'mostly-English boilerplate':
      return englishBoilerplate(r, carrier);
  }
}
