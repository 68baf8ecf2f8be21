'use client';

import dynamic from 'next/dynamic';

/**
 * The embed script as a chunk of its own: a page whose story has no embed never renders this, so
 * its readers never download the parser and the frame code (docs/decisions/0035).
 */
export const EmbedFramesOnDemand = dynamic(() => import('./embed-frames').then((module) => module.EmbedFrames));
