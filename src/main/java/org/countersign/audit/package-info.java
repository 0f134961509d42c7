/**
 * The audit trail: one row per authentication and per administrative action, written in the same
 * transaction, each linked by a keyed hash to the row before it in its node's segment of the chain
 * ({@link org.countersign.audit.AuditChain}), and the verification of that chain ({@link
 * org.countersign.audit.ChainVerification}).
 */
package org.countersign.audit;
