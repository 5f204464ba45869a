import type { ReactNode } from "react";
import { id as t } from "../../shared/messages/id";

interface Props {
  isPending: boolean;
  error: { message: string; data?: { code?: string } | null } | null;
  onRetry: () => void;
  notFound?: string;
  /** What the loading state says, when "loading data" is not the right words. */
  loadingText?: string;
  children: ReactNode;
}

/** Loading, error and not-found states that say what happened; the content otherwise. */
export function QueryState({ isPending, error, onRetry, notFound, loadingText, children }: Props) {
  if (error) {
    if (notFound && error.data?.code === "NOT_FOUND") {
      return (
        <p className="notice" role="alert">
          {notFound}
        </p>
      );
    }
    return (
      <div className="notice notice-error" role="alert">
        <p>{t.state.error}</p>
        <button type="button" onClick={onRetry}>
          {t.state.retry}
        </button>
      </div>
    );
  }
  if (isPending) {
    return <Loading text={loadingText} />;
  }
  return <>{children}</>;
}

/** A line saying something is on its way (data, or a page's code), announced to screen readers. */
export function Loading({ text = t.state.loading }: { text?: string | undefined }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {text}
    </p>
  );
}
