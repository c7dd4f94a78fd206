/**
 * Text in a Latin-script language the model does not know (Dutch colonial archives, German, Spanish, French,
 * Portuguese, Italian, Tagalog, Vietnamese) would otherwise get the nearest of our labels, often confidently
 * (Dutch → eng 0.93). franc knows these languages, but asking it costs several times a detection, so a cheap
 * screen decides when to ask: common words of those languages, letters our languages do not write, or an
 * unsure model. franc, restricted to our languages plus these, then has the last word.
 */
import { francAll } from 'franc';
import { lexiconKey } from './features.js';
import { FRANC_ONLY } from './languages.js';

/** franc codes of the other Latin-script languages we check for. */
export const FOREIGN_FRANC = ['nld', 'deu', 'spa', 'fra', 'por', 'ita', 'tgl', 'vie'] as const;

/**
 * Frequent words of those languages (written for Kurasi). Words that occur in the training text of any of our
 * eleven languages were left out (de, la, en, se, na, ka, di, kami, para... are ordinary Madurese, Buginese,
 * Indonesian or English words), except a few that occur there only rarely and matter for recall (van, der,
 * los, ang, ng); a screen hit only makes us ask franc, it decides nothing.
 */
const FOREIGN_WORDS: Partial<Record<(typeof FOREIGN_FRANC)[number], string>> = {
  nld:
    'het een zijn wordt worden werd deze voor heeft hebben wij ook maar bij uit zij hij meer moet nog tot zou onze ' +
    'ons haar zich hun veel waar toen hier daar omdat onder tussen zonder reeds welke kunnen mijn uw jullie bent ' +
    'zullen heb wie waarom gisteren vandaag op als kunt wilt moeten van niet naar dit dat geen wel wat met zal',
  deu:
    'und ist nicht ein eine einer eines einem einen zu auf für sich auch wird werden wurde sind haben nach aus wie ' +
    'oder aber noch wenn können ich wir ihr sein seine ihre diese dieser dieses über vor durch zum zur im schon ' +
    'keine kein mehr muss soll heute gestern sehr dass jetzt dort konnte der das mit von dem des bei nur kann sie',
  spa:
    'que una unos sus como más pero este esta estos entre cuando muy sobre también hasta donde desde todo nos ' +
    'todos antes qué otro otra él mucho estar estas algo mis tú está están fue puede hoy ayer mañana pudo debe ' +
    'los las del por con sin hay esto esa eso ella ellos',
  fra:
    'une et est que qui dans pour aux avec cette ces ils elles nous vous sont ont été être avoir mais ou où ses ' +
    'leur leurs même aussi très comme tout tous fait était avait hier demain notre votre mes des sur il elle peut',
  por:
    'os nos é que não mais aos como foi está são eles elas isso este esta pela também já muito quando você nós ' +
    'seu sua ontem hoje amanhã pode deve dos das em uma tem ela pelo',
  ita:
    'gli della dei delle è una nel nella più anche questo questa essere stato sul sulla noi voi suo sua molto già ' +
    'ieri oggi domani perché può il del che con alla sono',
  tgl:
    'mga niya siya ikaw ito iyon iyan hindi kung pero naman lamang mayroon wala dahil yung namin natin ninyo ' +
    'kanila kaniya aming inyong doon dito diyan bakit paano saan kailan ano sino ang ng ay',
  // Vietnamese is recognised by its letters (FOREIGN_LETTERS).
};

/**
 * Letters the orthographies of our languages do not use (é, è, ê, ë, ô, â, ö are Javanese, Sundanese, Balinese,
 * Acehnese or Madurese, so they are not here): Spanish, Portuguese, French, German, Italian and Vietnamese ones.
 */
const FOREIGN_LETTERS = /[áíóúñçãõäüßœàìòùơưđă\u1ea0-\u1ef9]/iu;

/** franc looks at this much of a text; more costs time and adds nothing to a yes/no answer. */
const FRANC_CHARS = 400;

export class ForeignCheck {
  private readonly words = new Set<number>();
  private readonly only: string[] = [...FRANC_ONLY, ...FOREIGN_FRANC];
  private readonly foreign = new Set<string>(FOREIGN_FRANC);

  constructor() {
    for (const list of Object.values(FOREIGN_WORDS))
      for (const w of list.split(' ')) this.words.add(lexiconKey(w));
    this.words.delete(0);
  }

  /** Any sign worth asking franc about, from the word hashes of the text (as `FeatureExtractor.words`). */
  screen(words: Int32Array, wordCount: number, marked: number, text: string): boolean {
    for (let i = 0; i < wordCount; i++) if (this.words.has(words[i] ?? 0)) return true;
    return marked > 0 && FOREIGN_LETTERS.test(text);
  }

  /**
   * How much better franc's best other language fits than the best of ours (0..1; 0 when one of ours fits best).
   * franc scores are 1 for the best language and fall with distance, so this is 1 − the best score of ours.
   */
  margin(text: string): number {
    const fr = francAll(text.length > FRANC_CHARS ? text.slice(0, FRANC_CHARS) : text, {
      only: this.only,
      minLength: 1,
    });
    const top = fr[0];
    if (!top || !this.foreign.has(top[0])) return 0;
    let ours = 0;
    for (const [code, score] of fr) if (!this.foreign.has(code) && score > ours) ours = score;
    return 1 - ours;
  }
}
