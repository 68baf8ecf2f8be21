import { describe, expect, it } from 'vitest';
import { cleanPastedHtml, cleanPastedText } from './paste';

const squash = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();

// Shaped like Microsoft Word's clipboard HTML (Windows, Arabic document).
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;} --></style>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]--></head>
<body lang=AR-SA>
<!--StartFragment-->
<h1 dir=RTL><span lang=AR-SA style='font-family:"Arial",sans-serif'>عنوان التقرير</span></h1>
<p class=MsoNormal dir=RTL><span lang=AR-SA style='font-size:14.0pt'>فقرة <b>مهمة</b> مع <a href="https://example.org">رابط</a>.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst dir=RTL style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span></span><![endif]><span lang=AR-SA>البند الأول</span></p>
<p class=MsoListParagraphCxSpMiddle dir=RTL style='mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>o<span>&nbsp;</span></span><![endif]><span lang=AR-SA>بند متفرع</span></p>
<p class=MsoListParagraphCxSpLast dir=RTL style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]><span lang=AR-SA>البند الثاني</span></p>
<p class=MsoNormal>بعد القائمة</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span><!--[endif]-->أولاً</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span><!--[endif]-->ثانياً</p>
<h4>عنوان صغير</h4>
<!--EndFragment-->
</body></html>`;

describe('cleanPastedHtml', () => {
  const cleaned = cleanPastedHtml(WORD_HTML);

  it('turns Word list paragraphs into nested real lists and drops the typed bullets', () => {
    expect(squash(cleaned)).toContain(
      '<ul><li><p><span lang=AR-SA>البند الأول</span></p><ul><li><p><span lang=AR-SA>بند متفرع</span></p></li></ul></li><li><p><span lang=AR-SA>البند الثاني</span></p></li></ul>',
    );
    expect(squash(cleaned)).toContain('<ol><li><p>أولاً</p></li><li><p>ثانياً</p></li></ol>');
    expect(cleaned).not.toContain('·');
    expect(cleaned).not.toMatch(/>\s*o\s*</);
  });

  it('keeps the paragraph between two lists in place', () => {
    const text = squash(cleaned);
    expect(text.indexOf('البند الثاني')).toBeLessThan(text.indexOf('بعد القائمة'));
    expect(text.indexOf('بعد القائمة')).toBeLessThan(text.indexOf('أولاً'));
  });

  it('removes Word settings, styles, comments and namespaced tags', () => {
    expect(cleaned).not.toMatch(/<style|<xml|<meta|<o:|<\/o:|<!--|<!\[|mso-list:Ignore|OfficeDocumentSettings/i);
  });

  it('keeps emphasis and links for the schema to parse', () => {
    expect(cleaned).toContain('<b>مهمة</b>');
    expect(cleaned).toContain('<a href="https://example.org">رابط</a>');
  });

  it('maps headings onto the two levels the editor offers', () => {
    expect(cleaned).toContain('<h2 dir=RTL>');
    expect(cleaned).toContain('</h2>');
    expect(cleaned).toContain('<h3>عنوان صغير</h3>');
    expect(cleanPastedHtml('<h5>x</h5><h6>y</h6><h2>z</h2><h3>w</h3>')).toBe('<h3>x</h3><h3>y</h3><h2>z</h2><h3>w</h3>');
  });

  it('drops paragraphs that hold only spaces or line breaks', () => {
    expect(cleanPastedHtml('<p>أ</p><p>&nbsp;</p><p><br></p><p class="x"> <span> </span></p><p>ب</p>')).toBe('<p>أ</p><p>ب</p>');
  });

  it('removes scripts and templates from web pages', () => {
    const html = '<div><script>alert(1)</script><p>نص</p><template><img src=x onerror=alert(1)></template><noscript>x</noscript></div>';
    expect(cleanPastedHtml(html)).toBe('<div><p>نص</p></div>');
  });

  it('leaves ordinary web HTML alone', () => {
    const html = '<ul><li>أ</li></ul><blockquote><p>قول</p></blockquote><p><a href="https://a.example">ر</a></p>';
    expect(cleanPastedHtml(html)).toBe(html);
  });

  it('does not stall on long runs of spaces', () => {
    const html = `<p>${'\u00A0'.repeat(50_000)}x</p>`;
    expect(cleanPastedHtml(html)).toBe(html);
  });
});

describe('characters a story cannot keep', () => {
  it('are removed from pasted HTML, so saving never refuses a character nobody can see', () => {
    expect(cleanPastedHtml('<p>غزة\u0000اليوم\u0007 \u001B[0m</p><p>قمر \uD83C</p>')).toBe('<p>غزةاليوم [0m</p><p>قمر </p>');
  });

  it('are removed from pasted plain text; vertical tabs and form feeds become spaces', () => {
    expect(cleanPastedText('سطر\u0000 أول\r\nسطر\u000Bثانٍ\tو\u007F🌙')).toBe('سطر أول\r\nسطر ثانٍ\tو🌙');
  });

  it('leave bidi marks and joiners alone: mixed text needs them', () => {
    const text = 'مؤتمر\u200F NASA\u200E و\u200Cال\u200Dعلم \u202Bمضمّن\u202C';
    expect(cleanPastedText(text)).toBe(text);
    expect(cleanPastedHtml(`<p>${text}</p>`)).toBe(`<p>${text}</p>`);
  });
});
