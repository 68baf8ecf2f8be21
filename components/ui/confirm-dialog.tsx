'use client';

import { Button } from 'react-aria-components';
import { ModalDialog } from './dialog';
import { buttonStyle } from './styles';

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
    <ModalDialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} role="alertdialog" dir={dir} lang={lang}>
      {({ close }) => (
        <>
          <div className="text-sm leading-relaxed">{children}</div>
          <div className="flex flex-wrap gap-2 pt-2">
            <Button
              onPress={() => {
                close();
                onConfirm();
              }}
              className={tone === 'danger' ? buttonStyle.danger : buttonStyle.primary}
            >
              {confirmLabel}
            </Button>
            <Button autoFocus onPress={close} className={buttonStyle.secondary}>
              {cancelLabel}
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
