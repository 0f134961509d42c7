/**
 * The audit chain's check without a server: {@link org.countersign.audit.cli.AuditChainCheck} reads
 * a database over JDBC and runs the same verification as {@code GET /audit/verify}.
 */
package org.countersign.audit.cli;
