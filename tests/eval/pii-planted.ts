// Generators of valid Indonesian identifiers and hard decoys for the PII evaluation and tests.
import { PROVINCE_CODES } from '../../electron/engine/pii/provinces';
import { luhnValid } from '../../electron/engine/pii/validators';
import type { PiiType } from '../../electron/engine/pii/types';
import { seededRandom } from './pii-quality-data';

type Rng = ReturnType<typeof seededRandom>;
const PROVINCES = [...PROVINCE_CODES.keys()];
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(r.int(0, 9));
  return s;
}

function area(r: Rng): string {
  return r.pick(PROVINCES) + pad(r.int(1, 79), 2) + pad(r.int(1, 40), 2);
}

function date(r: Rng): { dd: number; mm: number; yy: number } {
  const mm = r.int(1, 12);
  return { dd: r.int(1, DAYS[mm - 1]!), mm, yy: r.int(0, 99) };
}

export function makeNik(r: Rng, female = r.rand() < 0.5): string {
  const d = date(r);
  return area(r) + pad(d.dd + (female ? 40 : 0), 2) + pad(d.mm, 2) + pad(d.yy, 2) + pad(r.int(1, 9999), 4);
}

export function makeKk(r: Rng): string {
  const d = date(r);
  return area(r) + pad(d.dd, 2) + pad(d.mm, 2) + pad(d.yy, 2) + pad(r.int(1, 9999), 4);
}

/** Appends the digit that makes the whole string Luhn-valid. */
export function withLuhn(prefix: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(prefix + c)) return prefix + c;
  throw new Error('unreachable');
}

export function makeNpwp15(r: Rng): string {
  const first = withLuhn(pad(r.int(1, 99), 2) + pad(r.int(1, 999999), 6));
  return first + digits(r, 3) + pad(r.int(0, 3), 3);
}

