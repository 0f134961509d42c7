package org.countersign.challenge;

import jakarta.json.JsonObject;

/**
 * A challenge as the client sees it: the token, a message for the person and the type's own
 * attributes (for example a QR code to scan), returned in {@code multi_challenge}.
 */
public record IssuedChallenge(
    String serial,
    String type,
    String message,
    String clientMode,
    JsonObject attributes,
    String image) {}
