import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../arabic/normalize';
import { procliticForms } from './proclitics';

const forms = (word: string) => procliticForms(normalizeArabic(word));

describe('procliticForms', () => {
  it('puts prepositions, alone or after a conjunction, before words of four letters or more', () => {
    const { attached, stemPrefixes } = forms('ترشيد');
    expect(attached).toEqual(expect.arrayContaining(['لترشيد', 'بترشيد', 'كترشيد', 'وترشيد', 'فترشيد', 'ولترشيد', 'فبترشيد']));
    expect(attached).toHaveLength(11);
    expect(stemPrefixes).toEqual(['ل', 'ك']);
    expect(forms('مشاركة').attached).toContain('بمشاركه');
  });

  it('puts only a conjunction before a three-letter word', () => {
    expect(forms('كتب')).toEqual({ attached: ['وكتب', 'فكتب'], stemPrefixes: [] });
    // كلمة is not ك + لمة, nor لبنان ل + بنان + anything a three-letter query could be.
    expect(forms('لمة').attached).not.toContain('كلمه');
    expect(forms('نان').attached).not.toContain('لبنان');
    expect(forms('نان').attached).not.toContain('بنان');
  });

  it('puts nothing before a word of two letters', () => {
    expect(forms('حر')).toEqual({ attached: [], stemPrefixes: [] });
  });

  it('never strips: a word never loses its first letter', () => {
    for (const word of ['لبنان', 'بحر', 'كلمه', 'وزير', 'فلسطين']) {
      for (const form of forms(word).attached) expect(form.endsWith(word)).toBe(true);
    }
  });

  it('leaves words with the article to the stemming form, and words that are not all Arabic letters alone', () => {
    for (const word of ['التطبيع', 'الانتفاضه', 'GDP', 'covid-19', '300', 'غزة2026', 'سلام!']) {
      expect(forms(word)).toEqual({ attached: [], stemPrefixes: [] });
    }
  });
});
