/**
 * A clinician's plan for one patient, carried whole in a link (`/my-plan/#<fragment>`) that never
 * reaches a server, optionally signed by the clinic; the patient's page checks the signature with
 * the site's public key and the plan against this guide before showing anything.
 *
 * Fragment: `p1.<payload>` unsigned, `p1.<payload>.<signature>` signed ("p1": version 1).
 * Payload: base64url (no padding) of deflate-raw of the UTF-8 JSON "wire" array, version first:
 *   [1, clinic, clinician, note, start, review, days_per_week, [item, ...]]
 *   item: [kind, id] without a dose, [kind, id, shape, ...numbers] with one
 *   kind: 0 exercise, 1 recovery, 2 routine, 3 stage; shape: 0 reps [sets, reps],
 *   1 hold [holds, seconds], 2 minutes [minutes]
 * e.g. [1,"harbourside","Sam Patel","Ice after runs.","2026-12-01","2027-01-12",3,
 *       [[0,"clams",0,2,15],[0,"wall-sit",1,3,30],[1,"easy-walk",2,20],[2,"hip-strength-1"]]]
 * The wire holds arrays, strings and integers only: an object anywhere (a `__proto__` key) is refused.
 *
 * Signature: ECDSA P-256, SHA-256, over the UTF-8 bytes of "p1." + payload exactly as in the link
 * (so the version cannot be swapped), as the 64-byte r||s WebCrypto gives (not DER), base64url.
 * Public key: JWK {"kty": "EC", "crv": "P-256", "x", "y"}, x and y 32 bytes each, base64url
 * without padding. Private key: a PEM "PRIVATE KEY" block (unencrypted PKCS#8, as `clinic-key`
 * writes it), its DER bytes, or a private JWK; SEC1 "EC PRIVATE KEY" and encrypted keys are refused.
 *
 * What this guide makes of a plan (its items, its bounds) is core/check.js.
 *
 * A link is untrusted: whatever reads one returns a code and never throws. A plan kept on the
 * device is named by its payload alone (`planId`): an ECDSA signature has a second valid form (s and
 * n - s), so a name that took the signature in would let one plan be kept twice.
 */
import { own } from "../../shared/core/own.js";


/**
 * @typedef {"exercise" | "recovery" | "routine" | "stage"} Kind
 * @typedef {"reps" | "hold" | "minutes"} Shape
 * @typedef {{shape: "reps", sets: number, reps: number} | {shape: "hold", holds: number, seconds: number}
 *   | {shape: "minutes", minutes: number}} Dose
 * @typedef {{kind: Kind, id: string, dose: Dose | null}} Item
 * @typedef {{v: 1, clinic: string, clinician: string, note: string, start: string, review: string,
 *   how_often: {days_per_week: number}, items: Item[]}} Plan
 * @typedef {{max_chars: number, max_bytes: number}} Limits
 * @typedef {"empty" | "too-long" | "not-base64" | "corrupt" | "too-big" | "not-json" | "wrong-version"
 *   | "bad-shape"} DecodeError
 * @typedef {{ok: true, plan: Plan} | {ok: false, error: DecodeError, path?: string}} Decoded
 * @typedef {{ok: true, payload: string, signature: string | null}
 *   | {ok: false, error: "empty" | "not-a-plan" | "wrong-version"}} Fragment
 */

const VERSION = 1;
const PREFIX = "p1";
/** The wire codes: a kind or a shape is its index here. */
const KINDS = /** @type {const} */ (["exercise", "recovery", "routine", "stage"]);
const SHAPES = /** @type {const} */ (["reps", "hold", "minutes"]);
/** The numbers of each dose shape, in wire order (also the keys of its bounds, and the order the
 * builder shows them). */
