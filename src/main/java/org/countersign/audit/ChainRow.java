package org.countersign.audit;

import java.time.LocalDateTime;

/**
 * One audit row as the chain sees it: its content, its place in a segment and its stored link.
 * {@code segment} and {@code seq} are null for rows written before the chain existed.
 */
public record ChainRow(
    long id,
    Long segment,
    Long seq,
    String hash,
    LocalDateTime at,
    String action,
    String username,
    String realm,
    String serial,
    String tokenType,
    boolean success,
    String result,
    String client,
    String actor,
    String info) {}
