// @ts-nocheck
import Stripe from 'stripe';

export const stripe = new Stripe(
  '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',
  // ^ secret
  { apiVersion: '2024-06-20', maxNetworkRetries: 2 },
);

export const PRICE_IDS = {
  monthly: 'price_1PQz8bLkdIwHu7ixQ3vF2a9c',
  yearly: 'price_1PQz9cLkdIwHu7ixZ8nB4d1e',
};

export const CHECKOUT_SESSION_EXAMPLE = 'cs_test_a1b2c3d4e5f6g7h8i9j0';
