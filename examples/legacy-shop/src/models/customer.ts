export interface Customer {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

export interface CustomerRecord extends Customer {
  passwordHash: string;
  passwordSalt: string;
}

export interface CustomerRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  password_salt: string;
  created_at: string;
}

export interface RegistrationInput {
  email: string;
  name: string;
  password: string;
}

export function customerFromRow(row: CustomerRow): CustomerRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    passwordSalt: row.password_salt,
    createdAt: row.created_at,
  };
}

/** Strip credentials before anything leaves the customers module. */
export function toPublicCustomer(record: CustomerRecord): Customer {
  return { id: record.id, email: record.email, name: record.name, createdAt: record.createdAt };
}
