/**
 * The audit trail: one row per authentication and per administrative action, written in the same
 * transaction.
 */
package org.countersign.audit;
