import { useEffect, useRef, useState } from "react";
import { id as t } from "../../../shared/messages/id";
import { DeckDialog } from "./DeckDialog";

/**
 * Text cut to `lines` lines so a slide never scrolls, with the whole of it one click away in a
 * dialog when it was cut.
 */
export function ClampedText({
  text,
  lines,
  title,
  className,
}: {
  text: string;
  lines: number;
  title: string;
  className?: string;
}) {
  const shown = useRef<HTMLParagraphElement>(null);
  const [cut, setCut] = useState(false);
  const [open, setOpen] = useState(false);

  // Measured after every render and on resize: a slide shown again or a new screen size can change it.
  useEffect(() => {
    const measure = () => {
      const el = shown.current;
      if (el && el.clientHeight > 0) setCut(el.scrollHeight > el.clientHeight + 1);
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  });

  return (
    <div className={["clamp-box", className].filter(Boolean).join(" ")}>
      <p ref={shown} className="clamp" style={{ WebkitLineClamp: lines, lineClamp: lines }}>
        {text}
      </p>
      {cut ? (
        <button type="button" className="link-button read-more" onClick={() => setOpen(true)}>
          {t.apel.readMore}
          <span className="visually-hidden">: {title}</span>
        </button>
      ) : null}
      {open ? (
        <DeckDialog title={title} onClose={() => setOpen(false)}>
          <p className="deck-dialog-text">{text}</p>
        </DeckDialog>
      ) : null}
    </div>
  );
}