export const FIELDS = /** @type {const} */ ({ reps: ["sets", "reps"], hold: ["holds", "seconds"], minutes: ["minutes"] });
/** An ECDSA P-256 signature is two 32-byte numbers, r and s. */
const SIGNATURE_BYTES = 64;
const COORDINATE_BYTES = 32;
const ECDSA = { name: "ECDSA", hash: "SHA-256" };
/** Bytes of the SHA-256 of a payload that name a kept plan ("p-" and 16 hex digits). */
const ID_BYTES = 8;
const CURVE = { name: "ECDSA", namedCurve: "P-256" };
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A calendar date as a plan writes it, "YYYY-MM-DD". */
export const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** Control characters, lone surrogates, and the bidi controls that could reorder what a patient reads. */
const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
const PEM = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END PRIVATE KEY-----/;

/** @param {Uint8Array} bytes @returns {string} */
function toBase64url(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** @param {string} text @returns {Uint8Array<ArrayBuffer> | null} null unless exactly what toBase64url writes */
function fromBase64url(text) {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return toBase64url(bytes) === text ? bytes : null;
}

/** @param {Uint8Array<ArrayBuffer>} bytes @returns {Promise<Uint8Array<ArrayBuffer>>} */
async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Inflate chunk by chunk and stop as soon as the output passes maxBytes, so a small link that
 * inflates to gigabytes (a zip bomb) costs no more than maxBytes and one chunk.
 * @param {Uint8Array<ArrayBuffer>} bytes @param {number} maxBytes
 * @returns {Promise<Uint8Array | "corrupt" | "too-big">}
 */
async function inflate(bytes, maxBytes) {
  try {
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    /** @type {Uint8Array<ArrayBuffer>[]} */
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(() => {});
        return "too-big";
      }
      chunks.push(value);
    }
    return new Uint8Array(await new Blob(chunks).arrayBuffer());
  } catch {
    return "corrupt";
  }
}

/** @type {(value: unknown) => value is string} */
const isSlug = (value) => typeof value === "string" && SLUG.test(value);
/**
 * Text free of UNSAFE characters; a newline counts as a space where newlines are allowed (not as
 * nothing, which could join two halves of a surrogate pair).
 * @type {(value: unknown, newlines: boolean) => value is string}
 */
export const isText = (value, newlines) => typeof value === "string" && !UNSAFE.test(newlines ? value.replace(/\n/g, " ") : value);
/** @type {(value: unknown, codes: readonly string[]) => value is number} a wire code: an index into codes */
const isCode = (value, codes) => Number.isInteger(value) && Number(value) >= 0 && Number(value) < codes.length;

/** @param {Shape} shape @param {number[]} numbers in FIELDS order @returns {Dose} */
function makeDose(shape, numbers) {
  return /** @type {Dose} */ (Object.fromEntries([["shape", shape], ...FIELDS[shape].map((f, i) => [f, numbers[i]])]));
}

/** @param {Dose} dose @returns {[string, number][]} each number of the dose with its name, in FIELDS order */
export function doseFields(dose) {
  const values = /** @type {Record<string, number>} */ (/** @type {unknown} */ (dose));
  return FIELDS[dose.shape].map((f) => [f, values[f]]);
}

/** @param {Plan} plan @returns {unknown[]} */
function toWire(plan) {
  const items = plan.items.map((item) => {
    const head = [KINDS.indexOf(item.kind), item.id];
    return item.dose ? [...head, SHAPES.indexOf(item.dose.shape), ...doseFields(item.dose).map(([, n]) => n)] : head;
  });
  return [VERSION, plan.clinic, plan.clinician, plan.note, plan.start, plan.review, plan.how_often.days_per_week, items];
}

/** @param {unknown} raw @param {string} path @returns {Item | string} the item, or the path of what is wrong */
function itemFromWire(raw, path) {
  if (!Array.isArray(raw) || raw.length < 2) return path;
  if (!isCode(raw[0], KINDS)) return `${path}.kind`;
  if (!isSlug(raw[1])) return `${path}.id`;
  const head = { kind: KINDS[raw[0]], id: raw[1] };
  if (raw.length === 2) return { ...head, dose: null };
  if (!isCode(raw[2], SHAPES)) return `${path}.dose.shape`;
  const shape = SHAPES[raw[2]];
  const numbers = raw.slice(3);
  if (numbers.length !== FIELDS[shape].length) return `${path}.dose`;
  const wrong = numbers.findIndex((n) => !Number.isSafeInteger(n));
  if (wrong >= 0) return `${path}.dose.${FIELDS[shape][wrong]}`;
  return { ...head, dose: makeDose(shape, numbers) };
}

