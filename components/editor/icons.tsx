import type { ReactNode } from 'react';

/** Toolbar pictograms, drawn on a 20-unit grid in the current text colour. Always decorative. */
function Icon({ children, mirrorInRtl = false }: { children: ReactNode; mirrorInRtl?: boolean }) {
  return (
    <svg
      viewBox="0 0 20 20"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={mirrorInRtl ? 'rtl:-scale-x-100' : undefined}
    >
      {children}
    </svg>
  );
}

export const BulletListIcon = () => (
  <Icon mirrorInRtl>
    <circle cx="4" cy="5" r="1.2" fill="currentColor" stroke="none" />
    <circle cx="4" cy="10" r="1.2" fill="currentColor" stroke="none" />
    <circle cx="4" cy="15" r="1.2" fill="currentColor" stroke="none" />
    <path d="M8 5h9M8 10h9M8 15h9" />
  </Icon>
);

// Numerals must never be mirrored, so the right-to-left drawing is its own, not a flipped copy.
export const OrderedListIcon = () => (
  <Icon>
    <g className="rtl:hidden">
      <path d="M3 3.5l1.2-.8v4.3M2.8 11.2c.3-.6 1.9-.9 1.9.3 0 .9-1.9 1.6-1.9 2.5h2M8 5h9M8 10h9M8 15h9" />
    </g>
    <g className="hidden rtl:inline">
      <path d="M15.5 3.5l1.2-.8v4.3M15.3 11.2c.3-.6 1.9-.9 1.9.3 0 .9-1.9 1.6-1.9 2.5h2M3 5h9M3 10h9M3 15h9" />
    </g>
  </Icon>
);

export const BlockquoteIcon = () => (
  <Icon>
    <path d="M4 4v12M8 6h8M8 10h8M8 14h5" />
  </Icon>
);

export const PullQuoteIcon = () => (
  <Icon>
    <path d="M4.5 8.5c0-2 1-3.3 2.8-3.8M4.5 8.5h2.6v3H4.5zM10.5 8.5c0-2 1-3.3 2.8-3.8M10.5 8.5h2.6v3h-2.6zM4 15.5h12" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M8.5 11.5l3-3M7.2 9.3L5.4 11a2.5 2.5 0 003.6 3.6l1.7-1.8M12.8 10.7l1.8-1.7A2.5 2.5 0 0011 5.4L9.3 7.2" />
  </Icon>
);

export const ImageIcon = () => (
  <Icon>
    <rect x="3" y="4" width="14" height="12" rx="1.5" />
    <circle cx="7.5" cy="8" r="1.3" />
    <path d="M3.5 14.5l4-4 3 3 2-2 4 4" />
  </Icon>
);

export const RuleIcon = () => (
  <Icon>
    <path d="M3 10h14M5 5.5h10M5 14.5h10" strokeOpacity="0.35" />
    <path d="M3 10h14" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon mirrorInRtl>
    <path d="M7 6L3.5 9.5 7 13M4 9.5h8a4 4 0 010 8h-2" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon mirrorInRtl>
    <path d="M13 6l3.5 3.5L13 13M16 9.5H8a4 4 0 000 8h2" />
  </Icon>
);

export const DirectionAutoIcon = () => (
  <Icon>
    <path d="M3 10h14M5.5 7.5L3 10l2.5 2.5M14.5 7.5L17 10l-2.5 2.5M8 4.5h4M8 15.5h4" />
  </Icon>
);

export const DirectionRtlIcon = () => (
  <Icon>
    <path d="M9 4.5h7M12 4.5v11M15 4.5v11M10.5 4.5a2.8 2.8 0 000 5.6h1.5M8 13H3M5.5 10.5L3 13l2.5 2.5" />
  </Icon>
);

export const DirectionLtrIcon = () => (
  <Icon>
    <path d="M4 4.5h7M7 4.5v11M10 4.5v11M5.5 4.5a2.8 2.8 0 000 5.6H7M12 13h5M14.5 10.5L17 13l-2.5 2.5" />
  </Icon>
);

export const EmbedIcon = () => (
  <Icon>
    <rect x="2.5" y="4" width="15" height="12" rx="2" />
    <path d="M8.5 7.5v5l4-2.5z" />
  </Icon>
);
