// Signs or verifies a plan link with plans/core/plan.js, so the Python tests can check that a key made by
// the `clinic-key` command works in the browser code. Reads one JSON object on stdin:
//   {"action": "sign", "plan": {...}, "private_pem": "-----BEGIN PRIVATE KEY-----..."}
//     -> {"ok": true, "payload": "...", "signature": "...", "fragment": "p1.<payload>.<signature>"}
//   {"action": "verify", "fragment": "p1....", "public_jwk": {...}, "limits"?: {"max_chars", "max_bytes"}}
//     -> {"ok": true, "signed": bool, "verified": bool, "plan": {...}}
// and otherwise {"ok": false, "error": code} (with "path" for "bad-shape"). Exits 0 unless stdin
// is not JSON.
import {
  decodePayload, encodePlan, importPrivateKey, importPublicKey, parseFragment, signPayload, verifyPayload,
} from "../../../overrides/assets/javascripts/plans/core/plan.js";

/** Generous: the tool checks keys and signatures, not the site's limits. */
const LIMITS = { max_chars: 100_000, max_bytes: 100_000 };

/** @param {any} input */
async function sign(input) {
  const key = await importPrivateKey(String(input.private_pem ?? ""));
  if (!key) return { ok: false, error: "bad-key" };
  let payload;
  try {
    payload = await encodePlan(input.plan);
  } catch (error) {
    return { ok: false, error: "bad-shape", path: String(/** @type {Error} */ (error).message).replace(/^bad-shape ?/, "") };
  }
  const signature = await signPayload(key, payload);
  return { ok: true, payload, signature, fragment: `p1.${payload}.${signature}` };
}

/** @param {any} input */
async function verify(input) {
  const key = await importPublicKey(input.public_jwk);
  if (!key) return { ok: false, error: "bad-key" };
  const parts = parseFragment(String(input.fragment ?? ""));
  if (!parts.ok) return { ok: false, error: parts.error };
  const signed = parts.signature !== null;
  const verified = signed && (await verifyPayload(key, parts.payload, /** @type {string} */ (parts.signature)));
  const decoded = await decodePayload(parts.payload, input.limits ?? LIMITS);
  if (!decoded.ok) return { ...decoded, signed, verified };
  return { ok: true, signed, verified, plan: decoded.plan };
}

let text = "";
for await (const chunk of process.stdin) text += chunk;
const input = JSON.parse(text);
const actions = { sign, verify };
const action = Object.hasOwn(actions, input.action) ? actions[/** @type {"sign" | "verify"} */ (input.action)] : null;
const result = action ? await action(input) : { ok: false, error: "unknown-action" };
process.stdout.write(JSON.stringify(result));