/** @param {unknown} wire parsed JSON @returns {Decoded} the plan if it has the shape of one (checkPlan judges it) */
function fromWire(wire) {
  /** @param {string} path @returns {Decoded} */
  const bad = (path) => ({ ok: false, error: "bad-shape", path });
  if (!Array.isArray(wire) || wire.length === 0) return bad("");
  if (wire[0] !== VERSION) return { ok: false, error: "wrong-version" };
  if (wire.length !== 8) return bad("");
  const [, clinic, clinician, note, start, review, days, rawItems] = wire;
  if (!isSlug(clinic)) return bad("clinic");
  if (!isText(clinician, false)) return bad("clinician");
  if (!isText(note, true)) return bad("note");
  if (typeof start !== "string" || !DATE.test(start)) return bad("start");
  if (typeof review !== "string" || !DATE.test(review)) return bad("review");
  if (!Number.isSafeInteger(days)) return bad("how_often.days_per_week");
  if (!Array.isArray(rawItems)) return bad("items");
  /** @type {Item[]} */
  const items = [];
  for (const [i, raw] of rawItems.entries()) {
    const item = itemFromWire(raw, `items.${i}`);
    if (typeof item === "string") return bad(item);
    items.push(item);
  }
  return { ok: true, plan: { v: VERSION, clinic, clinician, note, start, review, how_often: { days_per_week: days }, items } };
}

/**
 * The payload for a plan. Rejects (an Error whose message starts with "bad-shape") a plan that
 * could not be read back, so every payload this makes decodes to the same plan.
 * @param {Plan} plan
 * @returns {Promise<string>}
 */
export async function encodePlan(plan) {
  let json = "";
  /** @type {Decoded | null} */
  let back = null;
  try {
    json = JSON.stringify(toWire(plan));
    back = fromWire(JSON.parse(json));
  } catch {} // not a plan at all: refused below
  if (!back) throw new Error("bad-shape");
  if (!back.ok || plan.v !== VERSION) throw new Error(`bad-shape ${back.ok ? "v" : back.path}`);
  return toBase64url(await deflate(new TextEncoder().encode(json)));
}

/**
 * The plan in a payload, or why there is none. Never throws.
 * @param {string} payload
 * @param {Limits} limits from page data: longest payload (characters) and largest inflated JSON (bytes)
 * @returns {Promise<Decoded>}
 */
export async function decodePayload(payload, limits) {
  if (typeof payload !== "string" || payload === "") return { ok: false, error: "empty" };
  if (payload.length > limits.max_chars) return { ok: false, error: "too-long" };
  const bytes = fromBase64url(payload);
  if (!bytes) return { ok: false, error: "not-base64" };
  const inflated = await inflate(bytes, limits.max_bytes);
  if (typeof inflated === "string") return { ok: false, error: inflated };
  let wire;
  try {
    wire = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, error: "not-json" };
  }
  return fromWire(wire);
}

/**
 * Split a URL fragment ("#p1.<payload>[.<signature>]", with or without the "#") without
 * decoding it: "empty" for no fragment, "wrong-version" for a later "pN." fragment, "not-a-plan"
 * for anything else that is not of this form.
 * @param {string} hash
 * @returns {Fragment}
 */
