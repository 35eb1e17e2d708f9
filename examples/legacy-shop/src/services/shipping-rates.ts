import { config } from "#shop/utils/config.js";
import { CARRIERS, SERVICE_LEVELS } from "../models/index.js";
import type { Carrier, RateQuote, ServiceLevel } from "../models/index.js";

interface CarrierTariff {
  baseCents: number;
  perKgCents: number;
  standardDays: number;
  expressMultiplier: number;
}

// Negotiated tariffs (cost to us, not the price the customer pays).
const TARIFFS: Record<Carrier, CarrierTariff> = {
  postal: { baseCents: 350, perKgCents: 120, standardDays: 5, expressMultiplier: 1.8 },
  ups: { baseCents: 520, perKgCents: 90, standardDays: 3, expressMultiplier: 1.6 },
  fedex: { baseCents: 610, perKgCents: 80, standardDays: 3, expressMultiplier: 1.5 },
};

export function quoteRate(carrier: Carrier, serviceLevel: ServiceLevel, weightGrams: number): RateQuote {
  const tariff = TARIFFS[carrier];
  const kilos = Math.max(1, Math.ceil(weightGrams / 1000));
  const standard = tariff.baseCents + tariff.perKgCents * kilos;
  const costCents = serviceLevel === "express" ? Math.round(standard * tariff.expressMultiplier) : standard;
  const estimatedDays = serviceLevel === "express" ? 1 : tariff.standardDays;
  return { carrier, serviceLevel, costCents, estimatedDays };
}

export function quoteAllRates(weightGrams: number): RateQuote[] {
  const quotes: RateQuote[] = [];
  for (const carrier of CARRIERS) {
    for (const level of SERVICE_LEVELS) quotes.push(quoteRate(carrier, level, weightGrams));
  }
  return quotes.sort((a, b) => a.costCents - b.costCents || a.estimatedDays - b.estimatedDays);
}

/** What the customer would pay for standard shipping, for the rates endpoint. */
export function customerShippingPrice(subtotalCents: number): number {
  return subtotalCents >= config.freeShippingThresholdCents ? 0 : config.standardShippingCents;
}
