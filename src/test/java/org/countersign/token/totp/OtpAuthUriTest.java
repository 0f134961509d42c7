package org.countersign.token.totp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtpAuthUriTest {

  private static byte[] seed() {
    return "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  }

  private static Map<String, String> query(String uri) {
    String raw = uri.substring(uri.indexOf('?') + 1);
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String label(String uri) {
    int start = uri.indexOf('/', "otpauth://".length()) + 1;
    return uri.substring(start, uri.indexOf('?'));
  }

  @Test
  void buildsTotpUriWithAllParameters() {
    String uri = OtpAuthUri.totp("Countersign", "alice", seed(), HashAlgorithm.SHA256, 8, 60);
    assertEquals(
        "otpauth://totp/Countersign:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Countersign&algorithm=SHA256&digits=8&period=60",
        uri);
  }

  @Test
  void buildsHotpUriWithCounter() {
    String uri = OtpAuthUri.hotp("Countersign", "bob", seed(), HashAlgorithm.SHA1, 6, 42);
    assertTrue(uri.startsWith("otpauth://hotp/Countersign:bob?"), uri);
    Map<String, String> params = query(uri);
    assertEquals("SHA1", params.get("algorithm"));
    assertEquals("6", params.get("digits"));
    assertEquals("42", params.get("counter"));
    assertEquals("Countersign", params.get("issuer"));
    assertFalse(params.containsKey("period"));
  }

  @Test
  void totpUriHasNoCounter() {
    String uri = OtpAuthUri.totp("Countersign", "alice", seed(), HashAlgorithm.SHA1, 6, 30);
    Map<String, String> params = query(uri);
    assertFalse(params.containsKey("counter"));
    assertEquals("30", params.get("period"));
  }

  @Test
  void namesTheAlgorithmAsAuthenticatorsExpect() {
    assertEquals(
        "SHA512",
        query(OtpAuthUri.totp("I", "a", seed(), HashAlgorithm.SHA512, 6, 30)).get("algorithm"));
  }

  @Test
  void percentEncodesSpacesInTheLabelAsPercent20() {
    String uri = OtpAuthUri.totp("Example Corp", "alice smith", seed(), HashAlgorithm.SHA1, 6, 30);
    assertEquals("Example%20Corp:alice%20smith", label(uri));
    assertTrue(uri.contains("&issuer=Example%20Corp&"), uri);
    assertFalse(uri.contains("+"), uri);
  }

  @Test
  void percentEncodesReservedCharactersInTheLabel() {
    String uri = OtpAuthUri.totp("A&B:C", "al@x.org/?#", seed(), HashAlgorithm.SHA1, 6, 30);
    assertEquals("A%26B%3AC:al%40x.org%2F%3F%23", label(uri));
    assertEquals("A&B:C", query(uri).get("issuer"));
  }

  @Test
  void percentEncodesNonAsciiAsUtf8() {
    String uri = OtpAuthUri.totp("Zürich", "jürgen", seed(), HashAlgorithm.SHA1, 6, 30);
    assertEquals("Z%C3%BCrich:j%C3%BCrgen", label(uri));
  }

  @Test
  void labelIsAValidUriPathThatDecodesToIssuerColonAccount() {
    String uri = OtpAuthUri.totp("Example Corp", "alice smith", seed(), HashAlgorithm.SHA1, 6, 30);
    assertEquals("/Example Corp:alice smith", URI.create(uri).getPath());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 10, 20, 32, 64})
  void secretIsUnpaddedUpperCaseBase32ThatDecodesToTheSeed(int length) {
    byte[] seed = new byte[length];
    for (int i = 0; i < length; i++) {
      seed[i] = (byte) (i * 37 + 11);
    }
    String secret = query(OtpAuthUri.totp("I", "a", seed, HashAlgorithm.SHA1, 6, 30)).get("secret");
    assertTrue(secret.matches("[A-Z2-7]+"), secret);
    assertArrayEquals(seed, new Base32().decode(secret));
  }
}
