// Stripe's API sends decimal amounts (unit_amount_decimal…) as strings; the stripe package's types describe them as
// its Decimal class, which the Node SDK makes from those strings. Wire<T> is T as it travels over HTTP: every Decimal
// a string, everything else exactly as the package declares it. Used by StripeConformanceTests.
import type Stripe from 'stripe';

export type Wire<T> = T extends Stripe.Decimal
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
