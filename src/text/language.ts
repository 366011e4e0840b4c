/**
 * Fast language identification for article bodies: script counts decide where the script
 * decides (Arabic-script, Hebrew, Cyrillic, CJK), letters unique to Persian and Urdu separate
 * them from Arabic, and stopword hits (plus a few telltale letters) choose among Latin-script
 * languages. Returns an ISO 639-1 code or "und" when unsure. Looks at most at the first
 * SAMPLE_CHARS characters.
 */

const SAMPLE_CHARS = 20_000;

const STOPWORDS: Record<string, string> = {
  en: "the of and to in is that for it was with as on be by this are from at have has not but which were said will would their they he she an or its been who",
  fr: "le la les de des du et est un une dans que qui pour pas sur au aux il elle ne ce se sont avec par plus été cette leur ont mais nous vous",
  de: "der die das und ist nicht ein eine zu den mit von sich des auf für im dem als auch es wird wurde sind bei nach aus oder wie noch über",
  es: "el la los las de del y en que es un una por con para se no su al lo como más pero sus le ha fue este esta son entre cuando muy",
  it: "il lo la gli le di del della e è in che un una per con non si da al dei delle sono come più ma nel alla anche ha questo questa",
  pt: "o a os as de do da dos das e em que um uma para com não no na por se ao mais como mas foi pelo pela são seu sua também ele ela",
  nl: "de het een en van in is dat op te zijn met voor niet aan er die wordt door als ook bij maar om nog werd zijn heeft naar dan",
  pl: "i w na z że się nie do to jest o jak ale po co tak od za przez dla jego już może są być który która przy oraz",
  tr: "ve bir bu da de için ile olarak olan çok daha ne gibi ama en ki var mı sonra kadar ancak her ise değil oldu",
};

const STOP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words.split(" ")) {
    const list = STOP.get(w);
    if (list === undefined) STOP.set(w, [lang]);
    else if (!list.includes(lang)) list.push(lang);
  }
}

/** Letters that point to one Latin-script language; each hit counts like a stopword. */
const TELLTALE: Record<string, string> = {
  ı: "tr",
  ğ: "tr",
  ş: "tr",
  ł: "pl",
  ą: "pl",
  ę: "pl",
  ś: "pl",
  ź: "pl",
  ż: "pl",
  ń: "pl",
  ß: "de",
  ä: "de",
  ã: "pt",
  õ: "pt",
  ñ: "es",
  "¿": "es",
  œ: "fr",
  ë: "nl",
  ĳ: "nl",
};

function isArabicScript(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/** Guesses the ISO 639-1 language of `text` ("und" when unsure). */
export function detectLanguage(text: string): string {
  const n = Math.min(text.length, SAMPLE_CHARS);
  let arabic = 0;
  let latin = 0;
  let hebrew = 0;
  let cyrillic = 0;
  let han = 0;
  let kana = 0;
  let other = 0;
  let persianKY = 0; // ک ی: Persian/Urdu kaf and yeh
  let arabicKY = 0; // ك ي ى: Arabic kaf and yeh
  let persianOnly = 0; // پ چ ژ گ
  let urduOnly = 0; // ٹ ڈ ڑ ں ھ ہ ے
  let taMarbuta = 0; // ة: 2–3% of Arabic letters, rare in Persian and Urdu
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (isLatinLetter(c)) latin++;
    else if (isArabicScript(c)) {
      arabic++;
      if (c === 0x0629) taMarbuta++;
      else if (c === 0x06a9 || c === 0x06cc) persianKY++;
      else if (c === 0x0643 || c === 0x064a || c === 0x0649) arabicKY++;
      else if (c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af) persianOnly++;
      else if (
        c === 0x0679 ||
        c === 0x0688 ||
        c === 0x0691 ||
        c === 0x06ba ||
        c === 0x06be ||
        c === 0x06c1 ||
        c === 0x06d2
      )
        urduOnly++;
    } else if (c >= 0x0590 && c <= 0x05ff) hebrew++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x0370 && c <= 0x1fff) other++; // Greek, Armenian, Indic...; not decided here
  }
  const letters = arabic + latin + hebrew + cyrillic + han + kana + other;
  if (letters === 0) return "und";
  if (arabic * 2 > letters) {
    // Arabic typed on a Persian keyboard still has ة (عشیة الیوم); Persian/Urdu hardly do
    if (taMarbuta * 100 >= arabic) return "ar";
    if (persianKY > arabicKY) return urduOnly * 200 >= arabic ? "ur" : "fa";
    if (persianOnly * 100 >= arabic && persianKY > 0) return "fa";
    return "ar";
  }
  if (hebrew * 2 > letters) return "he";
  if (cyrillic * 2 > letters) return "ru";
  if ((han + kana) * 2 > letters) return kana * 20 >= han + kana ? "ja" : "zh";
  if (latin * 2 > letters && latin >= 8) return guessLatin(text, n);
  return "und";
}

function guessLatin(text: string, n: number): string {
  const score = new Map<string, number>();
  const add = (lang: string, v: number) => score.set(lang, (score.get(lang) ?? 0) + v);
  let word = "";
  let words = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    if (isLatinLetter(c)) {
      word += String.fromCharCode(c).toLowerCase();
      continue;
    }
    if (word.length > 0) {
      words++;
      const langs = STOP.get(word);
      if (langs !== undefined) for (const l of langs) add(l, 1 / langs.length);
      for (const ch of word) {
        const l = TELLTALE[ch];
        if (l !== undefined) add(l, 0.5);
      }
      word = "";
    }
  }
  let best = "und";
  let bestScore = 0;
  let second = 0;
  for (const [lang, s] of score) {
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = lang;
    } else if (s > second) second = s;
  }
  // need some evidence and a clear winner
  if (bestScore < 2 || bestScore < Math.max(1, words * 0.05) || bestScore < second * 1.3)
    return "und";
  return best;
}
