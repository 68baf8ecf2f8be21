/*
 * Vocabulary for the synthetic search corpus. Real newsroom text has a few very frequent function
 * words and a long tail of content words: a typical query word appears in well under one story in
 * a hundred. A hand-written list of a few hundred words cannot give that tail (every word would
 * appear in half the stories), so the tail is derived the way Arabic derives words: roots poured
 * into the common morphological patterns. The real roots below give the frequent forms; a few
 * thousand pseudo-roots (three consonants drawn deterministically) give the rarer ones, as the
 * thousands of roots of real news text would. Forms have realistic lengths (3–10 letters), and a
 * share of them carry the article and attached conjunctions, as real text does.
 */

/** Most frequent first: particles, pronouns and the verbs of reported speech. */
const FUNCTION_WORDS = `في من على إلى أن التي الذي عن مع هذا هذه بعد قبل خلال كان قال كما حيث بين لم لا ما إن
عند حتى ذلك تلك وقال وأضاف أنه أنها إلا أو ثم قد لن كل بعض غير منذ عبر ضد نحو لدى وفي ومن وعلى بأن لكن
هو هي هم نحن وهو وهي الذين اللذين يوم اليوم أمس غدا أيضا فقط جدا حول دون ضمن أمام وراء فوق تحت`;

/** Common content words of news writing, by rough frequency. */
const NEWS_WORDS = `الحكومة الرئيس الوزير وزارة المدينة البلاد الدولة الشعب العام الماضي المقبل الأول الثاني العالم
العربية الدولية المحلية الاقتصاد السياسة الأمن الصحة التعليم الثقافة الرياضة المجلس البرلمان الانتخابات الحزب
القانون المحكمة الشرطة الجيش الحرب السلام الاتفاق المفاوضات الأزمة الأسعار السوق النفط الغاز الكهرباء المياه
الزراعة الصناعة التجارة الاستثمار البنك المصرف الدولار العملة التضخم الفائدة الميزانية الضرائب الرواتب العمال
الشركة الشركات المشروع المشاريع الطلاب الجامعة المدرسة المستشفى الأطباء المرضى الوباء اللقاح المنتخب المباراة
البطولة النادي اللاعب المدرب الهدف الملعب الجمهور الفيلم المسرح الكتاب الرواية الشاعر المعرض المهرجان الفنان
الموسيقى التراث المتحف الصحفي الإعلام التقرير البيان المؤتمر الاجتماع الزيارة القمة اللجنة المنظمة الأمم
المتحدة الإنسان الحقوق المرأة الأطفال الشباب اللاجئين السكان المواطنين الأهالي القرية الحي الشارع الطريق الجسر
المطار الميناء الحدود المعبر الطاقة الشمسية المناخ الأمطار الشتاء الصيف الحرارة الفيضانات الجفاف الغابات البحر
النهر الجبل الصحراء التكنولوجيا الإنترنت الهاتف الذكاء الاصطناعي البيانات الأمن السيبراني المنصة التطبيق
فلسطين القدس غزة الضفة رام الله نابلس الخليل جنين بيروت دمشق عمان القاهرة بغداد الرياض الدوحة تونس الرباط
الجزائر الخرطوم صنعاء مسقط الكويت المنامة أبوظبي طرابلس أوروبا أمريكا آسيا أفريقيا الصين روسيا تركيا إيران
أعلن أكد أشار أوضح كشف طالب دعا حذر رحب انتقد نفى وصف اعتبر قرر وافق رفض أقر بحث ناقش التقى استقبل زار
افتتح أطلق نظم شارك حضر فاز خسر تعادل سجل ارتفع انخفض تراجع بلغ وصل تجاوز استمر توقف بدأ انتهى عاد غادر
جديد كبير صغير مهم واسع كامل رسمي شعبي وطني دولي عربي محلي سياسي اقتصادي اجتماعي ثقافي تاريخي عسكري أمني
GDP UN WHO UNESCO NATO FIFA OPEC IMF COVID-19 2024 2025 2026 10 20 100 1000`;

