import { ActionForm, FieldError, SubmitButton } from '@/components/desk/action-form';
import { Field } from '@/components/ui/field';
import { getSiteSettings } from '@/db/queries/settings';
import { getMessages } from '@/i18n';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';
import { updateSettingsAction } from './actions';
import { fieldStyle } from '@/components/ui/styles';


export default async function SettingsPage() {
  await requireCapability('settings.manage');
  const locale = await getDeskLocale();
  const t = getMessages(locale).settingsAdmin;
  const settings = await getSiteSettings();
  const zones = Intl.supportedValuesOf('timeZone');
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
          <select name="timeZone" defaultValue={settings.timeZone} dir="ltr" className={`${fieldStyle} text-start`}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
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
