import { Component, type ReactNode } from "react";
import { id as t } from "../../shared/messages/id";

interface Props {
  children: ReactNode;
  /** A new value (another page) tries again. */
  resetKey: string;
}

/**
 * A page whose code could not be fetched (the connection dropped, or a new version went live
 * since this tab was opened, so its old files are gone), or that failed while drawing: says so,
 * with a way to load the page afresh, instead of leaving the whole app blank.
 */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <p>{t.state.pageFailed}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t.state.reload}
        </button>
      </div>
    );
  }
}
