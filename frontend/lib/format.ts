const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const fractions = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumSignificantDigits: 2 });

/** Dollars to the cent, and a call's fraction of a cent with two significant digits rather than as $0.00. */
export function usd(value: number): string {
  return value !== 0 && Math.abs(value) < 0.01 ? fractions.format(value) : cents.format(value);
}
