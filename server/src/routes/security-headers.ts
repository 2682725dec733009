import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * helmet with a strict Content-Security-Policy: only Sift's own scripts, styles and API, no inline
 * script or style, no plugins, no framing, no <base> tricks. Comment text is untrusted, so even if
 * markup ever slipped into the page it could not load or run anything. `upgrade-insecure-requests`
 * is left out because Sift is often served over plain http on a local network, where upgrading
 * asset URLs to https would break the page.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    referrerPolicy: { policy: "same-origin" },
  });
}
