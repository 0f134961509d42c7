package org.countersign.token.tiqr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OcraSuiteTest {

  @Test
  void parsesTiqrSuite() {
    OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QH10-S");
    assertEquals("OCRA-1:HOTP-SHA1-6:QH10-S", suite.text());
    assertEquals("HmacSHA1", suite.hmacAlgorithm());
    assertEquals(6, suite.digits());
    assertFalse(suite.usesCounter());
    assertEquals(OcraSuite.QuestionFormat.H, suite.questionFormat());
    assertEquals(10, suite.questionLength());
    assertEquals(Optional.empty(), suite.pinHashAlgorithm());
    assertFalse(suite.usesPin());
    assertEquals(64, suite.sessionLength());
    assertEquals(0, suite.timeStepSeconds());
  }

  @Test
  void parsesSuiteWithEveryDataInput() {
    OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA512-8:C-QA32-PSHA256-S128-T30S");
    assertEquals("HmacSHA512", suite.hmacAlgorithm());
    assertEquals(8, suite.digits());
    assertTrue(suite.usesCounter());
    assertEquals(OcraSuite.QuestionFormat.A, suite.questionFormat());
    assertEquals(32, suite.questionLength());
    assertEquals(Optional.of("SHA-256"), suite.pinHashAlgorithm());
    assertEquals(128, suite.sessionLength());
    assertEquals(30, suite.timeStepSeconds());
  }

  @Test
  void parsesRfcSuiteWithCounterAndPin() {
    OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1");
    assertEquals("HmacSHA256", suite.hmacAlgorithm());
    assertTrue(suite.usesCounter());
    assertEquals(OcraSuite.QuestionFormat.N, suite.questionFormat());
    assertEquals(Optional.of("SHA-1"), suite.pinHashAlgorithm());
    assertEquals(0, suite.sessionLength());
  }

  @ParameterizedTest
  @CsvSource({"T1S, 1", "T59S, 59", "T1M, 60", "T59M, 3540", "T1H, 3600", "T48H, 172800"})
  void convertsTimeStepToSeconds(String step, long seconds) {
    assertEquals(seconds, OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08-" + step).timeStepSeconds());
  }

  @ParameterizedTest
  @CsvSource({"S001, 1", "S020, 20", "S064, 64", "S256, 256", "S512, 512"})
  void readsThreeDigitSessionLength(String session, int length) {
    assertEquals(length, OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08-" + session).sessionLength());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 5, 6, 7, 8, 9, 10})
  void acceptsTruncationOfZeroAndFourToTen(int digits) {
    assertEquals(digits, OcraSuite.parse("OCRA-1:HOTP-SHA1-" + digits + ":QN08").digits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"04", "10", "64"})
  void acceptsQuestionLengthsFromFourToSixtyFour(String length) {
    assertEquals(
        Integer.parseInt(length),
        OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QA" + length).questionLength());
  }

  @Test
  void equalsByText() {
    assertEquals(
        OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08"), OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08"));
    assertEquals(
        OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08").hashCode(),
        OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08").hashCode());
    assertNotEquals(
        OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08"), OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN10"));
  }

  // rejections

  private static void rejects(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OcraSuite.parse(text));
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
  }

  @Test
  void rejectsNull() {
    rejects(null);
  }

  @Test
  void rejectsEmptyText() {
    rejects("");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OCRA-2:HOTP-SHA1-6:QN08",
        "ocra-1:HOTP-SHA1-6:QN08",
        "OCRA:HOTP-SHA1-6:QN08",
        "XOCRA-1:HOTP-SHA1-6:QN08"
      })
  void rejectsWrongPrefix(String text) {
    rejects(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OCRA-1:HOTP-MD5-6:QN08",
        "OCRA-1:HOTP-SHA224-6:QN08",
        "OCRA-1:HOTP-sha1-6:QN08",
        "OCRA-1:TOTP-SHA1-6:QN08",
        "OCRA-1:HOTP-6:QN08",
        "OCRA-1:HOTP-SHA1:QN08"
      })
  void rejectsBadCryptoFunction(String text) {
    rejects(text);
  }

  @Test
  void rejectsTruncationOfThreeDigits() {
    rejects("OCRA-1:HOTP-SHA1-3:QN08");
  }

  @Test
  void rejectsTruncationOfElevenDigits() {
    rejects("OCRA-1:HOTP-SHA1-11:QN08");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OCRA-1:HOTP-SHA1-1:QN08",
        "OCRA-1:HOTP-SHA1-06:QN08",
        "OCRA-1:HOTP-SHA1-x:QN08",
        "OCRA-1:HOTP-SHA1-:QN08"
      })
  void rejectsOtherBadTruncations(String text) {
    rejects(text);
  }

  @Test
  void rejectsQuestionLengthOfThree() {
    rejects("OCRA-1:HOTP-SHA1-6:QN03");
  }

  @Test
  void rejectsQuestionLengthOfSixtyFive() {
    rejects("OCRA-1:HOTP-SHA1-6:QN65");
  }

  @Test
  void rejectsUnknownQuestionFormat() {
    rejects("OCRA-1:HOTP-SHA1-6:QX08");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OCRA-1:HOTP-SHA1-6:QN8",
        "OCRA-1:HOTP-SHA1-6:QN008",
        "OCRA-1:HOTP-SHA1-6:Q08",
        "OCRA-1:HOTP-SHA1-6:qn08",
        "OCRA-1:HOTP-SHA1-6:C",
        "OCRA-1:HOTP-SHA1-6:",
        "OCRA-1:HOTP-SHA1-6:PSHA1",
        "OCRA-1:HOTP-SHA1-6:C-C-QN08"
      })
  void rejectsMissingOrMalformedQuestion(String text) {
    rejects(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OCRA-1:HOTP-SHA1-6:QN08-P",
        "OCRA-1:HOTP-SHA1-6:QN08-PMD5",
        "OCRA-1:HOTP-SHA1-6:QN08-PSHA",
        "OCRA-1:HOTP-SHA1-6:QN08-Psha1"
      })
  void rejectsBadPinPart(String text) {
    rejects(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OCRA-1:HOTP-SHA1-6:QN08-S000",
        "OCRA-1:HOTP-SHA1-6:QN08-S513",
        "OCRA-1:HOTP-SHA1-6:QN08-S64",
        "OCRA-1:HOTP-SHA1-6:QN08-S0640",
        "OCRA-1:HOTP-SHA1-6:QN08-Sabc"
      })
  void rejectsBadSessionPart(String text) {
    rejects(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OCRA-1:HOTP-SHA1-6:QN08-T0M",
        "OCRA-1:HOTP-SHA1-6:QN08-T60S",
        "OCRA-1:HOTP-SHA1-6:QN08-T60M",
        "OCRA-1:HOTP-SHA1-6:QN08-T49H",
        "OCRA-1:HOTP-SHA1-6:QN08-T1D",
        "OCRA-1:HOTP-SHA1-6:QN08-T1",
        "OCRA-1:HOTP-SHA1-6:QN08-T",
        "OCRA-1:HOTP-SHA1-6:QN08-T100S",
        "OCRA-1:HOTP-SHA1-6:QN08-T01M"
      })
  void rejectsBadTimePart(String text) {
    rejects(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OCRA-1:HOTP-SHA1-6:QN08-X",
        "OCRA-1:HOTP-SHA1-6:QN08-",
        "OCRA-1:HOTP-SHA1-6:QN08:",
        "OCRA-1:HOTP-SHA1-6:QN08 ",
        "OCRA-1:HOTP-SHA1-6:QN08-T1M-",
        "OCRA-1:HOTP-SHA1-6:QN08-T1M-T1M",
        "OCRA-1:HOTP-SHA1-6:QN08-C",
        "OCRA-1:HOTP-SHA1-6:QN08-T1M-PSHA1",
        "OCRA-1:HOTP-SHA1-6:QN08-S-PSHA1",
        "OCRA-1:HOTP-SHA1-6:QN08-PSHA1-PSHA1"
      })
  void rejectsTrailingGarbageAndWrongOrder(String text) {
    rejects(text);
  }

  @Test
  void rejectsMissingParts() {
    rejects("OCRA-1:HOTP-SHA1-6");
    rejects("OCRA-1");
  }

  // random questions

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OCRA-1:HOTP-SHA1-6:QN04",
        "OCRA-1:HOTP-SHA1-6:QN64",
        "OCRA-1:HOTP-SHA1-6:QH10-S",
        "OCRA-1:HOTP-SHA1-6:QH64",
        "OCRA-1:HOTP-SHA256-8:QA08",
        "OCRA-1:HOTP-SHA256-8:QA64"
      })
  void randomQuestionHasSuiteLengthAndIsAccepted(String text) {
    OcraSuite suite = OcraSuite.parse(text);
    RandomGenerator random = new SplittableRandom(6287);
    byte[] key = new byte[20];
    for (int i = 0; i < 50; i++) {
      String question = suite.randomQuestion(random);
      assertEquals(suite.questionLength(), question.length());
      OcraInput.Builder input = OcraInput.builder().question(question);
      if (suite.sessionLength() > 0) {
        input.session(new byte[suite.sessionLength()]);
      }
      assertEquals(suite.digits(), Ocra.compute(suite, key, input.build()).length());
    }
  }

  @Test
  void randomQuestionUsesTheSuiteAlphabet() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 50; i++) {
      assertTrue(
          OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN64").randomQuestion(random).matches("[0-9]{64}"));
      assertTrue(
          OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QH64")
              .randomQuestion(random)
              .matches("[0-9a-f]{64}"));
      assertTrue(
          OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QA64")
              .randomQuestion(random)
              .matches("[0-9A-Za-z]{64}"));
    }
  }
}
