import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/text/index.js";

describe("detectLanguage", () => {
  it("detects Arabic even with Latin names mixed in", () => {
    expect(
      detectLanguage("قال الرئيس الروسي فلاديمير بوتين (Vladimir Putin) إن العلاقات قوية."),
    ).toBe("ar");
  });
  it("tells Persian and Urdu from Arabic by their letters", () => {
    expect(detectLanguage("رئیس جمهور ایران گفت که این کشور آماده گفتگو است.")).toBe("fa");
    expect(detectLanguage("پاکستان کے وزیر اعظم نے کہا ہے کہ ملک میں انتخابات ہوں گے۔")).toBe("ur");
  });
  it("decides by script for Hebrew, Russian, Chinese and Japanese", () => {
    expect(detectLanguage("ראש הממשלה אמר היום כי")).toBe("he");
    expect(detectLanguage("Президент России заявил сегодня")).toBe("ru");
    expect(detectLanguage("中国国家主席习近平与俄罗斯总统通电话")).toBe("zh");
    expect(detectLanguage("日本の首相は今日、記者会見を行いました")).toBe("ja");
  });
  it("uses stopwords among Latin-script languages", () => {
    const samples: Record<string, string> = {
      en: "The president said that the talks with the delegation were useful and that they will continue.",
      fr: "Le président a déclaré que les discussions avec la délégation sont utiles et qu'elles vont continuer.",
      de: "Der Präsident sagte, dass die Gespräche mit der Delegation nützlich sind und fortgesetzt werden.",
      es: "El presidente dijo que las conversaciones con la delegación fueron útiles y que van a continuar.",
      it: "Il presidente ha detto che i colloqui con la delegazione sono stati utili e che continueranno.",
      pt: "O presidente disse que as conversas com a delegação foram úteis e que vão continuar também.",
      nl: "De president zei dat de gesprekken met de delegatie nuttig waren en dat ze worden voortgezet.",
      pl: "Prezydent powiedział, że rozmowy z delegacją były przydatne i że będą kontynuowane przez rząd.",
      tr: "Cumhurbaşkanı heyet ile yapılan görüşmelerin çok faydalı olduğunu ve devam edeceğini söyledi ve bu.",
    };
    for (const [lang, text] of Object.entries(samples))
      expect(detectLanguage(text), lang).toBe(lang);
  });
  it("answers und when unsure", () => {
    expect(detectLanguage("")).toBe("und");
    expect(detectLanguage("12345 !!! ...")).toBe("und");
    expect(detectLanguage("Xyzzy plugh")).toBe("und");
  });
});

describe("detectLanguage on Arabic typed with Persian letters", () => {
  it("keeps Arabic with ی/ک but many ة", () => {
    expect(
      detectLanguage("أدی المدیر العام للأمن العمومي عشیة الیوم زیارة تفقدیة لإقليم الأمن الوطني"),
    ).toBe("ar");
  });
});
