/**
 * Small articles written for the server's tests (not from any corpus): quotes with named
 * speakers, places, dates, and one carrying markup payloads that must be shown as text.
 */
import type { FakeArticle } from "./fake-store.js";

export const XSS_TITLE = 'بيان <img src=x onerror="window.__xss=1">';

export const ARTICLES: FakeArticle[] = [
  {
    source: "https://news.example/tunis/1",
    title: "الصيد: الوضع الأمني مستقر",
    date: "2015-03-02",
    text: 'تونس (وات) - قال رئيس الحكومة الحبيب الصيد يوم الاثنين إن "الوضع الأمني في البلاد مستقر". وأكد وزير الخارجية الطيب البكوش أن تونس ستعمل مع الجزائر على مكافحة الإرهاب خلال الأسبوع المقبل.',
  },
  {
    source: "https://news.example/tunis/2",
    title: "الصيد يعد بالإصلاحات",
    date: "2015-04-14",
    text: 'تونس (وات) - أكد رئيس الحكومة الحبيب الصيد أمس أن الحكومة ماضية في الإصلاحات. وقال الصيد في كلمة أمام البرلمان: "لن نتراجع عن الإصلاحات الاقتصادية مهما كانت الصعوبات". ومن جهته، قال الطيب البكوش إن الجزائر شريك أساسي لتونس.',
  },
  {
    source: "https://other.example/world/3",
    title: "لقاء في الجزائر",
    date: "2015-05-20",
    text: 'الجزائر (أ ف ب) - صرح وزير الخارجية الطيب البكوش في الجزائر يوم الأربعاء بأن "التعاون بين البلدين يتقدم". وأضاف أن الجانبين اتفقا على لقاء جديد في 10 جوان 2015.',
  },
  {
    source: "https://evil.example/x",
    title: XSS_TITLE,
    date: "2015-06-01",
    text: 'تونس - قال الحبيب الصيد إن "<script>alert(1)</script> ليس إلا نصا" وأضاف أن <img src=x onerror="window.__xss=1"> لن يضر أحدا في تونس.',
  },
];

/**
 * Articles with events written by hand (the events stage's own findings are replaced): a
 * reception and a threatened closure that has not happened, an agreement, and an earlier visit
 * told as background without a date.
 */
export const EVENT_ARTICLES: FakeArticle[] = [
  {
    source: "https://news.example/tunis/events-1",
    title: "الصيد يستقبل البكوش",
    date: "2015-07-10",
    text: "تونس (وات) - استقبل رئيس الحكومة الحبيب الصيد يوم الخميس في قصر الحكومة بالقصبة وزير الخارجية الطيب البكوش، وبحث معه الوضع الأمني على الحدود مع ليبيا. وأعلن الصيد أن تونس ستغلق المعابر الحدودية مع ليبيا مؤقتا إذا تدهور الوضع.",
    events: [
      {
        type: "CONSULT",
        mode: "visit",
        trigger: "استقبل",
        clause:
          "استقبل رئيس الحكومة الحبيب الصيد يوم الخميس في قصر الحكومة بالقصبة وزير الخارجية الطيب البكوش",
        source: "الحبيب الصيد",
        target: "الطيب البكوش",
        sourceActor: { code: "TUN", sector: "GOV", text: "رئيس الحكومة الحبيب الصيد" },
        targetActor: { code: "TUN", sector: "GOV", text: "وزير الخارجية الطيب البكوش" },
        date: "2015-07-09",
      },
      {
        type: "COERCE",
        trigger: "ستغلق",
        clause: "تونس ستغلق المعابر الحدودية مع ليبيا",
        source: "تونس",
        target: "ليبيا",
        sourceActor: { code: "TUN", sector: "GOV", text: "تونس" },
        targetActor: { code: "LBY", text: "ليبيا" },
        status: "future",
      },
    ],
  },
  {
    source: "https://other.example/world/events-2",
    title: "اتفاق أمني تونسي جزائري",
    date: "2015-08-02",
    text: "الجزائر (أ ف ب) - وقع رئيس الحكومة التونسي الحبيب الصيد ونظيره الجزائري عبد المالك سلال في الجزائر يوم الأحد اتفاقا لتعزيز التعاون الأمني بين البلدين. وكان الصيد قد زار الجزائر من قبل في أول جولة خارجية له.",
    events: [
      {
        type: "AGREE",
        trigger: "وقع",
        clause:
          "وقع رئيس الحكومة التونسي الحبيب الصيد ونظيره الجزائري عبد المالك سلال في الجزائر يوم الأحد اتفاقا",
        source: "الحبيب الصيد",
        target: "عبد المالك سلال",
        sourceActor: { code: "TUN", sector: "GOV", text: "رئيس الحكومة التونسي الحبيب الصيد" },
        targetActor: { code: "DZA", sector: "GOV", text: "نظيره الجزائري عبد المالك سلال" },
        date: "2015-08-02",
        place: "الجزائر",
      },
      {
        type: "CONSULT",
        mode: "visit",
        trigger: "زار",
        clause: "وكان الصيد قد زار الجزائر من قبل",
        source: "الحبيب الصيد",
        target: "الجزائر",
        sourceActor: { code: "TUN", sector: "GOV", text: "الصيد" },
        targetActor: { code: "DZA", text: "الجزائر" },
        background: true,
      },
    ],
  },
];

/** The first event article reprinted by another site: one story cluster in the SQLite store. */
export const EVENT_REPRINT: FakeArticle = (() => {
  const first = EVENT_ARTICLES[0] as FakeArticle;
  return {
    ...first,
    source: "https://reprint.example/events-1",
    title: "البكوش في القصبة",
    text: `${first.text.replace("تونس (وات) - ", "")} (المصدر: وات)`,
  };
})();
