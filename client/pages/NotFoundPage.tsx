import { Link } from "react-router";
import { id as t } from "../../shared/messages/id";
import { usePageTitle } from "../lib/usePageTitle";

export function NotFoundPage() {
  usePageTitle(t.state.notFound);
  return (
    <div className="page">
      <h1>{t.state.notFound}</h1>
      <Link to="/">{t.state.backHome}</Link>
    </div>
  );
}
