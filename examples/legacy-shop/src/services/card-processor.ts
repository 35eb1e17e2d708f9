// Simulated card processor. Replaced the real gateway SDK in all non-prod
// environments in 2021 and, embarrassingly, in prod too. Rules are deterministic:
//   - number must pass the Luhn check                     -> invalid_number
//   - ends in 0002                                         -> card_declined
//   - ends in 9995                                         -> insufficient_funds
//   - expiry in the past                                   -> expired_card
//   - cvc must be 3 digits (4 for amex)                    -> incorrect_cvc
//   - amounts above 500,000 cents                          -> amount_limit_exceeded
import { createLogger } from "#shop/utils/logger.js";
import { newId } from "#shop/utils/ids.js";
import type { CardBrand, CardDetails } from "../models/index.js";

const log = createLogger("card-processor");

export type DeclineCode =
  | "invalid_number"
  | "card_declined"
  | "insufficient_funds"
  | "expired_card"
  | "incorrect_cvc"
  | "amount_limit_exceeded";

export interface ChargeResult {
  approved: boolean;
  reference: string | null;
  declineCode: DeclineCode | null;
  brand: CardBrand;
  last4: string;
}

const MAX_AMOUNT_CENTS = 500_000;

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  let double = false;
  for (let i = number.length - 1; i >= 0; i -= 1) {
    let digit = Number(number[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

export function detectBrand(number: string): CardBrand {
  if (/^4/.test(number)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  return "unknown";
}

function declineReason(amountCents: number, card: CardDetails, brand: CardBrand, now: Date): DeclineCode | null {
  if (!luhnValid(card.number)) return "invalid_number";
  const expiry = new Date(Date.UTC(card.expYear, card.expMonth, 1));
  if (expiry.getTime() <= now.getTime()) return "expired_card";
  if (!/^\d+$/.test(card.cvc) || card.cvc.length !== (brand === "amex" ? 4 : 3)) return "incorrect_cvc";
  if (card.number.endsWith("0002")) return "card_declined";
  if (card.number.endsWith("9995")) return "insufficient_funds";
  if (amountCents > MAX_AMOUNT_CENTS) return "amount_limit_exceeded";
  return null;
}

export function processCharge(amountCents: number, card: CardDetails, now: Date = new Date()): ChargeResult {
  const brand = detectBrand(card.number);
  const last4 = card.number.slice(-4);
  const declineCode = declineReason(amountCents, card, brand, now);
  if (declineCode) {
    log.info("charge declined", { last4, declineCode });
    return { approved: false, reference: null, declineCode, brand, last4 };
  }
  const reference = newId("ch");
  log.info("charge approved", { last4, amountCents, reference });
  return { approved: true, reference, declineCode: null, brand, last4 };
}

export function processRefund(chargeReference: string, amountCents: number): { reference: string } {
  if (!chargeReference.startsWith("ch_")) throw new Error(`Unknown charge reference ${chargeReference}`);
  if (amountCents <= 0) throw new Error("Refund amount must be positive");
  return { reference: newId("re") };
}
