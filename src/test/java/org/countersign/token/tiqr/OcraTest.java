package org.countersign.token.tiqr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OcraTest {

  private static final byte[] KEY20 = ascii("12345678901234567890");
  private static final byte[] KEY32 = ascii("12345678901234567890123456789012");
  private static final byte[] KEY64 =
      ascii("1234567890123456789012345678901234567890123456789012345678901234");
  private static final String PIN = "1234";
  private static final String PIN_SHA1 = "7110eda4d09e062aa5e4a390b0a572ac0d2c0220";
  private static final long RFC_TIME_STEPS = 0x132d0b6L;

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String compute(String suite, byte[] key, OcraInput.Builder input) {
    return Ocra.compute(OcraSuite.parse(suite), key, input.build());
  }

  private static OcraInput.Builder q(String question) {
    return OcraInput.builder().question(question);
  }

  // RFC 6287 Appendix C.1: one-way challenge-response

  @ParameterizedTest
  @CsvSource({
    "00000000, 237653", "11111111, 243178", "22222222, 653583", "33333333, 740991",
    "44444444, 608993", "55555555, 388898", "66666666, 816933", "77777777, 224598",
    "88888888, 750600", "99999999, 294470"
  })
  void matchesRfcVectorsForSha1Qn08(String question, String expected) {
    assertEquals(expected, compute("OCRA-1:HOTP-SHA1-6:QN08", KEY20, q(question)));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 65347737", "1, 86775851", "2, 78192410", "3, 71565254", "4, 10104329",
    "5, 65983500", "6, 70069104", "7, 91771096", "8, 75011558", "9, 08522129"
  })
  void matchesRfcVectorsForSha256CounterQn08Pin(long counter, String expected) {
    String suite = "OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1";
    assertEquals(expected, compute(suite, KEY32, q("12345678").counter(counter).pin(PIN)));
    assertEquals(
        expected, compute(suite, KEY32, q("12345678").counter(counter).pinHashHex(PIN_SHA1)));
  }

  @ParameterizedTest
  @CsvSource({
    "00000000, 83238735",
    "11111111, 01501458",
    "22222222, 17957585",
    "33333333, 86776967",
    "44444444, 86807031"
  })
  void matchesRfcVectorsForSha256Qn08Pin(String question, String expected) {
    assertEquals(expected, compute("OCRA-1:HOTP-SHA256-8:QN08-PSHA1", KEY32, q(question).pin(PIN)));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 00000000, 07016083", "1, 11111111, 63947962", "2, 22222222, 70123924",
    "3, 33333333, 25341727", "4, 44444444, 33203315", "5, 55555555, 34205738",
    "6, 66666666, 44343969", "7, 77777777, 51946085", "8, 88888888, 20403879",
    "9, 99999999, 31409299"
  })
  void matchesRfcVectorsForSha512CounterQn08(long counter, String question, String expected) {
    assertEquals(
        expected, compute("OCRA-1:HOTP-SHA512-8:C-QN08", KEY64, q(question).counter(counter)));
  }

  @ParameterizedTest
  @CsvSource({
    "00000000, 95209754",
    "11111111, 55907591",
    "22222222, 22048402",
    "33333333, 24218844",
    "44444444, 36209546"
  })
  void matchesRfcVectorsForSha512Qn08TimeStepOneMinute(String question, String expected) {
    String suite = "OCRA-1:HOTP-SHA512-8:QN08-T1M";
    assertEquals(expected, compute(suite, KEY64, q(question).timeSteps(RFC_TIME_STEPS)));
    assertEquals(
        expected, compute(suite, KEY64, q(question).time(Instant.parse("2008-03-25T12:06:30Z"))));
  }

  // RFC 6287 Appendix C.2: mutual challenge-response

  @ParameterizedTest
  @CsvSource({
    "CLI22220, SRV11110, 28247970", "CLI22221, SRV11111, 01984843",
    "CLI22222, SRV11112, 65387857", "CLI22223, SRV11113, 03351211",
    "CLI22224, SRV11114, 83412541"
  })
  void matchesRfcServerVectorsForSha256Qa08(String client, String server, String expected) {
    assertEquals(
        expected,
        compute(
            "OCRA-1:HOTP-SHA256-8:QA08",
            KEY32,
            OcraInput.builder().mutualQuestion(client, server)));
  }

  @ParameterizedTest
  @CsvSource({
    "SRV11110, CLI22220, 15510767", "SRV11111, CLI22221, 90175646",
    "SRV11112, CLI22222, 33777207", "SRV11113, CLI22223, 95285278",
    "SRV11114, CLI22224, 28934924"
  })
  void matchesRfcClientVectorsForSha256Qa08(String server, String client, String expected) {
    assertEquals(
        expected,
        compute(
            "OCRA-1:HOTP-SHA256-8:QA08",
            KEY32,
            OcraInput.builder().mutualQuestion(server, client)));
  }

  @ParameterizedTest
  @CsvSource({
    "CLI22220, SRV11110, 79496648", "CLI22221, SRV11111, 76831980",
    "CLI22222, SRV11112, 12250499", "CLI22223, SRV11113, 90856481",
    "CLI22224, SRV11114, 12761449"
  })
  void matchesRfcServerVectorsForSha512Qa08(String client, String server, String expected) {
    assertEquals(
        expected,
        compute(
            "OCRA-1:HOTP-SHA512-8:QA08",
            KEY64,
            OcraInput.builder().mutualQuestion(client, server)));
  }

  @ParameterizedTest
  @CsvSource({
    "SRV11110, CLI22220, 18806276", "SRV11111, CLI22221, 70020315",
    "SRV11112, CLI22222, 01600026", "SRV11113, CLI22223, 18951020",
    "SRV11114, CLI22224, 32528969"
  })
  void matchesRfcClientVectorsForSha512Qa08Pin(String server, String client, String expected) {
    assertEquals(
        expected,
        compute(
            "OCRA-1:HOTP-SHA512-8:QA08-PSHA1",
            KEY64,
            OcraInput.builder().mutualQuestion(server, client).pin(PIN)));
  }

  // RFC 6287 Appendix C.3: plain signature

  @ParameterizedTest
  @CsvSource({
    "SIG10000, 53095496",
    "SIG11000, 04110475",
    "SIG12000, 31331128",
    "SIG13000, 76028668",
    "SIG14000, 46554205"
  })
  void matchesRfcSignatureVectorsForSha256Qa08(String question, String expected) {
    assertEquals(expected, compute("OCRA-1:HOTP-SHA256-8:QA08", KEY32, q(question)));
  }

  @ParameterizedTest
  @CsvSource({
    "SIG1000000, 77537423",
    "SIG1100000, 31970405",
    "SIG1200000, 10235557",
    "SIG1300000, 95213541",
    "SIG1400000, 65360607"
  })
  void matchesRfcSignatureVectorsForSha512Qa10TimeStepOneMinute(String question, String expected) {
    assertEquals(
        expected,
        compute("OCRA-1:HOTP-SHA512-8:QA10-T1M", KEY64, q(question).timeSteps(RFC_TIME_STEPS)));
  }

  // tiqr

  @ParameterizedTest
  @CsvSource({"0000000000, 0, 525367", "1111111111, 32, 401066", "2222222222, 64, 453922"})
  void matchesTiqrVectorsWithSessionLeftPaddedToSixtyFourBytes(
      String question, int firstSessionByte, String expected) {
    byte[] session = new byte[32];
    for (int i = 0; i < session.length; i++) {
      session[i] = (byte) (firstSessionByte + i);
    }
    String suite = "OCRA-1:HOTP-SHA1-6:QH10-S";
    assertEquals(expected, compute(suite, KEY32, q(question).session(session)));

    byte[] padded = new byte[64];
    System.arraycopy(session, 0, padded, 32, 32);
    assertEquals(expected, compute(suite, KEY32, q(question).session(padded)));
    assertEquals(expected, compute(suite, KEY32, q(question).sessionHex(hex(session))));
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }

  @Test
  void treatsHexQuestionCaseInsensitively() {
    String suite = "OCRA-1:HOTP-SHA1-6:QH10-S";
    assertEquals(
        compute(suite, KEY32, q("abcdef0123").sessionHex("01")),
        compute(suite, KEY32, q("ABCDEF0123").sessionHex("01")));
  }

  @Test
  void padsOddLengthSessionHexWithLeadingZero() {
    String suite = "OCRA-1:HOTP-SHA1-6:QH10-S";
    assertEquals(
        compute(suite, KEY32, q("0000000000").session(new byte[] {0x0a, (byte) 0xbc})),
        compute(suite, KEY32, q("0000000000").sessionHex("abc")));
  }

  @Test
  void returnsFullTruncatedValueWhenTruncationIsZero() throws Exception {
    String suite = "OCRA-1:HOTP-SHA1-0:QA08";
    byte[] data = new byte[suite.length() + 1 + 128];
    System.arraycopy(ascii(suite), 0, data, 0, suite.length());
    System.arraycopy(ascii("SIG10000"), 0, data, suite.length() + 1, 8);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(KEY20, "HmacSHA1"));
    byte[] h = mac.doFinal(data);
    int o = h[19] & 0xf;
    int code =
        ((h[o] & 0x7f) << 24)
            | ((h[o + 1] & 0xff) << 16)
            | ((h[o + 2] & 0xff) << 8)
            | (h[o + 3] & 0xff);
    assertEquals(Integer.toString(code), compute(suite, KEY20, q("SIG10000")));
  }

  @Test
  void padsTenDigitResponsesWithZeros() {
    String response = compute("OCRA-1:HOTP-SHA1-10:QN08", KEY20, q("12345678"));
    assertEquals(10, response.length());
    assertTrue(response.chars().allMatch(Character::isDigit));
  }

  @Test
  void verifyAcceptsCorrectAndRejectsWrongResponses() {
    OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08");
    OcraInput input = q("00000000").build();
    assertTrue(Ocra.verify(suite, KEY20, input, "237653"));
    assertFalse(Ocra.verify(suite, KEY20, input, "237654"));
    assertFalse(Ocra.verify(suite, KEY20, input, "23765"));
    assertFalse(Ocra.verify(suite, KEY20, input, "0237653"));
    assertFalse(Ocra.verify(suite, KEY20, input, ""));
    assertFalse(Ocra.verify(suite, KEY20, input, null));
  }

  // invalid inputs

  private static void rejects(String suite, byte[] key, OcraInput.Builder input) {
    assertThrows(IllegalArgumentException.class, () -> compute(suite, key, input));
  }

  @Test
  void rejectsQuestionLongerThanSuiteAllows() {
    rejects("OCRA-1:HOTP-SHA1-6:QN08", KEY20, q("123456789"));
  }

  @Test
  void rejectsConcatenatedMutualQuestionGivenAsOne() {
    rejects("OCRA-1:HOTP-SHA256-8:QA08", KEY32, q("CLI22220SRV11110"));
  }

  @Test
  void rejectsEmptyQuestion() {
    rejects("OCRA-1:HOTP-SHA1-6:QN08", KEY20, q(""));
  }

  @Test
  void rejectsNonDigitInNumericQuestion() {
    rejects("OCRA-1:HOTP-SHA1-6:QN08", KEY20, q("1234567a"));
  }

  @Test
  void rejectsNonHexInHexQuestion() {
    rejects("OCRA-1:HOTP-SHA1-6:QH10", KEY20, q("000000000g"));
  }

  @Test
  void rejectsNonAlphanumericInAlphanumericQuestion() {
    rejects("OCRA-1:HOTP-SHA256-8:QA08", KEY32, q("SIG-1000"));
  }

  @Test
  void rejectsMissingCounter() {
    rejects("OCRA-1:HOTP-SHA512-8:C-QN08", KEY64, q("00000000"));
  }

  @Test
  void rejectsCounterForSuiteWithoutCounter() {
    rejects("OCRA-1:HOTP-SHA1-6:QN08", KEY20, q("00000000").counter(1));
  }

  @Test
  void rejectsNegativeCounter() {
    assertThrows(IllegalArgumentException.class, () -> OcraInput.builder().counter(-1));
  }

  @Test
  void rejectsMissingPin() {
    rejects("OCRA-1:HOTP-SHA256-8:QN08-PSHA1", KEY32, q("00000000"));
  }

  @Test
  void rejectsPinForSuiteWithoutPin() {
    rejects("OCRA-1:HOTP-SHA1-6:QN08", KEY20, q("00000000").pin(PIN));
  }

  @Test
  void rejectsPinHashOfWrongLength() {
    rejects("OCRA-1:HOTP-SHA256-8:QN08-PSHA1", KEY32, q("00000000").pinHash(new byte[32]));
  }

  @Test
  void rejectsPinHashThatIsNotHex() {
    assertThrows(
        IllegalArgumentException.class, () -> OcraInput.builder().pinHashHex("7110eda4zz"));
  }

  @Test
  void rejectsBothPinAndPinHash() {
    assertThrows(
        IllegalArgumentException.class, () -> q("00000000").pin(PIN).pinHashHex(PIN_SHA1).build());
  }

  @Test
  void rejectsMissingSession() {
    rejects("OCRA-1:HOTP-SHA1-6:QH10-S", KEY32, q("0000000000"));
  }

  @Test
  void rejectsSessionLongerThanSuiteAllows() {
    rejects("OCRA-1:HOTP-SHA1-6:QH10-S", KEY32, q("0000000000").session(new byte[65]));
  }

  @Test
  void rejectsSessionForSuiteWithoutSession() {
    rejects("OCRA-1:HOTP-SHA1-6:QH10", KEY32, q("0000000000").session(new byte[1]));
  }

  @Test
  void rejectsMissingTime() {
    rejects("OCRA-1:HOTP-SHA512-8:QN08-T1M", KEY64, q("00000000"));
  }

  @Test
  void rejectsTimeForSuiteWithoutTime() {
    rejects("OCRA-1:HOTP-SHA1-6:QN08", KEY20, q("00000000").timeSteps(1));
  }

  @Test
  void rejectsBothTimeStepsAndTime() {
    assertThrows(
        IllegalArgumentException.class,
        () -> q("00000000").timeSteps(1).time(Instant.EPOCH).build());
  }

  @Test
  void rejectsInputWithoutQuestion() {
    assertThrows(IllegalArgumentException.class, () -> OcraInput.builder().build());
  }

  @Test
  void rejectsEmptyOrMissingKey() {
    rejects("OCRA-1:HOTP-SHA1-6:QN08", new byte[0], q("00000000"));
    rejects("OCRA-1:HOTP-SHA1-6:QN08", null, q("00000000"));
  }

  @Test
  void rejectsMissingSuiteOrInput() {
    OcraInput input = q("00000000").build();
    OcraSuite suite = OcraSuite.parse("OCRA-1:HOTP-SHA1-6:QN08");
    assertThrows(IllegalArgumentException.class, () -> Ocra.compute(null, KEY20, input));
    assertThrows(IllegalArgumentException.class, () -> Ocra.compute(suite, KEY20, null));
  }

  @Test
  void inputToStringRevealsNoSecrets() {
    String text = q("00000000").pin(PIN).sessionHex("abcdef").build().toString();
    assertFalse(text.contains(PIN));
    assertFalse(text.contains("abcdef"));
  }
}
