// The rule lives beside the datasources so that the reconciliation scan (datasources/) can use it
// without importing from resolvers/; the resolvers keep importing it from here.
export * from '../datasources/flex-identity.js';
