/** Numbers in digits and words: cardinals, ordinals, days of the month, digit values of tokens. */
import { CARDINALS, ORDINALS, W } from "./lexicon.js";
import type { Scanner } from "./scan.js";

// ---------- numbers ----------

const DECIMAL = /^(\d{1,3})[.,](\d{1,2})$/;

/** A number in digits or words (واحد وعشرين، الخامس عشر، الـ24) starting at i. */
export function number(
  sc: Scanner,
  i: number,
): { v: number; e: number; word: boolean; ordinal: boolean } | null {
  const d = sc.digits(i);
  if (d >= 0) return { v: d, e: i + 1, word: false, ordinal: false };
  const t = sc.toks[i];
  if (t?.kind === "number") {
    // 3.5 / 3,5 / ٣٫٥
    const m = DECIMAL.exec(asciiDigits(t.text));
    if (m) return { v: Number(`${m[1]}.${m[2]}`), e: i + 1, word: false, ordinal: false };
    return null;
  }
  if (sc.norm(i) === "ال") {
    const d2 = sc.digits(i + 1);
    if (d2 >= 0) return { v: d2, e: i + 2, word: false, ordinal: false };
    return null;
  }
  const c = sc.ca(i);
  const pre = sc.pre[i] ?? "";
  if (pre !== "" && pre !== "و" && pre !== "ب" && pre !== "ل") return null;
  if (pre !== "" && sc.isDef(i)) return null; // بالمائة is "percent"
  let v = CARDINALS.get(c);
  let ordinal = false;
  if (v === undefined) {
    v = ORDINALS.get(c);
    ordinal = true;
    if (v === undefined) return null;
  }
  let e = i + 1;
  const needsTeen = c === "احد" || c === "حادي" || c === "حاديه" || c === "اثنا" || c === "اثني";
  if (v < 10 && (sc.c(e) === "عشر" || sc.c(e) === "عشره") && sc.def[e] === 0) {
    v += 10;
    e++;
  } else if (needsTeen && !(sc.conj(e) && (CARDINALS.get(sc.ca(e)) ?? 0) >= 20)) {
    return null;
  }
  // و-chains: واحد وعشرين، ألفين وواحد وعشرين
  while (e < sc.n) {
    let j = e;
    if (sc.norm(j) === "و") j++;
    else if (sc.pre[j] !== "و") break;
    const next = CARDINALS.get(sc.ca(j)) ?? ORDINALS.get(sc.ca(j));
    if (next === undefined || (j === e && sc.pre[j] !== "و")) break;
    let add = next;
    let k = j + 1;
    if (add < 10 && (sc.c(k) === "عشر" || sc.c(k) === "عشره")) {
      add += 10;
      k++;
    }
    // Only a larger order after a smaller one (واحد وعشرين), or hundreds/thousands first.
    if (add < 20 && v < 100) break;
    v += add;
    e = k;
  }
  return { v, e, word: true, ordinal };
}

/** A day of the month: 1–31 in digits or words, or أول. */
export function dayOfMonth(sc: Scanner, i: number): { d: number; e: number } | null {
  if (sc.ca(i) === W.first && (sc.pre[i] === "" || sc.pre[i] === "و")) return { d: 1, e: i + 1 };
  const num = number(sc, i);
  if (!num || num.v < 1 || num.v > 31 || !Number.isInteger(num.v)) return null;
  if (!num.word && sc.digitLength(i) > 2) return null;
  if (isOneInWords(num)) return null;
  return { d: num.v, e: num.e };
}

/** واحد / واحدة: "one" (يوم واحد is one day), never a day of the month (that is الأول، أول، 1). */
export function isOneInWords(num: { v: number; word: boolean; ordinal: boolean }): boolean {
  return num.word && !num.ordinal && num.v === 1;
}

/** A number word carrying و (وعشر دقائق): read from its core. */
export function numberStripped(sc: Scanner, i: number): { v: number; e: number } | null {
  const v = CARDINALS.get(sc.ca(i));
  if (v === undefined) return null;
  return { v, e: i + 1 };
}

/** Value of a token of digits in any of the three digit families; -1 when it has separators. */
export function digitValue(text: string): number {
  let v = 0;
  if (text.length === 0 || text.length > 9) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x660 && c <= 0x669) d = c - 0x660;
    else if (c >= 0x6f0 && c <= 0x6f9) d = c - 0x6f0;
    else return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The token's text with Eastern-Arabic digits as ASCII and ٫ ٬ as . , */
export function asciiDigits(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x660 && c <= 0x669) out += String.fromCharCode(c - 0x660 + 0x30);
    else if (c >= 0x6f0 && c <= 0x6f9) out += String.fromCharCode(c - 0x6f0 + 0x30);
    else if (c === 0x66b) out += ".";
    else if (c === 0x66c) out += ",";
    else out += text[i];
  }
  return out;
}
