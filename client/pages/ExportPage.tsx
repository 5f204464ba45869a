import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { isOpdKind } from "../../shared/domain";
import { id as t } from "../../shared/messages/id";
import { EXPORT_FILES, type ExportFile, exportQuery } from "../../shared/schemas/exports";
import { DateInput } from "../components/DateField";
import { FormField } from "../components/FormField";
import { parseDateText } from "../lib/formInput";
import { useTRPC } from "../lib/trpc";
import { usePageTitle } from "../lib/usePageTitle";

const x = t.export;
const WHATSAPP_LIMIT = 4096;

function exportUrl(
  file: ExportFile,
  params: { asOf?: string | undefined; agency?: string | undefined },
): string {
  const search = new URLSearchParams();
  if (params.asOf) search.set("asOf", params.asOf);
  if (params.agency) search.set("agency", params.agency);
  const query = search.toString();
  return `/export/${file}${query ? `?${query}` : ""}`;
}

/** The server's own words for a refused export, or a general message. */
async function readExportText(url: string): Promise<string> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? x.previewError);
  }
  return response.text();
}

function WhatsappPreview({ url }: { url: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const preview = useQuery({ queryKey: ["export", url], queryFn: () => readExportText(url) });
  const textId = useId();

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section className="panel export-preview" aria-labelledby={`${textId}-title`}>
      <h2 id={`${textId}-title`}>{x.preview}</h2>
      {preview.isPending ? (
        <p className="muted">{x.previewLoading}</p>
      ) : preview.isError ? (
        <p className="notice notice-error" role="alert">
          {preview.error.message}
        </p>
      ) : (
        <>
          <label htmlFor={textId} className="visually-hidden">
            {x.preview}
          </label>
          <textarea id={textId} className="export-text" readOnly value={preview.data} rows={14} />
          <p className="muted">{x.characters(preview.data.length, WHATSAPP_LIMIT)}</p>
          <button type="button" onClick={() => void copy(preview.data)}>
            {x.copy}
          </button>
          <p role="status" className={copied === "failed" ? "notice notice-error" : "muted"}>
            {copied === "yes" ? x.copied : copied === "failed" ? x.copyFailed : ""}
          </p>
        </>
      )}
    </section>
  );
}

export function ExportPage() {
  usePageTitle(x.title);
  const trpc = useTRPC();
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const [dateText, setDateText] = useState("");
  // Typed day first (18/11/2024) like every date in Pantau; the server takes it as 2024-11-18.
  const asOf = parseDateText(dateText) ?? dateText.trim();
  const [agency, setAgency] = useState("");
  const [file, setFile] = useState<ExportFile>("pantau.xlsx");

  const opd = useMemo(
    () => (agencies.data ?? []).filter((a) => isOpdKind(a.kind)).sort((a, b) => a.code.localeCompare(b.code)),
    [agencies.data],
  );
  // The same rule the server applies, so a wrong date is said here before any download.
  const parsed = exportQuery((agencies.data ?? []).map((a) => a.code)).safeParse({ asOf, agency });
  const dateError = parsed.success
    ? undefined
    : parsed.error.issues.find((i) => i.path[0] === "asOf")?.message;
  const params = parsed.success ? parsed.data : null;

  return (
    <div className="page export-page">
      <h1>{x.title}</h1>
      <p className="muted">{x.intro}</p>
      <form className="panel export-form" onSubmit={(event) => event.preventDefault()}>
        <FormField id="export-date" name="asOf" label={x.dateLabel} hint={x.dateHint} error={dateError}>
          {(control) => <DateInput {...control} value={dateText} onChange={setDateText} />}
        </FormField>
        <FormField id="export-agency" name="agency" label={x.agencyLabel}>
          {(control) => (
            <select {...control} value={agency} onChange={(event) => setAgency(event.target.value)}>
              <option value="">{x.agencyAll}</option>
              {opd.map((a) => (
                <option key={a.id} value={a.code}>
                  {a.code} · {a.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="export-format" name="format" label={x.formatLabel}>
          {(control) => (
            <select {...control} value={file} onChange={(event) => setFile(event.target.value as ExportFile)}>
              {EXPORT_FILES.map((f) => (
                <option key={f} value={f}>
                  {x.formats[f]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="export-actions">
          {params ? (
            <a className="button-link" href={exportUrl(file, params)} download>
              {x.download}: {x.formats[file]}
            </a>
          ) : (
            <p className="notice notice-error" role="alert">
              {dateError ?? x.previewError}
            </p>
          )}
        </div>
      </form>
      {params ? <WhatsappPreview url={exportUrl("whatsapp.txt", params)} /> : null}
    </div>
  );
}
