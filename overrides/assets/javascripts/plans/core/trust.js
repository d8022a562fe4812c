/**
 * What a plan link's signature means on this copy of the guide, before anything of the plan is
 * shown. On a site with a clinic key, a link signed by that key for this clinic is verified; an
 * unsigned link is shown as not verified (without the clinic's name); a signature that fails is
 * refused, with the reason: the plan names another clinic ("not signed by this clinic"), or it
 * was changed after it was signed. A site without a key can verify nothing: every plan shows as
 * not verified.
 */

/**
 * @typedef {{show: true, verified: boolean} | {show: false, reason: "signature-changed" | "signature-other-clinic"}} Trust
 */

/**
 * @param {{siteKey: boolean, signature: string | null, valid: boolean, clinic: string, siteClinic: string}} link
 *   siteKey: the site has a clinic key; signature: the link's, if any; valid: the key verifies the
 *   signature over the payload; clinic: the clinic the plan names; siteClinic: this site's
 * @returns {Trust}
 */
export function trust(link) {
  if (!link.siteKey || link.signature === null) return { show: true, verified: false };
  if (link.clinic !== link.siteClinic) return { show: false, reason: "signature-other-clinic" };
  return link.valid ? { show: true, verified: true } : { show: false, reason: "signature-changed" };
}
