import { type ReactNode, useEffect, useRef } from "react";
import { id as t } from "../../../shared/messages/id";

/** A modal dialog over the deck, open while mounted; Escape or the close button ends it. */
export function DeckDialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  return (
    <dialog ref={ref} className="deck-dialog" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      {children}
      <button type="button" onClick={onClose}>
        {t.apel.close}
      </button>
    </dialog>
  );
}
