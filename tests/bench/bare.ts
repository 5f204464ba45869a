/**
 * The ceiling: a bare node:http server answering each benchmarked URL with the same bytes the
 * real server sends (body and headers), from memory. Started by run.ts as its own process.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { Answer } from "./run";

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error("usage: bare.ts <answers.json> <port>");
const answers = new Map(
  Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, Answer>).map(([url, answer]) => [
    url,
    { body: Buffer.from(answer.body), headers: answer.headers },
  ]),
);

http
  .createServer((req, res) => {
    const answer = answers.get(req.url ?? "");
    if (!answer) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, answer.headers);
    res.end(answer.body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
