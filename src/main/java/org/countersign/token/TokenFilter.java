package org.countersign.token;

import java.util.Optional;

/** Which tokens a listing shows; every part optional. */
public record TokenFilter(
    Optional<String> serial,
    Optional<String> type,
    Optional<String> username,
    Optional<String> realm) {}
