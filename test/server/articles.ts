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
