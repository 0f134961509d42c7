/**
 * Challenges of challenge-response tokens: stored rows, shared by every node, purged when expired.
 */
package org.countersign.challenge;
