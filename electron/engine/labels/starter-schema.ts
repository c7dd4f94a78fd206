import type { LabelSchema } from '../../../shared/contract/labels';

/**
 * The schema a new corpus starts with: pretraining-data curation. Keep or drop, and why when dropping.
 * Pressing a reason key also answers "drop" (see `implied` in the renderer), so one key + Enter per document.
 */
export const starterSchema: LabelSchema = {
  questions: [
    {
      key: 'decision',
      kind: 'single',
      title: { id: 'Keputusan', en: 'Decision' },
      options: [
        { value: 'keep', title: { id: 'Simpan', en: 'Keep' }, hotkey: 'k' },
        { value: 'drop', title: { id: 'Buang', en: 'Drop' }, hotkey: 'd' },
      ],
    },
    {
      key: 'drop_reason',
      kind: 'single',
      title: { id: 'Alasan dibuang', en: 'Reason for dropping' },
      when: { question: 'decision', value: 'drop' },
      options: [
        { value: 'low-quality', title: { id: 'Kualitas rendah', en: 'Low quality' }, hotkey: '1' },
        { value: 'wrong-language', title: { id: 'Bahasa salah', en: 'Wrong language' }, hotkey: '2' },
        { value: 'duplicate', title: { id: 'Duplikat', en: 'Duplicate' }, hotkey: '3' },
        { value: 'personal-data', title: { id: 'Data pribadi', en: 'Personal data' }, hotkey: '4' },
        { value: 'toxic', title: { id: 'Toksik', en: 'Toxic' }, hotkey: '5' },
        { value: 'spam-seo', title: { id: 'Spam atau SEO', en: 'Spam or SEO' }, hotkey: '6' },
        { value: 'machine-translated', title: { id: 'Terjemahan mesin', en: 'Machine-translated' }, hotkey: '7' },
        { value: 'boilerplate', title: { id: 'Boilerplate', en: 'Boilerplate' }, hotkey: '8' },
      ],
    },
  ],
};
