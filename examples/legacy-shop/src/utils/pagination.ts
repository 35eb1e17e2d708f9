import { queryInt } from "./validation.js";

export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

export function parsePageRequest(query: unknown, defaultPageSize = 20, maxPageSize = 100): PageRequest {
  const page = queryInt(query, "page", 1, { min: 1 });
  const pageSize = queryInt(query, "pageSize", defaultPageSize, { min: 1, max: maxPageSize });
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

export function toPage<T>(items: T[], total: number, request: PageRequest): Page<T> {
  return {
    items,
    page: request.page,
    pageSize: request.pageSize,
    total,
    totalPages: Math.max(1, Math.ceil(total / request.pageSize)),
  };
}
