import { ActionForm, FieldError, SubmitButton } from '@/components/desk/action-form';
import { Field } from '@/components/ui/field';
import { fieldStyle } from '@/components/ui/styles';
import { getSiteSettings } from '@/db/queries/settings';
import { getMessages } from '@/i18n';
import { timeZoneChoices } from '@/lib/format/time-zones';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { updateSettingsAction } from './actions';

export default async function SettingsPage() {
  await requireCapability('settings.manage');
  const locale = await getDeskLocale();
  const t = getMessages(locale).settingsAdmin;
  const settings = await getSiteSettings();
  const zones = timeZoneChoices(locale, new Date());
  return (
    <div className="max-w-lg space-y-6">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <ActionForm action={updateSettingsAction} locale={locale} successMessage={getMessages(locale).desk.saved} className="space-y-4">
        <Field label={t.siteName} error="siteName">
          <input name="siteName" defaultValue={settings.siteName} required className={fieldStyle} />
        </Field>
        <Field label={t.siteDescription} error="siteDescription">
          <textarea name="siteDescription" defaultValue={settings.siteDescription} rows={2} className={fieldStyle} />
        </Field>
        <Field label={t.timeZone} hint={t.timeZoneHint} error="timeZone">
          {/* A text field with suggestions the browser filters as one types, by the zone's name or
              its description; it works before the page's script runs and on phones. */}
          <input
            name="timeZone"
            list="time-zones"
            defaultValue={settings.timeZone}
            required
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            className={`${fieldStyle} text-start`}
          />
        </Field>
        <datalist id="time-zones">
          {zones.map((zone) => (
            <option key={zone.id} value={zone.id} label={zone.label} />
          ))}
        </datalist>
        <fieldset>
          <legend className="text-sm font-semibold">{t.digits}</legend>
          {(['latn', 'arab'] as const).map((digits) => (
            <label key={digits} className="me-6 inline-flex items-center gap-2">
              <input type="radio" name="digits" value={digits} defaultChecked={settings.digits === digits} />
              {digits === 'latn' ? t.digitsLatn : t.digitsArab}
            </label>
          ))}
          <FieldError name="digits" />
        </fieldset>
        <SubmitButton>{t.save}</SubmitButton>
      </ActionForm>
    </div>
  );
}
