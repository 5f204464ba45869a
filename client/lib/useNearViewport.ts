import { useEffect, useState } from "react";

/**
 * Whether an element has come within `margin` of the viewport; once true, it stays true. What is
 * drawn only then costs nothing to a reader who never scrolls to it. Returns the ref to put on
 * the element (a callback, so an element that appears later is watched too). Without
 * IntersectionObserver (old browsers, tests) everything counts as near.
 */
export function useNearViewport(margin = "400px"): [(element: Element | null) => void, boolean] {
  const [element, setElement] = useState<Element | null>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    if (near || element === null) return;
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
