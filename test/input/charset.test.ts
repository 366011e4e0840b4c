import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBytes, plausibility, prescanCharset } from "../../src/input/charset.js";

/** A single-byte encoder built from the platform decoder's own table. */
function encoder(label: string): (s: string) => Uint8Array {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== "\ufffd" && !table.has(ch)) table.set(ch, b);
  }
  return (s) =>
    Uint8Array.from([...s], (ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${label} cannot encode ${ch}`);
      return b;
    });
}

const ARABIC =
  "أعلنت وزارة الصحة يوم الأحد عن افتتاح مستشفى جديد في المدينة، وقال الوزير إن المستشفى سيخدم أكثر من مئة ألف مواطن في المنطقة الشمالية.";
const FRENCH =
  "Le ministère a annoncé dimanche l'ouverture d'un hôpital à Béjaïa, qui desservira la région.";
const enc1256 = encoder("windows-1256");
const enc88596 = encoder("iso-8859-6");
const enc1252 = encoder("windows-1252");
const utf8 = (s: string) => new TextEncoder().encode(s);
const html = (body: string, head = "") =>
  `<html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

describe("decodeBytes: declared encodings", () => {
  it("honours a UTF-8 byte-order mark", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(ARABIC)]);
    expect(decodeBytes(bytes)).toEqual({ text: ARABIC, encoding: "utf-8" });
  });

  it("honours a UTF-16LE byte-order mark and guesses BOM-less UTF-16", () => {
    const le = new Uint8Array(2 + ARABIC.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < ARABIC.length; i++) {
      const c = ARABIC.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
    }
    expect(decodeBytes(le)).toEqual({ text: ARABIC, encoding: "utf-16le" });
    const ascii = "plain English text in UTF-16 without a byte-order mark";
    const noBom = new Uint8Array(ascii.length * 2);
    for (let i = 0; i < ascii.length; i++) noBom[2 * i] = ascii.charCodeAt(i);
    expect(decodeBytes(noBom)).toEqual({ text: ascii, encoding: "utf-16le" });
  });

  it("uses the charset of the HTTP content type", () => {
    const bytes = enc1256(ARABIC);
    expect(decodeBytes(bytes, { contentType: "text/html; charset=windows-1256" })).toEqual({
      text: ARABIC,
      encoding: "windows-1256",
    });
  });

  it("finds <meta charset> and <meta http-equiv> declarations in HTML", () => {
    const page1 = html(ARABIC, '<meta charset="ISO-8859-6">');
    expect(decodeBytes(enc88596(page1), { html: true })).toEqual({
      text: page1,
      encoding: "iso-8859-6",
    });
    const page2 = html(
      ARABIC,
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
    );
    expect(decodeBytes(enc1256(page2), { html: true }).encoding).toBe("windows-1256");
    expect(prescanCharset(utf8('<?xml version="1.0" encoding="windows-1256"?><html>'))).toBe(
      "windows-1256",
    );
  });

  it("prefers valid non-ASCII UTF-8 over a wrong single-byte declaration", () => {
    const page = html(ARABIC, '<meta charset="iso-8859-1">');
    expect(
      decodeBytes(utf8(page), { html: true, contentType: "text/html; charset=ISO-8859-1" }),
    ).toEqual({
      text: page,
      encoding: "utf-8",
    });
  });

  it("ignores unknown charset labels", () => {
    expect(
      decodeBytes(utf8(ARABIC), { contentType: "text/plain; charset=x-no-such-thing" }).text,
    ).toBe(ARABIC);
  });
});

describe("decodeBytes: undeclared legacy encodings", () => {
  it("recognises Arabic in windows-1256", () => {
    expect(decodeBytes(enc1256(html(ARABIC)), { html: true })).toEqual({
      text: html(ARABIC),
      encoding: "windows-1256",
    });
  });

  it("recognises Arabic in ISO-8859-6", () => {
    expect(decodeBytes(enc88596(ARABIC))).toEqual({ text: ARABIC, encoding: "iso-8859-6" });
  });

  it("recognises French in windows-1252", () => {
    expect(decodeBytes(enc1252(FRENCH))).toEqual({ text: FRENCH, encoding: "windows-1252" });
  });

  it("reads mostly-valid UTF-8 with a stray bad byte as UTF-8", () => {
    const good = utf8(ARABIC);
    const bytes = Uint8Array.from([...good.subarray(0, 40), 0xff, ...good.subarray(40)]);
    const out = decodeBytes(bytes);
    expect(out.encoding).toBe("utf-8");
    expect(out.text).toContain("مستشفى جديد");
  });

  it("scores real Arabic above its mojibake", () => {
    const mojibake = new TextDecoder("windows-1252").decode(utf8(ARABIC));
    expect(plausibility(ARABIC)).toBeGreaterThan(plausibility(mojibake));
    expect(plausibility(ARABIC)).toBeGreaterThan(
      plausibility(new TextDecoder("windows-1252").decode(enc1256(ARABIC))),
    );
    expect(plausibility(ARABIC)).toBeGreaterThan(
      plausibility(new TextDecoder("iso-8859-6").decode(enc1256(ARABIC))),
    );
    expect(plausibility(ARABIC)).toBeGreaterThan(
      plausibility(new TextDecoder("windows-1256").decode(enc88596(ARABIC))),
    );
  });
});

describe("decodeBytes: input errors", () => {
  const error = (bytes: Uint8Array) => {
    try {
      decodeBytes(bytes);
    } catch (e) {
      return e as Error & { code?: string };
    }
    throw new Error("expected decodeBytes to throw");
  };

  it("rejects empty input", () => {
    const e = error(new Uint8Array());
    expect(e.name).toBe("InputError");
    expect(e.code).toBe("empty");
  });

  it("rejects binary input with a one-line message", () => {
    const pdf = error(utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"));
    expect(pdf.name).toBe("InputError");
    expect(pdf.code).toBe("binary");
    expect(pdf.message).toMatch(/PDF/);
    expect(pdf.message).not.toContain("\n");
    const nuls = Uint8Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0 : 0x41 + (i % 26)));
    expect(error(nuls).code).toBe("binary");
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x02 : 0x61));
    expect(error(controls).code).toBe("binary");
  });

  it("never throws anything but an InputError on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, isHtml) => {
        try {
          const out = decodeBytes(bytes, { html: isHtml });
          expect(typeof out.text).toBe("string");
        } catch (e) {
          expect((e as Error).name).toBe("InputError");
        }
      }),
      { numRuns: 400 },
    );
  });

  it("round-trips any printable Unicode text encoded as UTF-8", () => {
    const printable = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 80 })
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control bytes are rejected as binary, so the round trip excludes them
      .filter((s) => !/[\u0000-\u0008\u000e-\u001f\ufeff]/.test(s) && s.length > 0);
    fc.assert(
      fc.property(printable, (s) => {
        expect(decodeBytes(utf8(s)).text).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});
