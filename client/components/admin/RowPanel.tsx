import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { id as t } from "../../../shared/messages/id";

/**
 * A form opened from a row of a list (edit, reset a password): it takes the focus when it opens,
 * so keyboard and screen-reader users land in it, and gives it back when it closes.
 */
export function RowPanel({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus goes back to the button that opened the panel when it closes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    heading.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <section className="panel row-panel" aria-labelledby={headingId}>
      <div className="row-panel-head">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {title}
        </h3>
        <button type="button" className="button-small button-secondary" onClick={onClose}>
          {t.admin.form.close}
        </button>
      </div>
      {children}
    </section>
  );
}

/** A button that opens a form for adding something, in a panel right below it. */
export function AddPanel({ label, title, children }: { label: string; title: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="add-panel">
      <button type="button" aria-expanded={open} onClick={() => setOpen((was) => !was)}>
        {label}
      </button>
      {open ? (
        <RowPanel title={title} onClose={() => setOpen(false)}>
          {children}
        </RowPanel>
      ) : null}
    </div>
  );
}
