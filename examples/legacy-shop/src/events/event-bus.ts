import { EventEmitter } from "node:events";
import type { OrderStatus } from "../models/index.js";
import { createLogger, errorContext } from "../utils/index.js";

const log = createLogger("event-bus");

export interface OrderPlacedEvent {
  orderId: string;
  customerId: string;
  totalCents: number;
  itemCount: number;
  placedAt: string;
}

export interface OrderShippedEvent {
  orderId: string;
  customerId: string;
  carrier: string;
  trackingNumber: string;
}

export interface OrderRefundedEvent {
  orderId: string;
  customerId: string;
  amountCents: number;
  status: OrderStatus;
}

export interface ShopEvents {
  "order.placed": OrderPlacedEvent;
  "order.shipped": OrderShippedEvent;
  "order.refunded": OrderRefundedEvent;
}

export type ShopEventName = keyof ShopEvents;
export type ShopEventHandler<K extends ShopEventName> = (payload: ShopEvents[K]) => void;

/**
 * In-process event bus. Handlers run synchronously inside emit(), so a failing
 * handler must never break the request that emitted the event.
 */
export class ShopEventBus {
  private readonly emitter = new EventEmitter();

  on<K extends ShopEventName>(event: K, handler: ShopEventHandler<K>): () => void {
    const wrapped = (payload: ShopEvents[K]): void => {
      try {
        handler(payload);
      } catch (err) {
        log.error(`handler for ${event} failed`, errorContext(err));
      }
    };
    this.emitter.on(event, wrapped);
    return () => this.emitter.off(event, wrapped);
  }

  emit<K extends ShopEventName>(event: K, payload: ShopEvents[K]): void {
    log.debug("emit", { event });
    this.emitter.emit(event, payload);
  }

  listenerCount(event: ShopEventName): number {
    return this.emitter.listenerCount(event);
  }

  removeAll(): void {
    this.emitter.removeAllListeners();
  }
}

export const eventBus = new ShopEventBus();
