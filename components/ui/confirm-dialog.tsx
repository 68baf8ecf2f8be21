'use client';

import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * Asks before a step readers or a colleague will feel at once (publishing, taking a story down,
 * deactivating an account). A modal alert dialog: focus moves into it and stays there, Escape or
 * «تراجع» closes it, and focus goes back to the button that opened it. The confirm button carries
 * the same name as the button that opened the dialog, so "press «نشر», then «نشر» again" reads
 * the same to a person and to a script.
 */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  tone = 'default',
  dir,
  lang,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What will happen, in a sentence or two. */
  children: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  tone?: 'default' | 'danger';
  /** The dialog is drawn at the end of the document: it takes the direction and language of the page that opened it. */
  dir?: string;
  lang?: string;
}) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable dir={dir} lang={lang} className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <Modal className="w-full max-w-md rounded-lg bg-paper p-5 shadow-xl">
        <Dialog role="alertdialog" className="space-y-3 outline-none">
          {({ close }) => (
            <>
              <Heading slot="title" className="text-lg font-bold">
                {title}
              </Heading>
              <div className="text-sm leading-relaxed">{children}</div>
              <div className="flex flex-wrap gap-2 pt-2">
                <Button
                  onPress={() => {
                    close();
                    onConfirm();
                  }}
                  className={`rounded-md px-4 py-2 font-semibold text-white outline-offset-2 ${tone === 'danger' ? 'bg-accent' : 'bg-ink'}`}
                >
                  {confirmLabel}
                </Button>
                <Button autoFocus onPress={close} className="rounded-md border border-rule px-4 py-2 outline-offset-2">
                  {cancelLabel}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
