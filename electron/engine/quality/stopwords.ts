import { createRequire } from 'node:module';

// stopwords-iso is a bare JSON package; require() loads it the same way under tsx, vitest and the esbuild bundle.
const loadJson = createRequire(import.meta.url);
const iso = loadJson('stopwords-iso') as Record<string, string[] | undefined>;

/**
 * Function words of the larger regional languages (Javanese, Sundanese, Madurese, Minangkabau,
 * Buginese, Balinese, Banjarese), written out by hand: Indonesian corpora mix them in, and a
 * quality filter that only knows Indonesian stop words would drop good regional text as junk.
 */
const REGIONAL = `
lan ing iku kang sing karo ora ana ono kanggo uga wis wes aku kowe dheweke iki kuwi ning nanging yen nek saka
marang kabeh banget wae ae utawa utowo amarga mergo supaya dadi bisa iso arep lagi isih isik maneh meneh mung
dhewe ambek kambek nang neng nggo opo apa piye kepiye sopo endi
jeung teh nu ka ti ku eta ieu oge ogé henteu teu aya keur kana urang abdi anjeun manehna sareng pikeun tina
kitu kieu mah wae ge geus bari lamun upami nepi dugi jadi bisa tapi
bân sè se dâri dhari ka' è ta' tadâ' bâ' ghi' gik engko' sengko' kaulâ kaula kulah sampeyan jâreya areya ben bik malolo tor
neng tapeh mon neka riyah jiyah badha bedeh lok le la ghabay gebey otabe otabah pasteh ampon polanah kiyah jughan daddhi deddhih
bisaos paneka ka'dhissah ongghu sabelummah mareh ye kiya deri ambu ban e sa mun bi engko ka kaangguy
jo nan indak dari urang ko tu lah pulo lai alah bana untuak samo bakcando kok baa sajo
na ri ko sibawa iya de' nasaba narekko mua' ritu iyaro engka ia idi' iko tappa nennia
lan ring sane punika tiang ipun miwah wantah nenten sareng dados kadi
wan nang kada ulun ikam inya kah lawan gasan
`;

export const ID_STOPWORDS: ReadonlySet<string> = new Set(iso.id ?? []);
export const REGIONAL_STOPWORDS: ReadonlySet<string> = new Set(REGIONAL.split(/\s+/).filter(Boolean));
/**
 * A short hand-written list of English function words. The stopwords-iso English list also holds
 * two-letter country codes and words like "ga" that are colloquial Indonesian, so it over-counts.
 */
const EN = `the and of to in is that for it with as was on be by this are or from at an have has not you your we our
they their will can which more about if these those been were would should may please here there what when how its
who into than then them also just only other some such do does did no yes all any each our us my me he she his her
use using click accept continue privacy policy terms account password`;
export const EN_STOPWORDS: ReadonlySet<string> = new Set(EN.split(/\s+/).filter((w) => w && !ID_STOPWORDS.has(w)));
