/**
 * The expiry thresholds users of cert-manager dashboards expect: more than 30 days is fine,
 * 30 or fewer deserves a look, fewer than 7 is urgent.
 *
 * @public
 */
export const CERTIFICATE_THRESHOLDS = { warningDays: 30, criticalDays: 7 };
