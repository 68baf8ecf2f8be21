import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

/*
 * Checks answers of the content API against the OpenAPI document it serves: the schema of the
 * operation's response for that status, found through the document's own references.
 */

type Json = Record<string, unknown>;

export interface Contract {
  document: Json;
  /** Fails the test unless `response` is one the document describes for this path and status. */
  check(template: string, response: Response): Promise<unknown>;
}

/** The value at a JSON pointer ("#/components/schemas/Error") of the document. */
export function resolvePointer(document: Json, pointer: string): unknown {
  if (!pointer.startsWith('#/')) throw new Error(`not a local reference: ${pointer}`);
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Json)[key] : undefined), document);
}

/** Every `$ref` in the document, with where it was found. */
export function references(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (!node || typeof node !== 'object') return [];
  const found: { at: string; ref: string }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found.push({ at, ref: value });
    else found.push(...references(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return found;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function contractOf(document: Json): Contract {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi');

  /** The response object for a path template and status, following a `$ref`, with its pointer. */
  const responseAt = (template: string, status: number): { pointer: string; value: Json } => {
    let pointer = `#/paths/${escape(template)}/get/responses/${status}`;
    let value = resolvePointer(document, pointer) as Json | undefined;
    if (!value) throw new Error(`the document has no ${status} for GET ${template}`);
    if (typeof value.$ref === 'string') {
      pointer = value.$ref;
      value = resolvePointer(document, pointer) as Json;
    }
    return { pointer, value };
  };

  return {
    document,
    async check(template, response) {
      const { pointer, value } = responseAt(template, response.status);
      const declared = Object.keys((value.headers as Json | undefined) ?? {});
      for (const name of declared) {
        // Cache-Control and the like are always sent; Link only on lists, Retry-After only on 429.
        expect(response.headers.get(name), `${name} of ${response.status} ${template}`).not.toBeNull();
      }
      const content = value.content as Json | undefined;
      if (!content) {
        expect(await response.text(), `a ${response.status} has no body`).toBe('');
        return null;
      }
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await response.json();
      const validate = ajv.compile({ $ref: `openapi${pointer}/content/application~1json/schema` });
      if (!validate(body)) throw new Error(`${response.status} ${template} does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`);
      return body;
    },
  };
}
