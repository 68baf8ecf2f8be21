import type { ArticleStatus } from '../../lib/workflow/states';
import type { Role } from '../../lib/permissions/roles';

/** Sample content for demos and tests; see README.md in this folder. */
export interface SampleStory {
  title: string;
  summary: string;
  sectionSlug: string;
  tags: string[];
  paragraphs: string[];
  status: ArticleStatus;
  /** Hours from the seed time: negative for the past (publication), positive for a schedule. */
  hoursFromNow: number;
  author: Role;
}

export interface SampleSection {
  slug: string;
  name: string;
}

export const SAMPLE_SECTIONS: SampleSection[] = [
  { slug: 'فلسطين', name: 'فلسطين' },
  { slug: 'سياسة', name: 'سياسة' },
  { slug: 'اقتصاد', name: 'اقتصاد' },
  { slug: 'رياضة', name: 'رياضة' },
  { slug: 'ثقافة', name: 'ثقافة' },
  { slug: 'رأي', name: 'رأي' },
];

export interface DemoAccount {
  role: Role;
  email: string;
  name: string;
  password: string;
}

/** Well-known demo passwords: created only outside production, and printed at start-up. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { role: 'admin', email: 'admin@midad.test', name: 'سلمى الخطيب', password: 'midad-admin-demo' },
  { role: 'editor', email: 'editor@midad.test', name: 'يوسف حداد', password: 'midad-editor-demo' },
  { role: 'reviewer', email: 'reviewer@midad.test', name: 'ليلى منصور', password: 'midad-reviewer-demo' },
];

export const SAMPLE_STORIES: SampleStory[] = [
  {
    title: 'المصرف المركزي يُبقي سعر الفائدة دون تغيير للشهر الرابع',
    summary: 'قرّر المصرف المركزي تثبيت سعر الفائدة الرئيسي، مشيراً إلى تباطؤ التضخم واستقرار سعر الصرف.',
    sectionSlug: 'اقتصاد',
    tags: ['التضخم', 'المصارف'],
    paragraphs: [
      'أعلن المصرف المركزي في ختام اجتماع لجنته النقدية، الثلاثاء، الإبقاء على سعر الفائدة الرئيسي عند مستواه الحالي للشهر الرابع على التوالي.',
      'وقال البيان إن معدل التضخم السنوي تراجع إلى 4.2% في تشرين الأول، وإن الناتج المحلي الإجمالي (GDP) سجّل نمواً بنسبة ١٫٨٪ في الربع الثالث.',
      'ويتوقع محللون أن يبدأ المصرف خفض الفائدة تدريجياً مطلع العام المقبل إذا استمر تباطؤ الأسعار.',
    ],
    status: 'published',
    hoursFromNow: -5,
    author: 'editor',
  },
  {
    title: 'منتخب الناشئين يبلغ نهائي البطولة العربية بعد فوز مثير',
    summary: 'تأهل منتخب الناشئين إلى المباراة النهائية بعد فوزه بركلات الترجيح في نصف النهائي.',
    sectionSlug: 'رياضة',
    tags: ['كرة القدم'],
    paragraphs: [
      'بلغ منتخب الناشئين نهائي البطولة العربية لكرة القدم، مساء الأربعاء، بعد فوزه بركلات الترجيح إثر تعادل سلبي في الوقتين الأصلي والإضافي.',
      'وتألق حارس المرمى في التصدي لركلتين، ليقود فريقه إلى النهائي الأول منذ عشر سنوات.',
      'ويلتقي المنتخب في المباراة النهائية يوم السبت المقبل على الملعب الرئيسي في العاصمة.',
    ],
    status: 'published',
    hoursFromNow: -26,
    author: 'editor',
  },
  {
    title: 'معرض الكتاب يفتح أبوابه بمشاركة ٣٠٠ دار نشر',
    summary: 'انطلقت الدورة الجديدة من معرض الكتاب بمشاركة دور نشر عربية وأجنبية وبرنامج ثقافي حافل.',
    sectionSlug: 'ثقافة',
    tags: ['الكتب', 'معارض'],
    paragraphs: [
      'افتُتحت صباح اليوم الدورة الجديدة من معرض الكتاب الدولي بمشاركة ثلاثمئة دار نشر من اثنتي عشرة دولة.',
      'ويضم البرنامج الثقافي ندوات وأمسيات شعرية وورشات للأطفال، إلى جانب جناح للترجمة يحمل عنوان «Books Without Borders».',
      'وقالت إدارة المعرض إن أسعار الكتب خُفّضت بنسبة تصل إلى ٣٠٪ طوال أيام المعرض.',
    ],
    status: 'published',
    hoursFromNow: -50,
    author: 'admin',
  },
  {
    title: 'قراءة في نتائج الانتخابات البلدية',
    summary: 'تحليل أولي لأرقام المشاركة وتوزيع المقاعد في المجالس البلدية.',
    sectionSlug: 'سياسة',
    tags: ['الانتخابات'],
    paragraphs: [
      'تكشف الأرقام الأولية عن ارتفاع نسبة المشاركة في الانتخابات البلدية مقارنة بالدورة السابقة، ولا سيما في المدن المتوسطة.',
      'ويرى مراقبون أن القوائم المستقلة حققت حضوراً لافتاً في عدد من المجالس المحلية.',
    ],
    status: 'draft',
    hoursFromNow: -2,
    author: 'editor',
  },
  {
    title: 'المدن التي نحبّها تُبنى على مهل',
    summary: 'مقال رأي عن الأرصفة والحدائق والتخطيط الذي يضع الناس أولاً.',
    sectionSlug: 'رأي',
    tags: ['المدن'],
    paragraphs: [
      'لا تُقاس المدينة بعدد أبراجها، بل بالمسافة التي يستطيع طفل أن يقطعها وحده إلى مدرسته.',
      'حين نخطط للشارع من أجل السيارة وحدها، نخسر الرصيف والظل والجار.',
    ],
    status: 'in_review',
    hoursFromNow: -1,
    author: 'editor',
  },
  {
    title: 'تقرير: توقعات أسعار الوقود في الربع المقبل',
    summary: 'تقديرات أولية لأسعار المحروقات مع اقتراب فصل الشتاء.',
    sectionSlug: 'اقتصاد',
    tags: ['الطاقة'],
    paragraphs: [
      'تشير تقديرات أولية إلى ارتفاع طفيف في أسعار الوقود خلال الربع المقبل مع زيادة الطلب على التدفئة.',
      'ويبقى سعر النفط الخام العامل الأهم في تحديد الأسعار المحلية.',
    ],
    status: 'scheduled',
    hoursFromNow: 72,
    author: 'editor',
  },
];
