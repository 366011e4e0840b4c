import { describe, expect, it } from "vitest";
import { checkHost, FetchRefused, isPrivateAddress } from "../../src/server/net-guard.js";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "224.0.0.1",
    "::",
    "::1",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
    "2002:c0a8:101::1",
    "not an address",
    "",
  ])("%s is not public", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "192.169.0.1",
    "100.128.0.1",
    "2001:4860:4860::8888",
    "2a00:1450:4007::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
  ])("%s is public", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe("checkHost", () => {
  const resolveTo =
    (...addresses: string[]) =>
    async () =>
      addresses.map((address) => ({ address, family: (address.includes(":") ? 6 : 4) as 4 | 6 }));

  it("refuses a name when any of its addresses is private", async () => {
    const check = checkHost("mixed.example", { resolve: resolveTo("8.8.8.8", "10.0.0.7") });
    await expect(check).rejects.toBeInstanceOf(FetchRefused);
    await expect(check).rejects.toMatchObject({ status: 400, message: /10\.0\.0\.7/ });
  });

  it("returns the checked addresses of a public name, and allows private ones when told", async () => {
    expect(await checkHost("public.example", { resolve: resolveTo("8.8.4.4") })).toEqual([
      { address: "8.8.4.4", family: 4 },
    ]);
    expect(
      await checkHost("intranet.example", { resolve: resolveTo("10.1.1.1"), allowPrivate: true }),
    ).toHaveLength(1);
  });

  it("checks address literals without a lookup, bracketed IPv6 included", async () => {
    const never = async () => {
      throw new Error("no lookup expected");
    };
    await expect(checkHost("[::1]", { resolve: never })).rejects.toMatchObject({ status: 400 });
    await expect(checkHost("127.0.0.1", { resolve: never })).rejects.toMatchObject({ status: 400 });
    expect(await checkHost("[2001:4860:4860::8888]", { resolve: never })).toHaveLength(1);
  });

  it("answers 502 when the name does not resolve", async () => {
    const failing = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    await expect(checkHost("nowhere.invalid", { resolve: failing })).rejects.toMatchObject({
      status: 502,
    });
    await expect(checkHost("empty.example", { resolve: resolveTo() })).rejects.toMatchObject({
      status: 502,
    });
  });
});
