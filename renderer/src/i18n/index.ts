import { createContext, createElement, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { shellStrings } from './shell';
import { dedupeStrings } from './dedupe';
import { licensesStrings } from './licenses';
import { annotateStrings } from './annotate';
import { langidStrings } from './langid';
import { piiStrings } from './pii';
import { qualityStrings } from './quality';
import { exportStrings } from './export';
import { auditStrings } from './audit';
import { errorStrings } from './errors';

export type Lang = 'id' | 'en';
export const languages: { code: Lang; name: string }[] = [
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'en', name: 'English' },
];

/** A feature's strings: the same keys in both languages (Indonesian is the default and the fallback). */
export interface Dictionary {
  id: Record<string, string>;
  en: Record<string, string>;
}

/** Every feature's strings, one line per feature (`renderer/src/i18n/<feature>.ts`). */
const dictionaries: Dictionary[] = [
  shellStrings,
  dedupeStrings,
  langidStrings,
  licensesStrings,
  annotateStrings,
  piiStrings,
  qualityStrings,
  exportStrings,
  auditStrings,
  errorStrings,
];

const merged: Record<Lang, Record<string, string>> = { id: {}, en: {} };
for (const d of dictionaries) {
  Object.assign(merged.id, d.id);
  Object.assign(merged.en, d.en);
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const template = merged[lang][key] ?? merged.id[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

/** The translation of `key` when a dictionary has one; otherwise `fallback` (an engine value shown as it came). */
export function translateOr(t: Translate, key: string, fallback: string, vars?: Record<string, string | number>): string {
  const s = t(key, vars);
  return s === key ? fallback : s;
}

const separators: Record<Lang, { group: string; decimal: string }> = { id: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } };

/**
 * Grouped digits and at most one decimal, as id-ID / en-GB write them. Done by hand: the first Intl.NumberFormat
 * for a locale loads its data (tens of milliseconds), on the path of the first rows drawn.
 */
export function formatNumber(lang: Lang, n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sep = separators[lang];
  const tenths = Math.round(Math.abs(n) * 10);
  const whole = Math.floor(tenths / 10);
  const frac = tenths % 10;
  const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  return `${n < 0 && tenths !== 0 ? '-' : ''}${digits}${frac ? sep.decimal + String(frac) : ''}`;
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  n(value: number): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'kurasi-lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'id' ? saved : 'id';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars), n: (v) => formatNumber(lang, v) }),
    [lang, setLang],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
