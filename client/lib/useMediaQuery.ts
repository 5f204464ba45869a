import { useSyncExternalStore } from "react";

/** Whether a CSS media query matches now; follows changes (rotating a phone, resizing). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== "function") return () => {};
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => typeof window.matchMedia === "function" && window.matchMedia(query).matches,
    () => false,
  );
}

export const PHONE = "(max-width: 700px)";

/** A projector or big TV at the apel (1280×800 and up): matches the CSS that enlarges the page. */
export const PROJECTOR = "(min-width: 1280px)";

/** A screen wide enough for the trend's date axis to name more months (1920×1080 and the like). */
export const WIDE = "(min-width: 1600px)";
