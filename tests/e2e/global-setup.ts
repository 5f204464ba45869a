import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E_ACCOUNTS, E2E_PASSWORD } from "./accounts";

/**
 * Creates the accounts with the real account command, then starts the real server
 * (`server/index.ts`, as `npm start` runs it after the build) on a free port with that new
 * temporary database, and signs each account in once so tests can start signed in.
 */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), "pantau-e2e-"));
  const env = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${join(dir, "pantau.sqlite")}`,
    PANTAU_PASSWORD: E2E_PASSWORD,
  };
  for (const account of Object.values(E2E_ACCOUNTS)) {
    const args = ["add", account.username, "--role", account.role, "--name", account.displayName];
    if (account.agency) args.push("--agency", account.agency);
    execFileSync(process.execPath, ["--import", "tsx", "server/cli/user.ts", ...args], {
      env,
      stdio: "pipe",
    });
  }

  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("Server did not start within 60 s")), 60_000);
    let output = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}: ${output}`));
    });
  });
  process.env.PANTAU_E2E_URL = url;

  for (const [key, account] of Object.entries(E2E_ACCOUNTS)) {
    const response = await fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: url },
      body: JSON.stringify({ username: account.username, password: E2E_PASSWORD }),
    });
    if (!response.ok) throw new Error(`Sign-in of ${account.username} failed: ${response.status}`);
    const [pair] = (response.headers.get("set-cookie") ?? "").split(";");
    const [name, value] = (pair ?? "").split("=");
    const state = {
      cookies: [
        {
          name: name ?? "",
          value: value ?? "",
          domain: "127.0.0.1",
          path: "/",
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: "Lax" as const,
        },
      ],
      origins: [],
    };
    const file = join(dir, `state-${key}.json`);
    writeFileSync(file, JSON.stringify(state));
    process.env[`PANTAU_E2E_STATE_${key.toUpperCase()}`] = file;
  }

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dir, { recursive: true, force: true });
  };
}
