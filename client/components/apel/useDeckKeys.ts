import { useEffect, useRef } from "react";

interface Handlers {
  count: number;
  go: (index: number | ((current: number) => number)) => void;
  /** The slide index of issue `number`, or -1 when there is none. */
  issueSlide: (number: number) => number;
  toggleFullScreen: () => void;
}

/** How long a first digit waits for a second one (`1` then `1` is issue 11). */
const DIGIT_WINDOW_MS = 1000;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("dialog[open]")) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

/**
 * The keys a presenter and a clicker use: ←/→, PageUp/PageDown and space to move, Home/End,
 * digits to jump to an issue (two digits typed quickly for #10 and #11), F for full screen.
 */
export function useDeckKeys({ count, go, issueSlide, toggleFullScreen }: Handlers) {
  const digits = useRef<{ text: string; at: number }>({ text: "", at: 0 });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // A focused button takes its own Space and Enter.
      const onControl = event.target instanceof HTMLElement && event.target.closest("button, a, summary");
      const last = count - 1;
      switch (event.key) {
        case "ArrowRight":
        case "PageDown":
        case "ArrowDown":
          go((i) => Math.min(i + 1, last));
          break;
        case "ArrowLeft":
        case "PageUp":
        case "ArrowUp":
          go((i) => Math.max(i - 1, 0));
          break;
        case " ":
          if (onControl) return;
          go((i) => (event.shiftKey ? Math.max(i - 1, 0) : Math.min(i + 1, last)));
          break;
        case "Home":
          go(0);
          break;
        case "End":
          go(last);
          break;
        case "f":
        case "F":
          toggleFullScreen();
          break;
        default: {
          if (!/^[0-9]$/.test(event.key)) return;
          const now = Date.now();
          const previous = digits.current;
          const joined = now - previous.at < DIGIT_WINDOW_MS ? previous.text + event.key : event.key;
          const text = issueSlide(Number(joined)) >= 0 ? joined : event.key;
          digits.current = { text, at: now };
          const index = issueSlide(Number(text));
          if (index < 0) return;
          go(index);
        }
      }
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [count, go, issueSlide, toggleFullScreen]);
}
