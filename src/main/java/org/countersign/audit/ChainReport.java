package org.countersign.audit;

/**
 * The outcome of a verification of the audit chain.
 *
 * @param checked rows whose link was checked
 * @param firstBrokenId the smallest id of a row that breaks the chain, or null when the chain holds
 *     or when what is missing is not a row (a truncated tail, a deleted segment)
 * @param unchained rows written before the chain existed, which cannot be verified
 * @param reason why the chain is broken, for the operator; null when it holds
 */
public record ChainReport(
    boolean valid, long checked, Long firstBrokenId, long unchained, String reason) {}
