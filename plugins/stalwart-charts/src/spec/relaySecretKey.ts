/**
 * The Secret key holding the outbound relay password (v0.16 flavors read it from the env).
 *
 * @public
 */
export const RELAY_SECRET_KEY = 'STALWART_RELAY_SECRET';
