export interface Session {
  token: string;
  customerId: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionRow {
  token: string;
  customer_id: string;
  created_at: string;
  expires_at: string;
}

export function sessionFromRow(row: SessionRow): Session {
  return {
    token: row.token,
    customerId: row.customer_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export function isSessionExpired(session: Session, now: Date = new Date()): boolean {
  return new Date(session.expiresAt).getTime() <= now.getTime();
}
