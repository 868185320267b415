/**
 * Fetching a page a moderator names, safely: http(s) only; the host's
 * addresses are checked when the connection is made (so a DNS answer cannot
 * change between the check and the connection) and again at every redirect —
 * loopback, private, link-local, carrier-grade NAT, multicast and cloud
 * metadata addresses are refused unless the host is in FETCH_ALLOW_HOSTS; at
 * most MAX_REDIRECTS redirects; a deadline for the whole fetch; HTML or plain
 * text only; at most MAX_PAGE_BYTES. Every refusal is a UserError of one line.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";
import { UserError } from "../core/errors.ts";

export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
export const USER_AGENT = "DaleelBot/0.1 (fetches a news article a moderator asked to add)";
const ACCEPTED_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain)\b/i;

/** Addresses no fetch may reach: what is on this machine, its network, or the cloud's metadata service. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4]] as const) BLOCKED.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["::ffff:0:0", 96], ["64:ff9b::", 96]] as const) BLOCKED.addSubnet(net, prefix, "ipv6");

export interface FetchOptions {
  /** Hosts exempt from the address check (FETCH_ALLOW_HOSTS), e.g. ["127.0.0.1"] in tests. */
  allowHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  /** Content types accepted (default: HTML, XHTML, plain text). */
  accept?: RegExp;
  /** Extra request headers, e.g. If-None-Match for a feed. */
  headers?: Record<string, string>;
}

export interface FetchedPage {
  /** The address the page was finally read from, after redirects. */
  url: string;
  contentType: string;
  body: string;
  /** 304: unchanged since the ETag or date given in `headers` (the body is empty). */
  notModified?: boolean;
  etag?: string;
  lastModified?: string;
}

/** Why an address may not be fetched, or undefined when it may. */
function blockedAddress(address: string): string | undefined {
  const family = isIP(address) === 6 ? "ipv6" : "ipv4";
  return BLOCKED.check(address, family) ? `${address} is a private, loopback or link-local address` : undefined;
}

/** The one-line refusal a moderator sees. */
function refusal(message: string): UserError {
  return new UserError(`Cannot add that page: ${message}.`);
}

function refuse(message: string): never {
  throw refusal(message);
}

const tooBig = (maxBytes: number) => refusal(`it is over ${Math.round(maxBytes / 1024 / 1024)} MB`);

/** The URL, checked: http(s), no credentials. */
function checkUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return refuse(`"${raw.slice(0, 80)}" is not a web address`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") refuse(`only http and https links can be fetched, not ${url.protocol.replace(":", "")}`);
  if (url.username || url.password) refuse("links with a user name or password are not fetched");
  return url;
}

/**
 * Fetches a page under the rules above. Resolves with its text (decoded as
 * UTF-8 unless the response names another charset Node knows).
 *
 * @example const page = await fetchPage("https://www.dawn.com/news/…", { allowHosts: [] });
 */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const deadline = Date.now() + (options.timeoutMs ?? FETCH_TIMEOUT_MS);
  let url = checkUrl(address);
  for (let redirects = 0; ; redirects++) {
    const response = await get(url, options, deadline);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (redirects >= MAX_REDIRECTS) refuse(`more than ${MAX_REDIRECTS} redirects`);
      url = checkUrl(response.headers.location, url);
      continue;
    }
    if (status === 304 && options.headers) {
      response.resume();
      return { url: url.href, contentType: "", body: "", notModified: true };
    }
    if (status < 200 || status >= 300) {
      response.resume();
      refuse(`the site answered ${status}`);
    }
    const contentType = String(response.headers["content-type"] ?? "");
    if (!(options.accept ?? ACCEPTED_TYPES).test(contentType)) {
      response.resume();
      refuse(`it is ${contentType.split(";")[0] || "of no stated type"}, not a web page or text`);
    }
    const body = await readBody(response, options.maxBytes ?? MAX_PAGE_BYTES, deadline);
    const charset = /charset=([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
    let text: string;
    try {
      text = new TextDecoder(charset ?? "utf-8").decode(body);
    } catch {
      text = new TextDecoder("utf-8").decode(body);
    }
    const header = (name: string) => (typeof response.headers[name] === "string" ? (response.headers[name] as string) : undefined);
    return { url: url.href, contentType, body: text, etag: header("etag"), lastModified: header("last-modified") };
  }
}

/** One GET, connecting only to allowed addresses (checked in the socket's own DNS lookup). */
function get(url: URL, options: FetchOptions, deadline: number): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const allowed = (options.allowHosts ?? []).includes(host);
  if (isIP(host) && !allowed) {
    const why = blockedAddress(host);
    if (why) refuse(why);
  }
  const lookup = (hostname: string, lookupOptions: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const list = addresses as LookupAddress[];
      const bad = allowed ? undefined : list.map((a) => blockedAddress(a.address)).find(Boolean);
      if (bad) return callback(refusal(`${url.hostname} resolves to ${bad.replace(" is ", ", ")}`), "");
      const wantsAll = (lookupOptions as { all?: boolean }).all;
      if (wantsAll) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
  const remaining = deadline - Date.now();
  const late = refusal(`the site did not answer within ${Math.round((options.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000)} s`);
  if (remaining <= 0) throw late;
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(
      url,
      { method: "GET", headers: { "user-agent": USER_AGENT, accept: "text/html,application/xhtml+xml,text/plain;q=0.9", ...options.headers }, lookup },
      resolve,
    );
    const timer = setTimeout(() => request.destroy(late), remaining);
    request.once("response", () => clearTimeout(timer));
    request.once("error", (error) => {
      clearTimeout(timer);
      reject(error instanceof UserError ? error : refusal(`${url.hostname} could not be reached (${(error as NodeJS.ErrnoException).code ?? error.message})`));
    });
    request.end();
  });
}

/** The body, up to `maxBytes` (refused beyond), within the deadline. */
function readBody(response: IncomingMessage, maxBytes: number, deadline: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(tooBig(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => response.destroy(refusal("the site did not finish sending it in time")), Math.max(0, deadline - Date.now()));
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) response.destroy(tooBig(maxBytes));
      else chunks.push(chunk);
    });
    response.once("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    response.once("error", (error) => {
      clearTimeout(timer);
      reject(error instanceof UserError ? error : refusal("the connection broke while reading it"));
    });
  });
}
