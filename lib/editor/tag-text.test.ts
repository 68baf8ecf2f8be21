import { describe, expect, it } from 'vitest';
import { hasSeparator, lastSeparator, nameBeingTyped, splitTags, tagsWithTyped } from './tag-text';

describe('tags as typed', () => {
  it('splits on Arabic and Latin commas, trimming and dropping empty names', () => {
    expect(splitTags(' غزة ، القدس,رام الله ,, ')).toEqual(['غزة', 'القدس', 'رام الله']);
    expect(splitTags('')).toEqual([]);
    expect(hasSeparator('أ، ب')).toBe(true);
    expect(hasSeparator('أ ب')).toBe(false);
  });

  it('finds the name being typed after the last comma of either kind', () => {
    expect(lastSeparator('أ، ب, ج')).toBe(4);
    expect(lastSeparator('بلا فاصلة')).toBe(-1);
    expect(nameBeingTyped('غزة، اسرائ')).toBe('اسرائ');
    expect(nameBeingTyped('  اسرائيل ')).toBe('اسرائيل');
    expect(nameBeingTyped('غزة،')).toBe('');
  });

  it('counts text still in the box as tags, each name once, after the chips', () => {
    expect(tagsWithTyped(['غزة'], 'القدس، غزة')).toEqual(['غزة', 'القدس']);
    expect(tagsWithTyped([], '')).toEqual([]);
  });
});