const ROOTS = `كتب درس عمل حكم سلم نظر خرج دخل علم جمع فتح نصر قدم شرك صلح وقع حمل رسل سفر طلب عرض فرض قرر
نقل بحث حفظ ذكر شهد عقد فصل جلس حضر غرب شرق صنع زرع حصد ربح خسر سبق لعب رمي ضرب قطع وصل قبل بلغ ملك
سكن بني هدم حرس نقد ثبت خدم نشر طبع رسم صور سمع قرأ حسب عدل ظلم فرح حزن صبر شكر غفر عبر قطب نمو كسب
دفع رفع وضع منع سمح فهم شرح نجح فشل رجع سحب جذب دعم حرر ولد قتل جرح أسر هجم حمي دفن نفذ خطط برمج
حلل ركب صعد نزل هبط طار سبح مشي ركض قفز بدل غير حول جدد وفر نظم رتب قسم وزع بيع شري صدر ورد دخن
مطر ثلج برد حرق غرق زلزل عصف جفف سقي رعي حرث غرس قطف خبز طبخ غسل لبس نسج خاط صبغ دهن`;

/** Consonants for pseudo-roots; the weak letters ا و ي are left to the patterns. */
const CONSONANTS = Array.from('بتثجحخدذرزسشصضطظعغفقكلمنهء');
const PSEUDO_ROOTS = 2500;

/** Measures as written by Arabic grammarians: ف ع ل stand for the root's three letters. */
const PATTERNS = [
  'فعل', 'فاعل', 'مفعول', 'فعيل', 'فعال', 'تفعيل', 'مفاعلة', 'افتعال', 'استفعال', 'انفعال', 'تفاعل',
  'مفعل', 'فعول', 'فعالة', 'يفعل', 'تفعل', 'فعلت', 'فاعلون', 'مفعولات', 'فواعل', 'مفاعيل', 'فعلاء',
  'يفاعل', 'تفعيلات', 'مستفعل', 'افعال', 'فعلان', 'فعالية',
];

const PREFIXES = ['ال', 'وال', 'بال', 'و', 'لل'];

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

function applyPattern(root: string, pattern: string): string {
  const [f, a, l] = Array.from(root);
  return Array.from(pattern)
    .map((c) => (c === 'ف' ? f : c === 'ع' ? a : c === 'ل' ? l : c))
    .join('');
}

/** A deterministic shuffle, so every run benchmarks the same corpus. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The vocabulary in frequency order (rank 1 first): function words, news words, then the derived
 * forms in a fixed shuffled order, a share of them repeated with attached prefixes.
 */
export function buildVocabulary(): string[] {
  const derive = (roots: string[], patterns: string[]) => roots.flatMap((root) => patterns.map((p) => applyPattern(root, p)));
  const withPrefixes = (forms: string[], seed: number) =>
    shuffled(forms, seed)
      .slice(0, Math.floor(forms.length / 3))
      .map((w, i) => PREFIXES[i % PREFIXES.length] + w);
  const common = derive(words(ROOTS), PATTERNS);
  const rare = derive(pseudoRoots(PSEUDO_ROOTS), PATTERNS.slice(0, 10));
  const all = [
    ...words(FUNCTION_WORDS),
    ...words(NEWS_WORDS),
    ...shuffled([...common, ...withPrefixes(common, 7)], 11),
    ...shuffled([...rare, ...withPrefixes(rare, 13)], 17),
  ];
  return [...new Set(all)];
}

function pseudoRoots(count: number): string[] {
  const roots = new Set<string>();
  let state = 2026;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return CONSONANTS[(state >>> 8) % CONSONANTS.length]!;
  };
  while (roots.size < count) {
    const [a, b, c] = [next(), next(), next()];
    if (a !== b && b !== c) roots.add(a + b + c);
  }
  return [...roots];
}

/** How many of the first ranks are function words; benchmark queries skip them. */
export const FUNCTION_WORD_COUNT = words(FUNCTION_WORDS).length;
