package org.countersign.challenge;

/**
 * Where a challenge stands, stored under the names privacyIDEA reports as {@code challenge_status}.
 */
public enum ChallengeStatus {

  /** Waiting for an answer. */
  PENDING("pending"),

  /** Answered by the token's app; waiting to be finalised by the client. */
  ACCEPT("accept");

  private final String apiName;

  ChallengeStatus(String apiName) {
    this.apiName = apiName;
  }

  /** The name privacyIDEA's API reports and the database stores. */
  public String apiName() {
    return apiName;
  }
}
