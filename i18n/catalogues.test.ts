import { describe, expect, it } from 'vitest';
import { ar } from './ar';
import { en } from './en';

type Tree = { readonly [key: string]: string | Tree };

/** Every string of a catalogue by its dotted path, e.g. `search.refused.tooLong`. */
function strings(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of strings(value, `${path}.`)) found.set(inner, text);
  }
  return found;
}

/** Every object of a catalogue by its dotted path, the root as ''. */
function groups(tree: Tree, prefix = ''): Map<string, Tree> {
  const found = new Map<string, Tree>([[prefix.replace(/\.$/, ''), tree]]);
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value !== 'string') for (const [path, group] of groups(value, `${prefix}${key}.`)) found.set(path, group);
  }
  return found;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** The plural categories of Intl.PluralRules: a group with exactly these keys is one counted phrase. */
const PLURAL_FORMS = ['few', 'many', 'one', 'other', 'two', 'zero'];
const isPluralGroup = (group: Tree) => JSON.stringify(Object.keys(group).sort()) === JSON.stringify(PLURAL_FORMS);

const arStrings = strings(ar);
const enStrings = strings(en);

describe('the Arabic and English catalogues', () => {
  it('have exactly the same keys, nested the same way', () => {
    const arGroups = [...groups(ar).keys()].sort();
    const enGroups = [...groups(en).keys()].sort();
    expect(enGroups).toEqual(arGroups);
    expect([...enStrings.keys()].sort()).toEqual([...arStrings.keys()].sort());
  });

  it('have no empty string', () => {
    const empty = [...arStrings, ...enStrings].filter(([, text]) => text.trim() === '').map(([path]) => path);
    expect(empty).toEqual([]);
  });

  it('fill the same placeholders in both languages', () => {
    const pluralForms = new Set(
      [...groups(ar)].filter(([, group]) => isPluralGroup(group)).flatMap(([path]) => PLURAL_FORMS.filter((f) => f !== 'other').map((f) => `${path}.${f}`)),
    );
    const differing = [...arStrings]
      // Arabic spells out one and two ("كلمة واحدة", "كلمتان") where English writes the number:
      // the forms other than `other` are checked against their own `other` below.
      .filter(([path]) => !pluralForms.has(path))
      .filter(([path, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(enStrings.get(path) ?? '')))
      .map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it('use in each plural form only the placeholders of its `other` form', () => {
    const strays: string[] = [];
    for (const [language, catalogue] of [['ar', ar], ['en', en]] as const) {
      for (const [path, group] of groups(catalogue)) {
        if (!isPluralGroup(group)) continue;
        const allowed = placeholders(group.other as string);
        for (const form of PLURAL_FORMS) {
          const extra = placeholders(group[form] as string).filter((name) => !allowed.includes(name));
          if (extra.length) strays.push(`${language} ${path}.${form}: ${extra.join(', ')}`);
        }
      }
    }
    expect(strays).toEqual([]);
  });
});
