'use client';

import {
  Button,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';

/**
 * Short confirmations of what just happened («حُفظ.», «تمّ.»), shown in a corner of the desk and
 * read out politely by screen readers. The region is a landmark (F6 reaches it), a toast stays
 * while the pointer or focus is on it, and each can be closed. Refusals are not toasts: they stay
 * beside the form and the field they concern until the person acts on them.
 */
const queue = new ToastQueue<{ message: string }>({ maxVisibleToasts: 3 });

/** Long enough to read a sentence; the region pauses it while someone is reading. */
const SHOWN_FOR_MS = 6000;

export function showStatusToast(message: string): void {
  queue.add({ message }, { timeout: SHOWN_FOR_MS });
}

export function StatusToasts({ label, closeLabel }: { label: string; closeLabel: string }) {
  return (
    <ToastRegion queue={queue} aria-label={label} className="fixed bottom-4 end-4 z-50 flex max-w-sm flex-col gap-2 outline-none">
      {({ toast }) => (
        <Toast toast={toast} className="flex items-center gap-4 rounded-md bg-ink px-4 py-3 text-paper shadow-lg outline-offset-2">
          <ToastContent className="flex-1">
            <Text slot="title">{toast.content.message}</Text>
          </ToastContent>
          <Button slot="close" aria-label={closeLabel} className="rounded px-1 text-lg leading-none outline-offset-2">
            ×
          </Button>
        </Toast>
      )}
    </ToastRegion>
  );
}
