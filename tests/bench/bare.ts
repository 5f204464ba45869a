/**
 * The ceiling: a bare node:http server answering each benchmarked URL with the same bytes and
 * content type the real server sends, from memory. Started by run.ts as its own process.
 */
import { readFileSync } from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error("usage: bare.ts <answers.json> <port>");
const answers = new Map(
  Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>).map(([url, body]) => [
    url,
    Buffer.from(body),
  ]),
);

http
  .createServer((req, res) => {
    const body = answers.get(req.url ?? "");
    if (!body) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length });
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