export function parseFragment(hash) {
  const text = typeof hash === "string" ? hash.replace(/^#/, "") : "";
  if (text === "") return { ok: false, error: "empty" };
  const parts = text.split(".");
  const rest = parts.slice(1);
  if (rest.length < 1 || rest.length > 2 || rest.some((p) => p === "" || !BASE64URL.test(p))) {
    return { ok: false, error: "not-a-plan" };
  }
  if (parts[0] !== PREFIX) return { ok: false, error: /^p[0-9]+$/.test(parts[0]) ? "wrong-version" : "not-a-plan" };
  return { ok: true, payload: rest[0], signature: rest[1] ?? null };
}

/**
 * The id a kept plan has on this device: "p-" and the start of the SHA-256 of its payload. The
 * signature is left out (see the top of this file), so every link to one plan gives one id.
 * @param {string} payload
 * @returns {Promise<string>}
 */
export async function planId(payload) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(payload)));
  return `p-${[...digest.slice(0, ID_BYTES)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** @param {string} payload @returns {Uint8Array<ArrayBuffer>} what is signed: the UTF-8 bytes of "p1." + payload */
const signedBytes = (payload) => new TextEncoder().encode(`${PREFIX}.${payload}`);

/**
 * @param {CryptoKey} privateKey ECDSA P-256, usage "sign"
 * @param {string} payload
 * @returns {Promise<string>} the signature, base64url
 */
export async function signPayload(privateKey, payload) {
  return toBase64url(new Uint8Array(await crypto.subtle.sign(ECDSA, privateKey, signedBytes(payload))));
}

/**
 * Whether the clinic's key signed this payload. False for any malformed signature; never throws.
 * @param {CryptoKey} publicKey ECDSA P-256, usage "verify"
 * @param {string} payload
 * @param {string} signature base64url
 * @returns {Promise<boolean>}
 */
export async function verifyPayload(publicKey, payload, signature) {
  try {
    if (typeof payload !== "string" || typeof signature !== "string") return false;
    const bytes = fromBase64url(signature);
    if (!bytes || bytes.length !== SIGNATURE_BYTES) return false;
    return await crypto.subtle.verify(ECDSA, publicKey, bytes, signedBytes(payload));
  } catch {
    return false;
  }
}

/**
 * The site's public key from its JWK, or null when it is not a P-256 public key. Never throws.
 * @param {unknown} jwk {"kty": "EC", "crv": "P-256", "x": ..., "y": ...}; other members are ignored
 * @returns {Promise<CryptoKey | null>}
 */
export async function importPublicKey(jwk) {
  try {
    const key = /** @type {Record<string, unknown>} */ (jwk);
    if (!key || typeof key !== "object" || key.kty !== "EC" || key.crv !== "P-256") return null;
    /** @type {(v: unknown) => v is string} */
    const coordinate = (v) => typeof v === "string" && fromBase64url(v)?.length === COORDINATE_BYTES;
    if (!coordinate(key.x) || !coordinate(key.y)) return null;
    return await crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: key.x, y: key.y, ext: true }, CURVE, true, ["verify"]);
  } catch {
    return null;
  }
}

/**
 * The clinic's private key for signing, or null when it is not an unencrypted P-256 key in an
 * accepted form (see the top of this file). Never throws.
 * @param {string | ArrayBuffer | Uint8Array | JsonWebKey} key PEM text, PKCS#8 DER bytes or a private JWK
 * @param {boolean} [extractable] false unless the caller must export it again
 * @returns {Promise<CryptoKey | null>}
 */
export async function importPrivateKey(key, extractable = false) {
  try {
    /** @type {Uint8Array<ArrayBuffer> | ArrayBuffer | null} */
    let der = null;
    if (typeof key === "string") {
      const match = PEM.exec(key);
      der = match ? Uint8Array.from(atob(match[1].replace(/\s/g, "")), (c) => c.charCodeAt(0)) : null;
    } else if (key instanceof ArrayBuffer || key instanceof Uint8Array) {
      der = new Uint8Array(key);
    } else if (key && typeof key === "object" && key.kty === "EC" && key.crv === "P-256" && typeof key.d === "string") {
      const jwk = { kty: "EC", crv: "P-256", x: key.x, y: key.y, d: key.d };
      return await crypto.subtle.importKey("jwk", jwk, CURVE, extractable, ["sign"]);
    }
    return der ? await crypto.subtle.importKey("pkcs8", der, CURVE, extractable, ["sign"]) : null;
  } catch {
    return null;
  }
}