export function formatNpwp(d: string): string {
  return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d[8]}-${d.slice(9, 12)}.${d.slice(12, 15)}`;
}

export function makeCard(r: Rng): string {
  const prefix = r.pick(['4', '51', '52', '53', '54', '55', '2221', '3528', '6011']);
  return withLuhn(prefix + digits(r, 15 - prefix.length));
}

export function makePhone(r: Rng): string {
  const op = r.pick(['811', '812', '813', '821', '822', '823', '851', '852', '853', '855', '856', '857', '858', '877', '878', '881', '882', '895', '896', '897', '898', '899']);
  const rest = digits(r, r.int(7, 8));
  const national = op + rest;
  switch (r.int(0, 6)) {
    case 0:
      return '0' + national;
    case 1:
      return `0${op}-${rest.slice(0, 4)}-${rest.slice(4)}`;
    case 2:
      return `+62 ${op} ${rest.slice(0, 4)} ${rest.slice(4)}`;
    case 3:
      return `+62${national}`;
    case 4:
      return `62${national}`;
    case 5:
      return `0${op} ${rest.slice(0, 4)} ${rest.slice(4)}`;
    default:
      return `0${op}.${rest.slice(0, 4)}.${rest.slice(4)}`;
  }
}

const FIRST = ['budi', 'siti', 'agus', 'dewi', 'rina', 'eko', 'putri', 'wahyu', 'fitri', 'andi', 'nur', 'yusuf', 'ayu', 'made', 'ketut'];
const LAST = ['santoso', 'wijaya', 'rahayu', 'hidayat', 'lestari', 'saputra', 'nugroho', 'siregar', 'pratama', 'kurniawan'];
const DOMAINS = ['gmail.com', 'yahoo.co.id', 'ui.ac.id', 'ugm.ac.id', 'kemdikbud.go.id', 'outlook.com', 'mail.com', 'telkom.net.id'];

/** Jakarta, Bandung, Surabaya, Yogyakarta, Medan, Makassar, Denpasar area codes. */
export function makeLandline(r: Rng): string {
  const area = r.pick(['21', '22', '31', '274', '61', '411', '361']);
  const local = digits(r, area.length === 2 ? r.int(7, 8) : r.int(6, 7)).replace(/^0/, '5');
  switch (r.int(0, 3)) {
    case 0:
      return `(0${area}) ${local.slice(0, 3)}-${local.slice(3)}`;
    case 1:
      return `0${area}-${local}`;
    case 2:
      return `0${area} ${local}`;
    default:
      return `+62 ${area} ${local}`;
  }
}

/** A 16-digit NIK or KK as people write it on forms: in fours, or province.regency.district.date.serial. */
export function groupSixteen(r: Rng, d: string): string {
  const sep = r.pick(['.', ' ', '-']);
  if (r.rand() < 0.5) return [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)].join(sep);
  return [d.slice(0, 2), d.slice(2, 4), d.slice(4, 6), d.slice(6, 12), d.slice(12)].join(sep);
}

/** Mobile numbers in the spellings the seven above miss: area-code parentheses and spaced dashes. */
export function makeSpacedPhone(r: Rng): string {
  const op = r.pick(['812', '813', '821', '852', '857', '878', '896']);
  const rest = digits(r, 8);
  switch (r.int(0, 2)) {
    case 0:
      return `(0${op}) ${rest.slice(0, 4)}-${rest.slice(4)}`;
    case 1:
      return `0${op} - ${rest.slice(0, 4)} - ${rest.slice(4)}`;
    default:
      return `+62 (${op}) ${rest.slice(0, 4)} ${rest.slice(4)}`;
  }
}

export function makeEmail(r: Rng): string {
  const sep = r.pick(['.', '_', '', '']);
  const num = r.rand() < 0.4 ? String(r.int(1, 2005)) : '';
  return `${r.pick(FIRST)}${sep}${r.pick(LAST)}${num}@${r.pick(DOMAINS)}`;
}

export function makeIp(r: Rng): string {
  return `${r.int(11, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

export function makeAccount(r: Rng): string {
  return digits(r, r.pick([10, 10, 13, 15])).replace(/^0/, '1');
}

export function makePassport(r: Rng): string {
  return r.pick(['A', 'B', 'C', 'X', 'E']) + digits(r, 7);
}

export interface Planted {
  text: string;
  spans: { type: PiiType; start: number; end: number }[];
  decoys: number;
}

/** Builds text from parts; `[type, value]` parts become expected spans, strings are carried as they are. */
export function build(parts: (string | [PiiType, string])[]): Planted {
  let text = '';
  const spans: Planted['spans'] = [];
  for (const p of parts) {
    if (typeof p === 'string') text += p;
    else {
      spans.push({ type: p[0], start: text.length, end: text.length + p[1].length });
      text += p[1];
    }
  }
  return { text, spans, decoys: 0 };
}

/** Realistic sentences with one or two planted identifiers each. */
export function plantedSentence(r: Rng, carrier: string): Planted {
  const name = `${r.pick(FIRST)} ${r.pick(LAST)}`.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  const kind = r.int(0, 18);
  const c = r.rand() < 0.5 ? carrier + ' ' : '';
  switch (kind) {
    case 15:
      return build([c, `Sesuai KTP, NIK ${name} `, ['NIK', groupSixteen(r, makeNik(r))], ' sudah diverifikasi.']);
    case 16:
      return build([c, 'Lampirkan kartu keluarga, No. KK ', ['KK', groupSixteen(r, makeKk(r))], ', saat mendaftar.']);
    case 17:
      return build([c, `Kalau ada kendala, hubungi ${name} di `, ['PHONE', makeSpacedPhone(r)], ' ya.']);
    case 18:
      return build([c, 'Pengaduan layanan dapat disampaikan ke nomor ', ['PHONE', makeLandline(r).replace(/^(?:0|\+62 )(\d+)[ -]/, '(0$1) ')], ' setiap hari kerja.']);
    case 14:
      return build([c, `Kantor kelurahan buka pukul 08.00, telp. `, ['PHONE', makeLandline(r)], '.']);
    case 0:
      return build([c, `Atas nama ${name}, NIK `, ['NIK', makeNik(r)], ', beralamat di Jl. Melati No. 12.']);
    case 1:
      return build([c, `Mohon kirim fotokopi KTP (`, ['NIK', makeNik(r)], `) dan nomor KK `, ['KK', makeKk(r)], ' ke kantor kelurahan.']);
    case 2:
      return build([c, `Nomor Induk Kependudukan: `, ['NIK', makeNik(r)], '.']);
    case 3:
      return build([c, 'NPWP perusahaan kami ', ['NPWP', formatNpwp(makeNpwp15(r))], ' sudah terdaftar di KPP Pratama.']);
    case 4:
      return build([c, `Untuk pembayaran pajak, NPWP: `, ['NPWP', makeNpwp15(r)], ' atas nama ', name, '.']);
    case 5:
      return build([c, `Info lebih lanjut hubungi ${name} di `, ['PHONE', makePhone(r)], '.']);
    case 6:
      return build([c, 'Pemesanan via WA ', ['PHONE', makePhone(r)], ' atau telepon ', ['PHONE', makePhone(r)], ' (jam kerja).']);
    case 7:
      return build([c, `Silakan kirim CV ke `, ['EMAIL', makeEmail(r)], ' paling lambat 30 Juni.']);
    case 8:
      return build([c, `Saya ${name}, bisa dihubungi lewat `, ['EMAIL', makeEmail(r)], ' atau ', ['PHONE', makePhone(r)], '.']);
    case 9:
      return build([c, 'Login mencurigakan dari alamat IP ', ['IP', makeIp(r)], ' tercatat di server.']);
    case 10:
      return build([c, `Transfer ke rekening ${r.pick(['BCA', 'BRI', 'Mandiri', 'BNI', 'BSI'])} `, ['BANK_ACCOUNT', makeAccount(r)], ` a.n. ${name}.`]);
    case 11: {
      const card = makeCard(r);
      const shown = r.rand() < 0.5 ? card : card.replace(/(\d{4})(?=\d)/g, '$1 ');
      return build([c, 'Nomor kartu kredit ', ['CARD', shown], ' berlaku sampai 08/27.']);
    }
    case 12:
      return build([c, `Nomor paspor ${name} adalah `, ['PASSPORT', makePassport(r)], '.']);
    default:
      return build([c, `Data pemohon: ${name}, `, ['NIK', makeNik(r, true)], ', lahir di Surabaya.']);
  }
}

function bad16(r: Rng): string {
  return String(r.int(1, 9)) + digits(r, 15);
}

/** Hard decoys: numbers that look like identifiers but are not personal data (or are invalid). */
export function decoySentence(r: Rng, carrier: string): Planted {
  const c = r.rand() < 0.5 ? carrier + ' ' : '';
  const kind = r.int(0, 20);
  let text: string;
  switch (kind) {
    case 18: {
      const b = bad16(r);
      text = `Kode voucher ${[b.slice(0, 4), b.slice(4, 8), b.slice(8, 12), b.slice(12)].join(r.pick(['.', ' ', '-']))} berlaku sampai akhir bulan.`;
      break;
    }
    case 19:
      // A dotted NIK with Feb 30 as the birth date.
      text = `NIK ${r.pick(['31', '32', '35'])}.${pad(r.int(1, 20), 2)}.${pad(r.int(1, 20), 2)}.3002${pad(r.int(70, 99), 2)}.${pad(r.int(1, 999), 4)} ditolak sistem.`;
      break;
    case 20:
      text = `Ongkir ke kode wilayah (021) ${r.int(1, 9)}.${pad(r.int(0, 999), 3)} rupiah, tiba ${r.int(2, 5)} hari.`;
      break;
    case 0:
      text = `Nomor pesanan ${bad16(r)} sedang dikemas oleh penjual.`;
      break;
    case 1:
      text = `Kode produk ${bad16(r)} tersedia dalam tiga warna.`;
      break;
    case 2: {
      // Feb 30 birth date: not a NIK even with the cue.
      text = `NIK ${r.pick(['31', '32', '35'])}${pad(r.int(1, 20), 2)}${pad(r.int(1, 20), 2)}3002${pad(r.int(70, 99), 2)}${pad(r.int(1, 999), 4)} ditolak sistem karena tanggal lahir tidak valid.`;
      break;
    }
    case 3:
      text = `NIK 00${pad(r.int(1, 20), 2)}${pad(r.int(1, 20), 2)}${pad(r.int(1, 28), 2)}0${r.int(1, 9)}${pad(r.int(70, 99), 2)}${pad(r.int(1, 999), 4)} tidak terdaftar.`;
      break;
    case 4: {
      const d = makeNpwp15(r);
      const wrong = d.slice(0, 8) + String((Number(d[8]) + r.int(1, 9)) % 10) + d.slice(9);
      text = `NPWP ${formatNpwp(wrong)} salah ketik, mohon dicek ulang.`;
      break;
    }
    case 5:
      text = `Harganya cuma Rp ${r.int(1, 9)}.${pad(r.int(0, 999), 3)}.${pad(r.int(0, 999), 3)} untuk paket ${r.int(2, 12)} bulan.`;
      break;
    case 6:
      text = `Promo hari ini: Rp 0${r.int(8, 8)}${r.int(1, 9)}.${pad(r.int(0, 999), 3)} saja, hemat ${r.int(10, 60)}%.`;
      break;
    case 7:
      text = `Pada tahun ${r.int(1945, 2024)} hingga ${r.int(1990, 2025)} jumlah penduduk naik ${r.int(1, 9)},${r.int(1, 9)} persen.`;
      break;
    case 8:
      text = `Buku ini ber-ISBN 978-602-${r.int(1000, 9999)}-${r.int(10, 99)}-${r.int(0, 9)} dan terbit di Bandung.`;
      break;
    case 9:
      text = `No. resi ${r.pick(['JP', 'JNE', 'SPX'])}${digits(r, 12)} bisa dilacak di situs kurir.`;
      break;
    case 10:
      text = `ID transaksi ${bad16(r)} berhasil pada ${r.int(1, 28)}/${r.int(1, 12)}/2024.`;
      break;
    case 11:
      text = `Aplikasi diperbarui ke versi ${r.int(1, 9)}.${r.int(0, 9)}.${r.int(0, 20)}.${r.int(0, 99)} minggu lalu.`;
      break;
    case 12:
      text = `Rapat dimulai pukul 08.${pad(r.int(0, 59), 2)} di ruang ${r.int(100, 999)} lantai ${r.int(2, 9)}.`;
      break;
    case 13:
      text = `Token listrik ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)} sudah dimasukkan.`;
      break;
    case 14:
      text = `Nomor seri faktur pajak 010.${pad(r.int(0, 999), 3)}-${pad(r.int(20, 24), 2)}.${digits(r, 8)} diterbitkan hari ini.`;
      break;
    case 15:
      text = `Kode pos ${r.int(10000, 99999)}, RT 0${r.int(1, 9)}/RW 0${r.int(1, 9)}, luas tanah ${r.int(60, 900)} m2.`;
      break;
    case 16:
      text = `NIK ${makeNik(r).slice(0, 12)}0000 ditolak karena nomor urut 0000.`;
      break;
    default:
      text = `Nomor pelanggan PLN ${digits(r, 12)} dan IMEI ${digits(r, 15)} tercatat.`;
  }
  return { text: c + text, spans: [], decoys: 1 };
}
