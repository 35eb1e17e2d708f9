import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startShop } from "./support/shop.js";
import type { ShopHandle } from "./support/shop.js";
import { call } from "./support/api.js";
import type { AuthResult, ErrorBody } from "./support/api.js";

let shop: ShopHandle;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(async () => {
  await shop.stop();
});

const email = `grace-${Date.now()}@example.test`;
const password = "hopper-1906-cobol";

describe("customer authentication", () => {
  it("registers a customer and returns a session token", async () => {
    const res = await call<AuthResult>(shop, "POST", "/api/auth/register", {
      body: { email: email.toUpperCase(), name: "Grace Hopper", password },
    });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^[0-9a-f]{48}$/);
    expect(res.body.customer).toMatchObject({ email, name: "Grace Hopper" });
    expect(res.body.customer).not.toHaveProperty("passwordHash");
  });

  it("rejects duplicate emails, weak passwords and bad input", async () => {
    const dup = await call<ErrorBody>(shop, "POST", "/api/auth/register", { body: { email, name: "X", password } });
    expect(dup.status).toBe(409);
    const weak = await call<ErrorBody>(shop, "POST", "/api/auth/register", {
      body: { email: `weak-${Date.now()}@example.test`, name: "W", password: "short" },
    });
    expect(weak.status).toBe(400);
    const badEmail = await call<ErrorBody>(shop, "POST", "/api/auth/register", {
      body: { email: "not-an-email", name: "W", password },
    });
    expect(badEmail.status).toBe(400);
  });

  it("logs in with the right password only", async () => {
    const wrong = await call<ErrorBody>(shop, "POST", "/api/auth/login", { body: { email, password: "nope-nope" } });
    expect(wrong.status).toBe(401);
    const unknown = await call<ErrorBody>(shop, "POST", "/api/auth/login", {
      body: { email: "nobody@example.test", password },
    });
    expect(unknown.status).toBe(401);
    const ok = await call<AuthResult>(shop, "POST", "/api/auth/login", { body: { email, password } });
    expect(ok.status).toBe(200);
    expect(ok.body.customer.email).toBe(email);
  });

  it("requires a valid token for customer routes", async () => {
    expect((await call(shop, "GET", "/api/customers/me")).status).toBe(401);
    expect((await call(shop, "GET", "/api/customers/me", { token: "forged" })).status).toBe(401);
    expect((await call(shop, "GET", "/api/cart")).status).toBe(401);
    expect((await call(shop, "GET", "/api/orders")).status).toBe(401);

    const login = await call<AuthResult>(shop, "POST", "/api/auth/login", { body: { email, password } });
    const me = await call<AuthResult["customer"]>(shop, "GET", "/api/customers/me", { token: login.body.token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);

    const renamed = await call<AuthResult["customer"]>(shop, "PATCH", "/api/customers/me", {
      token: login.body.token,
      body: { name: "Rear Admiral Hopper" },
    });
    expect(renamed.body.name).toBe("Rear Admiral Hopper");
  });

  it("invalidates the token on logout", async () => {
    const login = await call<AuthResult>(shop, "POST", "/api/auth/login", { body: { email, password } });
    const token = login.body.token;
    expect((await call(shop, "POST", "/api/auth/logout", { token })).status).toBe(204);
    expect((await call(shop, "GET", "/api/customers/me", { token })).status).toBe(401);
  });
});
