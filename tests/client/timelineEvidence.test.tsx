import { configure, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { IssuePage } from "../../client/pages/IssuePage";
import { callerAs, createAccount, createTestDb } from "../fixtures/db";
import { renderWithApp } from "../fixtures/render";
import { spokenText } from "../fixtures/text";

configure({ asyncUtilTimeout: 5_000 });

describe("Evidence and reasons in the timeline", () => {
  it("shows photos as thumbnails, PDFs as named links, and why a stage went back", async () => {
    const db = await createTestDb();
    const staff = await createAccount(db, { username: "dlh.staf", role: "opd", agencyCode: "DLH" });
    const file = (name: string, content_type: string, sha: string, size: number) =>
      db
        .insertInto("attachments")
        .values({ sha256: sha.repeat(64), content_type, size, original_name: name, uploaded_by: staff.id })
        .returning("id")
        .executeTakeFirstOrThrow();
    const photo = await file("TPS Sukun.webp", "image/webp", "b", 150_000);
    const report = await file("BAST TPS.pdf", "application/pdf", "c", 2_500_000);
    const issue = await callerAs(db, staff).issues.byNumber({ number: 3 });
    await callerAs(db, staff).updates.create({
      issueId: issue.id,
      expectedVersion: issue.version,
      stage: "penanganan",
      stageReason: "Atap TPS roboh, dibangun ulang.",
      physicalProgress: 70,
      note: "Pembangunan ulang atap dimulai.",
      attachmentIds: [photo.id, report.id],
    });

    renderWithApp(<IssuePage />, { db, route: "/isu/3", path: "/isu/:number", user: staff });
    const timeline = await screen.findByRole("region", { name: "Riwayat pembaruan" });
    const [newest, previous] = await within(timeline)
      .findAllByRole("listitem", {}, { timeout: 5_000 })
      .then((items) => items.filter((item) => item.classList.contains("timeline-item")));
    expect(newest).toHaveTextContent("Alasan tahap mundur: Atap TPS roboh, dibangun ulang.");
    expect(previous).not.toHaveTextContent("Alasan tahap mundur");

    const files = within(newest as HTMLElement).getByRole("list", { name: "Lampiran" });
    const thumbnail = within(files).getByRole("img", { name: "TPS Sukun.webp" });
    expect(thumbnail).toHaveAttribute("src", `/attachments/${photo.id}`);
    const pdf = within(files).getByRole("link", { name: "BAST TPS.pdf PDF" });
    expect(pdf).toHaveAttribute("href", `/attachments/${report.id}`);
    expect(spokenText(files)).toContain("2,4 MB");
  });
});
