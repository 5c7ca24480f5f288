/**
 * The languages' side of the relevance words (core/relevance/text.ts reads the words): folding
 * (lower case, accents dropped), the filler words of English, German and ticket mail, the function
 * words that tell the two languages apart, and a light stemmer for each.
 */
export type Lang = 'en' | 'de';

/**
 * What NFKD with its combining marks dropped makes of each lower-case Latin-1 letter from 0xe0
 * (à to ÿ; ß is "ss"), so such words are folded without the normalizer (a unit test checks each
 * against it); any other letter takes the general path.
 */
const LATIN1_FOLDED = 'aaaaaaæceeeeiiiiðnooooo÷øuuuuyþy';

export function fold(word: string): string {
  const lower = word.toLowerCase();
  if (isAscii(lower)) return lower;
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) out += lower[i];
    else if (c === 0xdf) out += 'ss';
    else if (c >= 0xe0 && c <= 0xff && c !== 0xf7) out += LATIN1_FOLDED[c - 0xe0];
    else return foldAny(lower);
  }
  return out;
}

function foldAny(lower: string): string {
  return lower
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

function isAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 0x80) return false;
  return true;
}

// Function words, and the words every ticket is made of, in both languages.
const STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both ' +
    'but by can cannot could did do does doing during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off ' +
    'on once only or other our ours out over own same she should so some such than that the their them then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why ' +
    'will with would you your yours yourself yet get got gets getting still again ever even per via us let lets ' +
    "dont don't cant can't im ive also one two three etc " +
    // ticket mail
    'hi hello hey dear thanks thank regards best cheers please pls asap urgent urgently help issue issues problem ' +
    'problems ticket question today morning afternoon tonight yesterday since now soon quick quickly team ' +
    'working work works worked anyone someone something anything everything know need needs needed want see seems ' +
    'look looks like just keep keeps happen happens happened again back sure also able unable ' +
    'still thing things time day week hour hours minute minutes am pm dr mr mrs ms new ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    // German
    'der die das den dem des ein eine einer eines einem einen und oder aber auch als am an auf aus bei bin bis bist ' +
    'da damit dann dass daß dein deine denn dich dir doch du durch er es euch euer für hat hatte hatten habe haben ' +
    'hier ich ihm ihn ihr ihre im in ist ja jetzt kann kein keine können könnte mal man mehr mein meine mich mir mit ' +
    'muss nach nicht noch nun nur ob schon sehr sein seine sich sie sind so soll sollte über um uns unser vom von vor ' +
    'war waren was weil wenn wer wie wir wird wieder wo zu zum zur zwischen alle alles andere beim dies diese dieser ' +
    'dieses gibt geht gehen ging kommt mehr seit sowie unsere unserer unseren wurde wurden worden werden ' +
    'hallo guten tag morgen grüße gruss gruß grüßen freundlichen viele dank danke bitte dringend dringende ' +
    'problem probleme frage heute gestern seit sofort schnell leider funktioniert funktionieren funktionierte ' +
    'klappt geht läuft mfg lg vg team zeit stunde stunden minute minuten uhr herr frau ' +
    'neu neue neuer neuen neues montag dienstag mittwoch donnerstag freitag samstag sonntag'
  )
    .split(/\s+/)
    .filter(Boolean)
    .map(fold),
);

export const isStopword = (folded: string) => STOP.has(folded);

export const DE_HINTS = new Set(
  (
    'der die das und ist nicht mit ein eine auf für wir sich bei seit kann bitte den dem des von zu wurde am im ' +
    'sind nach auch nur wird werden kein keine ich mein meine unser unsere'
  )
    .split(' ')
    .map(fold),
);
export const EN_HINTS = new Set(
  'the and is not with a an on for we at since can please to of was were are this it be our my from by has have'.split(
    ' ',
  ),
);

/** A light English stemmer: plurals, -ing, -ed, -er, -ly, a final e ("scheduler", "scheduling" -> "schedul"). */
export function stemEn(w: string): string {
  if (w.length <= 3 || hasDigit(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !'suio'.includes(w[w.length - 2]!)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  else if (w.length > 5 && w.endsWith('er')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** A doubled consonant at the end, but ll, ss and zz, made single ("stopp" -> "stop"). */
function undouble(w: string): string {
  const c = w.charCodeAt(w.length - 1);
  return c >= 97 && c <= 122 && c === w.charCodeAt(w.length - 2) && !'aeiouslz'.includes(w[w.length - 1]!)
    ? w.slice(0, -1)
    : w;
}

/** Whether the word has an ASCII digit (as /\d/ says). */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isDigit(w, i)) return true;
  return false;
}

/**
 * A light German stemmer after CISTEM (Weissweiler & Fraser 2017): endings -em -er -nd, then
 * -t -e -s -n; before that the ge- of a past participle ("ausgefallen" -> "ausfallen",
 * "gedruckt" -> "druckt"), so a participle finds its noun ("Ausfall").
 */
export function stemDe(w: string): string {
  if (w.length <= 3 || hasDigit(w)) return w;
  let s = w;
  if ((s.endsWith('t') || s.endsWith('en')) && s.length >= 7) s = withoutGe(s);
  for (;;) {
    if (s.length > 5 && (s.endsWith('em') || s.endsWith('er') || s.endsWith('nd'))) s = s.slice(0, -2);
    else if (s.length > 3 && 'tesn'.includes(s[s.length - 1]!)) s = s.slice(0, -1);
    else break;
  }
  return s;
}

/** The separable prefixes a participle's ge- may follow ("aus-ge-fallen"), in the order tried; '' last. */
const GE_AFTER = ['ab', 'an', 'auf', 'aus', 'ein', 'mit', 'nach', 'um', 'vor', 'zu', 'zuruck', 'weg', ''];

/**
 * The word without the ge- at its start or after one of GE_AFTER, when four letters a-z follow:
 * what s.replace(/^(ab|an|auf|aus|ein|mit|nach|um|vor|zu|zuruck|weg)?ge(?=[a-z]{4})/, '$1') gives
 * (a unit test compares them), without compiling that expression in a worker just started.
 */
function withoutGe(s: string): string {
  for (const prefix of GE_AFTER) {
    const at = prefix.length;
    if (!s.startsWith(prefix) || !s.startsWith('ge', at) || s.length < at + 6) continue;
    let letters = true;
    for (let i = at + 2; i < at + 6; i++) {
      const c = s.charCodeAt(i);
      if (c < 97 || c > 122) letters = false;
    }
    if (letters) return prefix + s.slice(at + 2);
  }
  return s;
}

/** Whether the character at i is an ASCII digit. */
export const isDigit = (w: string, i: number): boolean => w.charCodeAt(i) >= 48 && w.charCodeAt(i) <= 57;
