import { useEffect, useState } from "react";

/**
 * Whether an element has come within `margin` of the viewport; once true, it stays true. What is
 * drawn only then costs nothing to a reader who never scrolls to it. Returns the ref to put on
 * the element (a callback, so an element that appears later is watched too). Without
 * IntersectionObserver (old browsers, tests) everything counts as near.
 */
export function useNearViewport(margin = "400px"): [(element: Element | null) => void, boolean] {
  const [element, setElement] = useState<Element | null>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || element === null) return;
    // Set from an effect even then, never while rendering: what appears is then drawn as an
    // update of its own, not as part of whatever drew the element.
    if (typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, margin, near]);
  return [setElement, near];
}
