/**
 * Challenges of challenge-response tokens: opened, answered and finalised by {@link
 * org.countersign.challenge.ChallengeService} through a {@link
 * org.countersign.challenge.ChallengeStore} (the table, shared by every node, one conditional
 * statement per change), purged when expired. Below the transport: it imports neither {@code api}
 * nor {@code web}.
 */
package org.countersign.challenge;
