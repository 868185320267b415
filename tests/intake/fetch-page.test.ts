import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/core/errors.ts";
import { fetchPage } from "../../src/intake/index.ts";
import { ARTICLE_PAGE, PageServer } from "./pages.ts";

let server: PageServer;
beforeAll(async () => {
  server = await new PageServer().start();
});
afterAll(() => server.stop());

const allowed = { allowHosts: ["127.0.0.1"] };
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return (error as Error).message;
}

describe("fetchPage", () => {
  it("reads a page from an allowed host, following a redirect", async () => {
    const page = await fetchPage(server.url("/moved"), allowed);
    expect(page.url).toBe(server.url("/article"));
    expect(page.body).toBe(ARTICLE_PAGE);
  });

  it("refuses loopback, private and metadata addresses, on every redirect", async () => {
    expect(await refusal(fetchPage(server.url("/article")))).toBe("Cannot add that page: 127.0.0.1 is a private, loopback or link-local address.");
    expect(await refusal(fetchPage(server.url("/to-metadata"), allowed))).toBe("Cannot add that page: 169.254.169.254 is a private, loopback or link-local address.");
    expect(await refusal(fetchPage(server.url("/to-private"), allowed))).toBe("Cannot add that page: 10.0.0.8 is a private, loopback or link-local address.");
    expect(await refusal(fetchPage("http://localhost:9/"))).toMatch(/^Cannot add that page: localhost resolves to (127\.0\.0\.1|::1), a private, loopback or link-local address\.$/);
  });

  it("refuses other schemes, more than 5 redirects, a 5 MB page, a PDF and a site that does not answer", async () => {
    expect(await refusal(fetchPage("ftp://example.com/a.txt"))).toBe("Cannot add that page: only http and https links can be fetched, not ftp.");
    expect(await refusal(fetchPage("file:///etc/passwd"))).toBe("Cannot add that page: only http and https links can be fetched, not file.");
    expect((await fetchPage(server.url("/hop/4"), allowed)).url).toBe(server.url("/article"));
    expect(await refusal(fetchPage(server.url("/hop/5"), allowed))).toBe("Cannot add that page: more than 5 redirects.");
    expect(await refusal(fetchPage(server.url("/big"), allowed))).toBe("Cannot add that page: it is over 2 MB.");
    expect(await refusal(fetchPage(server.url("/report.pdf"), allowed))).toBe("Cannot add that page: it is application/pdf, not a web page or text.");
    expect(await refusal(fetchPage(server.url("/slow"), { ...allowed, timeoutMs: 500 }))).toMatch(/^Cannot add that page: the site did not (answer|finish sending it) in/);
  });
});
