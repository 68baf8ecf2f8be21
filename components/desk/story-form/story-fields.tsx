'use client';

import { Field } from '@/components/ui/field';
import { TagField } from '@/components/ui/tag-field';
import { fieldStyle } from '@/components/ui/styles';
import { format, getMessages, type Locale } from '@/i18n';
import { STORY_FIELD_LIMITS } from '@/lib/desk/field-limits';
import { fetchTagSuggestions } from './tag-suggestions';

export interface ArticleFormFields {
  title: string;
  summary: string;
  byline: string;
  sectionId: number | '';
  tags: string[];
  slug: string;
}


/**
 * The story's fields other than the body: title, summary, section, tags, slug and byline, each
 * named by its label alone, with its hint and the server's error for it as its description.
 */
export function StoryFields({
  fields,
  setField,
  typedTags,
  onTypedTagsChange,
  sections,
  editable,
  locale,
  fieldError,
  slugCheck,
  onSlugLeave,
}: {
  fields: ArticleFormFields;
  setField: <K extends keyof ArticleFormFields>(name: K, value: ArticleFormFields[K]) => void;
  /** Text in the tag box that is not a chip yet; saved with the tags all the same. */
  typedTags: string;
  onTypedTagsChange: (typed: string) => void;
  sections: { id: number; name: string }[];
  editable: boolean;
  locale: Locale;
  /** The translated error the last save returned for a field, if any. */
  fieldError: (name: string) => string | null;
  /** The slug the rules make of the slug (or title) and whether it is free, once checked. */
  slugCheck: { slug: string; available: boolean } | null;
  onSlugLeave: (value: string) => void;
}) {
  const t = getMessages(locale);
  const f = t.articleForm;
  return (
    <>
      <Field label={f.title} problem={fieldError('title')}>
        <input
          value={fields.title}
          onChange={(e) => setField('title', e.target.value)}
          disabled={!editable}
          dir="auto"
          required
          maxLength={STORY_FIELD_LIMITS.title}
          className={`${fieldStyle} font-serif text-2xl font-bold`}
        />
      </Field>
      <Field label={f.summary} problem={fieldError('summary')}>
        <textarea value={fields.summary} onChange={(e) => setField('summary', e.target.value)} disabled={!editable} dir="auto" rows={2} maxLength={STORY_FIELD_LIMITS.summary} className={fieldStyle} />
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label={f.section} problem={fieldError('sectionId')}>
          <select
            value={fields.sectionId}
            onChange={(e) => setField('sectionId', e.target.value ? Number(e.target.value) : '')}
            disabled={!editable}
            className={fieldStyle}
          >
            <option value="">{f.chooseSection}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={f.tags} hint={f.tagsHint} problem={fieldError('tags')}>
          <TagField
            values={fields.tags}
            onChange={(tags) => setField('tags', tags)}
            typed={typedTags}
            onTypedChange={onTypedTagsChange}
            suggest={fetchTagSuggestions}
            maxLength={STORY_FIELD_LIMITS.tag}
            maxTags={STORY_FIELD_LIMITS.tags}
            disabled={!editable}
            messages={{
              ...f.tagField,
              tooLong: format(f.tagField.tooLong, { max: STORY_FIELD_LIMITS.tag }),
              tooMany: format(f.tagField.tooMany, { max: STORY_FIELD_LIMITS.tags }),
            }}
          />
        </Field>
        <Field
          label={f.slug}
          hintLive
          hint={
            slugCheck ? (
              <>
                {format(f.slugPreview, { slug: slugCheck.slug || '—' })}
                {!slugCheck.available && <span className="ms-1 text-accent">{slugCheck.slug ? t.errors.codes.SLUG_TAKEN : t.errors.codes.SLUG_EMPTY}</span>}
              </>
            ) : (
              f.slugHint
            )
          }
          problem={fieldError('slug')}
        >
          <input value={fields.slug} onChange={(e) => setField('slug', e.target.value)} onBlur={(e) => onSlugLeave(e.target.value || fields.title)} disabled={!editable} dir="auto" className={fieldStyle} />
        </Field>
        <Field label={f.byline} hint={f.bylineHint} problem={fieldError('byline')}>
          <input value={fields.byline} onChange={(e) => setField('byline', e.target.value)} disabled={!editable} dir="auto" className={fieldStyle} />
        </Field>
      </div>
    </>
  );
}
