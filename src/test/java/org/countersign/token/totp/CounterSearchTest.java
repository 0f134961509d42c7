package org.countersign.token.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import org.countersign.token.spi.OtpToken;
import org.junit.jupiter.api.Test;

class CounterSearchTest {

  // RFC 4226 Appendix D codes for counters 0..9 under the key "12345678901234567890"
  private static final String[] CODES = {
    "755224", "287082", "359152", "969429", "338314",
    "254676", "287922", "162583", "399871", "520489"
  };

  private static OtpToken token(long lastCounter) {
    byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    return new OtpToken(seed, 6, Map.of(), lastCounter);
  }

  private static Hotp sha1Six() {
    return new Hotp(HashAlgorithm.SHA1, 6);
  }

  // Under the same key, counters 2386 and 2394 both give "709847" (a 6-digit collision).
  private static final String COLLIDING_CODE = "709847";

  @Test
  void prefersAFreshMatchOverAStaleOne() {
    assertEquals(
        OptionalLong.of(2394),
        CounterSearch.find(sha1Six(), token(2390), COLLIDING_CODE, 2380, 2400));
  }

  @Test
  void prefersTheLowestFreshMatchWhenSeveralAreFresh() {
    assertEquals(
        OptionalLong.of(2386),
        CounterSearch.find(sha1Six(), token(2385), COLLIDING_CODE, 2380, 2400));
  }

  @Test
  void reportsTheLatestStaleMatchWhenNoneIsFresh() {
    assertEquals(
        OptionalLong.of(2394),
        CounterSearch.find(sha1Six(), token(2394), COLLIDING_CODE, 2380, 2400));
  }

  @Test
  void findsAFreshMatchAboveTheLastCounter() {
    assertEquals(OptionalLong.of(5), CounterSearch.find(sha1Six(), token(2), CODES[5], 0, 9));
  }

  @Test
  void findsAMatchWhenNoCounterWasAcceptedYet() {
    assertEquals(OptionalLong.of(0), CounterSearch.find(sha1Six(), token(-1), CODES[0], 0, 9));
  }

  @Test
  void reportsAStaleMatchWhenOnlyTheLastAcceptedCounterMatches() {
    assertEquals(OptionalLong.of(4), CounterSearch.find(sha1Six(), token(4), CODES[4], 0, 9));
  }

  @Test
  void reportsAStaleMatchBelowTheLastAcceptedCounter() {
    assertEquals(OptionalLong.of(1), CounterSearch.find(sha1Six(), token(4), CODES[1], 0, 9));
  }

  @Test
  void returnsEmptyWhenNoCounterInRangeMatches() {
    assertEquals(OptionalLong.empty(), CounterSearch.find(sha1Six(), token(-1), "000000", 0, 9));
  }

  @Test
  void returnsEmptyForCodeOfWrongLength() {
    assertEquals(OptionalLong.empty(), CounterSearch.find(sha1Six(), token(-1), "75522", 0, 9));
    assertEquals(OptionalLong.empty(), CounterSearch.find(sha1Six(), token(-1), "7552240", 0, 9));
    assertEquals(OptionalLong.empty(), CounterSearch.find(sha1Six(), token(-1), "", 0, 9));
  }

  @Test
  void includesTheFirstCounterOfTheRange() {
    assertEquals(OptionalLong.of(3), CounterSearch.find(sha1Six(), token(-1), CODES[3], 3, 6));
  }

  @Test
  void includesTheLastCounterOfTheRange() {
    assertEquals(OptionalLong.of(6), CounterSearch.find(sha1Six(), token(-1), CODES[6], 3, 6));
  }

  @Test
  void ignoresCountersJustOutsideTheRange() {
    assertEquals(OptionalLong.empty(), CounterSearch.find(sha1Six(), token(-1), CODES[2], 3, 6));
    assertEquals(OptionalLong.empty(), CounterSearch.find(sha1Six(), token(-1), CODES[7], 3, 6));
  }

  @Test
  void searchesASingleCounterRange() {
    assertEquals(OptionalLong.of(8), CounterSearch.find(sha1Six(), token(-1), CODES[8], 8, 8));
  }

  @Test
  void returnsEmptyForAnEmptyRange() {
    assertEquals(OptionalLong.empty(), CounterSearch.find(sha1Six(), token(-1), CODES[8], 9, 8));
  }

  @Test
  void clampsANegativeFirstCounterToZero() {
    assertEquals(OptionalLong.of(0), CounterSearch.find(sha1Six(), token(-1), CODES[0], -5, 2));
  }
}
