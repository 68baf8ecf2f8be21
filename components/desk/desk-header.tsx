import Link from 'next/link';
import { format, getMessages, type Locale } from '@/i18n';
import { can, type Capability, type Role } from '@/lib/permissions';
import { LanguageSwitch } from './language-switch';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

const NAV: { href: string; key: 'home' | 'stories' | 'review' | 'search' | 'users' | 'sections' | 'settings' | 'activity' | 'apiKeys' | 'account'; capability: Capability }[] = [
  { href: '/desk', key: 'home', capability: 'desk.access' },
  { href: '/desk/stories', key: 'stories', capability: 'desk.access' },
  { href: '/desk/search', key: 'search', capability: 'desk.access' },
  { href: '/desk/review', key: 'review', capability: 'article.review' },
  { href: '/desk/users', key: 'users', capability: 'users.manage' },
  { href: '/desk/sections', key: 'sections', capability: 'sections.manage' },
  { href: '/desk/settings', key: 'settings', capability: 'settings.manage' },
  { href: '/desk/activity', key: 'activity', capability: 'activity.read' },
  { href: '/desk/api-keys', key: 'apiKeys', capability: 'api_keys.manage' },
  { href: '/desk/account', key: 'account', capability: 'desk.access' },
];

/** The desk's own forms post to server actions the layout hands in (components never import app/). */
export interface DeskHeaderActions {
  setLocale: (form: FormData) => Promise<void>;
  signOut: () => Promise<void>;
}

export function DeskHeader({ user, locale, unread, actions }: { user: { name: string; role: Role }; locale: Locale; unread: number; actions: DeskHeaderActions }) {
  const t = getMessages(locale);
  return (
    <header className="border-b border-rule bg-white/60">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/desk" className="font-serif text-xl font-bold">
          {t.site.name} · {t.desk.title}
        </Link>
        <nav aria-label={t.desk.nav} className="flex flex-wrap gap-4 text-sm">
          {NAV.filter((item) => can(user.role, item.capability)).map((item) => (
            <NavLink key={item.href} href={item.href} className="hover:underline">
              {t.desk[item.key]}
            </NavLink>
          ))}
          <NavLink href="/desk/notifications" className="hover:underline">
            {t.notifications.title}
            {unread > 0 && (
              <span className="ms-1 rounded-full bg-accent px-1.5 text-xs text-white" aria-label={format(t.notifications.unread, { count: unread })}>
                {unread}
              </span>
            )}
          </NavLink>
          {/* Public pages are not prefetched from the desk: a prefetch renders a cached reader page
              on every desk view, racing the refresh a publish has just asked for. */}
          <Link href="/" prefetch={false} className="text-muted hover:underline">
            {t.desk.viewSite}
          </Link>
        </nav>
        <div className="ms-auto flex flex-wrap items-center gap-3 text-sm">
          <span>
            {/* The name keeps its own direction: an Arabic name in the English desk, or the reverse. */}
            {t.desk.signedInAs.split('{name}')[0]}
            <bdi>{user.name}</bdi>
            {t.desk.signedInAs.split('{name}')[1]} ·{' '}
            <span className="rounded bg-rule px-2 py-0.5">{t.desk.roles[user.role]}</span>
          </span>
          <LanguageSwitch locale={locale} action={actions.setLocale} />
          <form action={actions.signOut}>
            <SignOutButton label={t.auth.signOut} />
          </form>
        </div>
      </div>
    </header>
  );
}
