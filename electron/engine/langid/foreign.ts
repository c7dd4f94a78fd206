/**
 * Text in a Latin-script language the model does not know (Dutch colonial archives, German, Spanish, French,
 * Portuguese, Italian, Tagalog, Vietnamese) would otherwise get the nearest of our labels, often confidently
 * (Dutch → eng 0.93). franc knows these languages, but asking it costs several times a detection, so a cheap
 * screen decides when to ask: common words of those languages, letters our languages do not write, or an
 * unsure model. franc, restricted to our languages plus these, then has the last word: its best other language
 * must fit clearly better than the best of ours, or, for Tagalog when the text has Tagalog function words, at all:
 * Tagalog is Austronesian like our languages and franc's Tagalog profile is close to Madurese, Javanese and
 * Sundanese, while those words occur in none of our training texts.
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
 * los, and Tagalog's TAGALOG_RARE); a screen hit only makes us ask franc, it decides nothing.
 */
export const FOREIGN_WORDS: Partial<Record<(typeof FOREIGN_FRANC)[number], string>> = {
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
    'kanila kaniya aming inyong doon dito diyan bakit paano saan kailan ano sino ang ng ay ' +
    'ako akong aking atin kayo niyo ninyong iyong kanya niyang nilang kanilang tayong kaming upang ngunit subalit ' +
    'sapagkat kapag kahit bagaman kaysa hanggang tulad maging tungkol pamamagitan walang isang maaaring kailangan ' +
    'kailangang mayroong meron muli matapos pagkatapos lahat marami maraming kaunti ibang sarili rin daw yata ' +
    'talaga tapos oo siguro minsan palagi kaagad lubos nais gusto ganito ganoon ganyan paraan dahilan gayunman ' +
    'gayundin kahapon ngayong mamaya tuwing bawat kanino magkano nasaan bago bagong lumang',
  // Vietnamese is recognised by its letters (FOREIGN_LETTERS).
};

/**
 * Letters the orthographies of our languages do not use (é, è, ê, ë, ô, â, ö are Javanese, Sundanese, Balinese,
 * Acehnese or Madurese, so they are not here): Spanish, Portuguese, French, German, Italian and Vietnamese ones.
 */
const FOREIGN_LETTERS = /[áíóúñçãõäüßœàìòùơưđă\u1ea0-\u1ef9]/iu;

/**
 * Tagalog words of the list that do occur, rarely, in the training texts of our languages (Minangkabau and Madurese
 * ang, Madurese ng, Banjar ay; Indonesian chat writes ay too): they only make us ask franc (see `screen`).
 */
export const TAGALOG_RARE: readonly string[] = ['ang', 'ng', 'ay'];

/** franc looks at this much of a text; more costs time and adds nothing to a yes/no answer. */
const FRANC_CHARS = 400;
/** franc's best other language must beat the best of ours by this much (franc scores are 0..1). */
const FOREIGN_MARGIN = 0.1;

/** What `screen` found: nothing, a sign worth asking franc about, or Tagalog function words. */
export type ForeignSign = 'none' | 'some' | 'tagalog';

/** Word kinds in the screen's map. */
const OTHER = 0;
const TAGALOG = 1;

export class ForeignCheck {
  /** Word hash -> OTHER or TAGALOG. */
  private readonly words = new Map<number, number>();
  private readonly only: string[] = [...FRANC_ONLY, ...FOREIGN_FRANC];
  private readonly foreign = new Set<string>(FOREIGN_FRANC);

  constructor() {
    for (const [lang, list] of Object.entries(FOREIGN_WORDS))
      for (const w of list.split(' ')) {
        const key = lexiconKey(w);
        const kind = lang === 'tgl' && !TAGALOG_RARE.includes(w) ? TAGALOG : OTHER;
        this.words.set(key, Math.max(kind, this.words.get(key) ?? OTHER));
      }
    this.words.delete(0);
  }

  /**
   * From the word hashes of the text (as `FeatureExtractor.words`): Tagalog when it has a Tagalog word of the
   * list other than TAGALOG_RARE; otherwise any word of the list or a letter our languages do not write is a
   * sign worth asking franc about.
   */
  screen(words: Int32Array, wordCount: number, marked: number, text: string): ForeignSign {
    let sign = false;
    for (let i = 0; i < wordCount; i++) {
      const kind = this.words.get(words[i] ?? 0);
      if (kind === TAGALOG) return 'tagalog';
      if (kind !== undefined) sign = true;
    }
    return sign || (marked > 0 && FOREIGN_LETTERS.test(text)) ? 'some' : 'none';
  }

  /**
   * franc's verdict: its best language is another one (not ours) and beats the best of ours by FOREIGN_MARGIN,
   * or, when `tagalog` (the screen found Tagalog words), its best language is Tagalog. franc scores are 1 for the
   * best language and fall with distance, so the margin is 1 − the best score of ours.
   */
  isForeign(text: string, tagalog: boolean): boolean {
    const fr = francAll(text.length > FRANC_CHARS ? text.slice(0, FRANC_CHARS) : text, {
      only: this.only,
      minLength: 1,
    });
    const top = fr[0];
    if (!top || !this.foreign.has(top[0])) return false;
    if (tagalog && top[0] === 'tgl') return true;
    let ours = 0;
    for (const [code, score] of fr) if (!this.foreign.has(code) && score > ours) ours = score;
    return 1 - ours >= FOREIGN_MARGIN;
  }
}
