// @ts-nocheck
// Public, browser-side configuration. Nothing here is a secret: Vite inlines it into the bundle.
export const config = {
  apiBaseUrl: import.meta.env.VITE_API_BASE_URL ?? 'https://api.acme.io',
  stripePublishableKey: 'pk_live_51vMCDFoS6xDEJ0mNZqSh5Br211Gf9k5Rk2LCjfOLleiaDPiHYkoIzYxiCRPbIl2pIpZ9I9AtVusLVrbz3bkoqg0UHtf2mppYh0',
  sentryDsn: import.meta.env.VITE_SENTRY_DSN,
  posthogKey: import.meta.env.VITE_POSTHOG_KEY,
  oauth: {
    clientId: 'b2736834-6db5-4357-a2f9-499e81e790b9',
    authority: 'https://login.microsoftonline.com/0d5ab0f4-89c0-4b77-a32b-f44bdceb06a7',
    redirectUri: `${window.location.origin}/auth/callback`,
    scopes: ['openid', 'profile', 'offline_access'],
  },
  featureFlags: {
    newCheckout: true,
    passwordlessLogin: false,
  },
  buildSha: import.meta.env.VITE_BUILD_SHA ?? '3a3fce5b018af454e19fd51f7249c7d8317d5638',
};
