export default async function globalTeardown() {
  await globalThis.__concertoTestPostgres?.stop();
}
