// plans/core/trust.js and planId: what a link's signature means here, and one id per plan.
import assert from "node:assert/strict";
import { test } from "node:test";
import { planId } from "../../overrides/assets/javascripts/plans/core/plan.js";
import { trust } from "../../overrides/assets/javascripts/plans/core/trust.js";

const SITE = { siteKey: true, clinic: "harbourside", siteClinic: "harbourside" };

test("on a site with a clinic key: verified, unsigned, or refused with the reason", () => {
  assert.deepEqual(trust({ ...SITE, signature: "sig", valid: true }), { show: true, verified: true });
  assert.deepEqual(trust({ ...SITE, signature: null, valid: false }), { show: true, verified: false });
  assert.deepEqual(trust({ ...SITE, signature: "sig", valid: false }), { show: false, reason: "signature-changed" });
  assert.deepEqual(trust({ ...SITE, clinic: "elsewhere", signature: "sig", valid: false }), { show: false, reason: "signature-other-clinic" });
  assert.deepEqual(trust({ ...SITE, clinic: "elsewhere", signature: null, valid: false }), { show: true, verified: false });
});

test("a site without a key verifies nothing and refuses nothing for its signature", () => {
  assert.deepEqual(trust({ ...SITE, siteKey: false, signature: "sig", valid: false }), { show: true, verified: false });
  assert.deepEqual(trust({ ...SITE, siteKey: false, signature: "sig", valid: true }), { show: true, verified: false });
});

test("a kept plan's id comes from its payload alone", async () => {
  const id = await planId("abc");
  assert.match(id, /^p-[0-9a-f]{16}$/);
  assert.equal(await planId("abc"), id);
  assert.notEqual(await planId("abd"), id);
});
