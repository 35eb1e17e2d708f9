import { findCustomerByEmail, findCustomerById, updateCustomerName } from "../repositories/customer-repository.js";
import { toPublicCustomer } from "../models/index.js";
import type { Customer } from "../models/index.js";
import { notFound } from "../utils/index.js";

export function getCustomer(id: string): Customer {
  const record = findCustomerById(id);
  if (!record) throw notFound("Customer", id);
  return toPublicCustomer(record);
}

export function findCustomerByEmailAddress(email: string): Customer | null {
  const record = findCustomerByEmail(email);
  return record ? toPublicCustomer(record) : null;
}

export function updateProfile(id: string, changes: { name?: string }): Customer {
  if (changes.name !== undefined && !updateCustomerName(id, changes.name)) throw notFound("Customer", id);
  return getCustomer(id);
}
