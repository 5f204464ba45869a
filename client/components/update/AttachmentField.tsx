import { type ChangeEvent, type Ref, useRef, useState } from "react";
import { id as t } from "../../../shared/messages/id";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from "../../../shared/schemas/updates";
import { formatFileSize } from "../../lib/fileSize";

export interface UploadItem {
  key: number;
  name: string;
  size: number;
  state: "uploading" | "done" | "error";
  id?: number;
  error?: string;
}

type UploadResult = { ok: true; id: number } | { ok: false; message: string };

/** Sends one file to `POST /attachments`; the server checks what it really is from its bytes. */
async function upload(file: File): Promise<UploadResult> {
  const text = t.account.form;
  try {
    const response = await fetch("/attachments", {
      method: "POST",
      headers: {
        "Content-Type": file.type || "application/octet-stream",
        "X-File-Name": encodeURIComponent(file.name),
      },
      body: file,
      credentials: "same-origin",
    });
    const body: unknown = await response.json().catch(() => null);
    if (
      response.ok &&
      typeof body === "object" &&
      body !== null &&
      "id" in body &&
      typeof body.id === "number"
    ) {
      return { ok: true, id: body.id };
    }
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    return { ok: false, message: typeof message === "string" ? message : text.uploadFailed };
  } catch {
    return { ok: false, message: text.uploadFailed };
  }
}

/** Evidence files of one update: each is uploaded as soon as it is chosen. */
export function useAttachments() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextKey = useRef(1);

  function settle(key: number, result: UploadResult) {
    setItems((current) =>
      current.map((item) =>
        item.key !== key
          ? item
          : result.ok
            ? { ...item, state: "done", id: result.id }
            : { ...item, state: "error", error: result.message },
      ),
    );
  }

  function add(files: readonly File[]) {
    const text = t.account.form;
    const added: UploadItem[] = [];
    for (const file of files) {
      const key = nextKey.current++;
      const base = { key, name: file.name, size: file.size };
      if (file.size > ATTACHMENT_MAX_BYTES) {
        added.push({ ...base, state: "error", error: text.tooLarge });
      } else if (file.type && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
        added.push({ ...base, state: "error", error: text.unsupportedType });
      } else {
        added.push({ ...base, state: "uploading" });
        void upload(file).then((result) => settle(key, result));
      }
    }
    setItems((current) => [...current, ...added]);
  }

  return {
    items,
    add,
    remove: (key: number) => setItems((current) => current.filter((item) => item.key !== key)),
    clear: () => setItems([]),
    uploading: items.some((item) => item.state === "uploading"),
    ids: items.flatMap((item) => (item.state === "done" && item.id !== undefined ? [item.id] : [])),
  };
}

interface Props {
  id: string;
  files: ReturnType<typeof useAttachments>;
  error: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  /** Called when a file is chosen or removed. */
  onChange?: () => void;
}

export function AttachmentField({ id, files, error, inputRef, onChange }: Props) {
  const text = t.account.form;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function choose(event: ChangeEvent<HTMLInputElement>) {
    files.add(Array.from(event.target.files ?? []));
    onChange?.();
    // Let the same file be chosen again after it was removed.
    event.target.value = "";
  }

  return (
    <div className="field field-wide">
      <label htmlFor={id}>{text.attachments}</label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        multiple
        accept={ATTACHMENT_TYPES.join(",")}
        onChange={choose}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      <p id={hintId} className="field-hint">
        {text.attachmentsHint}
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <ul className="upload-list" aria-live="polite" aria-label={text.uploadList}>
        {files.items.map((item) => (
          <li key={item.key} className={`upload upload-${item.state}`}>
            <span className="upload-name">{item.name}</span>
            <span className="muted"> {formatFileSize(item.size)}</span>
            <span className={item.state === "error" ? "upload-status field-error" : "upload-status"}>
              {item.state === "uploading"
                ? text.uploading
                : item.state === "done"
                  ? text.uploaded
                  : item.error}
            </span>
            <button
              type="button"
              className="button-secondary button-small"
              aria-label={text.remove(item.name)}
              onClick={() => {
                files.remove(item.key);
                onChange?.();
              }}
            >
              {text.removeShort}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
