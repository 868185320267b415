/** A local web server for intake tests: the saved article page, redirects, a big page, a PDF, a page that never answers. */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ROOT } from "../helpers.ts";

export const ARTICLE_PAGE = readFileSync(`${ROOT}tests/fixtures/pages/karachi-mining-pilot.html`, "utf8");

/** A web server on 127.0.0.1 with one request handler: start it, name its pages' addresses, stop it. */
export abstract class LocalSite {
  protected abstract handle(req: IncomingMessage, res: ServerResponse): void;
  private readonly server: Server = createServer((req, res) => this.handle(req, res));

  async start(): Promise<this> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
  }
}

export class PageServer extends LocalSite {
  protected handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? "/";
    const hops = /^\/hop\/(\d+)$/.exec(path);
    if (path === "/article") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE_PAGE);
    else if (path === "/moved") res.writeHead(301, { location: "/article" }).end();
    else if (hops) res.writeHead(302, { location: Number(hops[1]) > 0 ? `/hop/${Number(hops[1]) - 1}` : "/article" }).end();
    else if (path === "/to-metadata") res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    else if (path === "/to-private") res.writeHead(302, { location: "http://10.0.0.8/admin" }).end();
    else if (path === "/big") {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = `<p>${"x".repeat(1023)}</p>`;
      let sent = 0;
      const more = () => {
        while (sent < 5 * 1024 && res.write(chunk)) sent++;
        if (sent >= 5 * 1024) res.end();
        else res.once("drain", more);
      };
      res.on("error", () => undefined);
      more();
    } else if (path === "/report.pdf") res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
    else if (path === "/slow") res.writeHead(200, { "content-type": "text/html" }).write("<html>"); // and nothing more
    else res.writeHead(404).end();
  }
}
