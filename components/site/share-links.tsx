import { format, type Messages } from '@/i18n';

/**
 * Plain share links: no third-party script, no tracking pixel, nothing loaded until the reader
 * chooses a network.
 */
export function ShareLinks({ url, title, tr }: { url: string; title: string; tr: Messages['reader'] }) {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const links = [
    { name: tr.networks.x, href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { name: tr.networks.facebook, href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: tr.networks.whatsapp, href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { name: tr.networks.telegram, href: `https://t.me/share/url?url=${u}&text=${text}` },
  ];
  return (
    <section aria-labelledby="share-heading" className="share-links print:hidden">
      <h2 id="share-heading" className="text-sm font-semibold text-muted">
        {tr.shareHeading}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.name}>
            <a
              href={link.href}
              rel="noopener noreferrer nofollow"
              className="inline-block rounded-full border border-rule px-3 py-1.5 text-sm hover:border-accent hover:text-accent"
            >
              {format(tr.shareOn, { network: link.name })}
            </a>
          </li>
        ))}
        <li>
          <a
            href={`mailto:?subject=${text}&body=${u}`}
            className="inline-block rounded-full border border-rule px-3 py-1.5 text-sm hover:border-accent hover:text-accent"
          >
            {tr.shareByEmail}
          </a>
        </li>
      </ul>
    </section>
  );
}
