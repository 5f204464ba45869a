import { useEffect } from "react";
import { id as t } from "../../shared/messages/id";

/** Sets the document title, so tabs, history and screen readers name the page. */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${t.appName}` : t.appName;
  }, [title]);
}
