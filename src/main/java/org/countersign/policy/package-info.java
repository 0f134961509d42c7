/**
 * Policies as privacyIDEA has them: named rules of a scope (authentication, enrollment, user, …)
 * that set actions for the requests they match by realm, resolver, user and client address,
 * combined by priority. Stored in the database so that every node applies the same ones, and read
 * through a cache that a check never waits on. Token types add actions of their own through {@link
 * org.countersign.policy.ActionProvider}.
 */
package org.countersign.policy;
