'use client';

import { Dialog, Heading, Modal, ModalOverlay, type DialogRenderProps } from 'react-aria-components';

/**
 * A modal dialog: focus moves into it and stays there, Escape or a press outside closes it, and
 * focus goes back to what opened it. It is drawn at the end of the document, so it takes the
 * direction and language of the page that opened it. `role="alertdialog"` is for questions that
 * must be answered (ConfirmDialog); everything else is a plain dialog named by its title.
 */
export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  role = 'dialog',
  dir,
  lang,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: (render: DialogRenderProps) => React.ReactNode;
  role?: 'dialog' | 'alertdialog';
  dir?: string;
  lang?: string;
}) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable dir={dir} lang={lang} className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <Modal className="max-h-full w-full max-w-md overflow-y-auto rounded-lg bg-paper p-5 shadow-xl">
        <Dialog role={role} className="space-y-3 outline-none">
          {(render) => (
            <>
              <Heading slot="title" className="text-lg font-bold">
                {title}
              </Heading>
              {children(render)}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
